import type { CST } from 'yaml';

/**
 * Bounds on the front matter Intertitle will read. A real review's front matter is a few
 * kilobytes, a few levels deep and has no aliases; these stop hostile files from hanging the app
 * (parsing cost grows with size, and the composer recurses once per level of nesting).
 */
export const frontMatterLimits = {
  /** Characters of YAML; a tenth of a second or two of parsing on a slow laptop at the worst. */
  maxChars: 128 * 1024,
  /** Collections inside collections. */
  maxDepth: 64,
  /** `*name` references; each can expand to a whole subtree. */
  maxAliases: 100,
} as const;

export interface GuardProblem {
  /** Offset in the YAML text the problem points at. */
  offset: number;
  message: string;
}

/**
 * A first look before parsing: brackets opened deeper than the limit, or a line that opens more
 * lists than that (`- - - - x`). yaml's lexer slows down badly on thousands of these (a third of a
 * second for 20 KB), so such text is refused at once. Brackets inside quotes count too; a real
 * review never has sixty-four of them open.
 */
export function checkNesting(yaml: string): GuardProblem | null {
  let depth = 0;
  let lineStart = true;
  let indicators = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      indicators = 0;
      continue;
    }
    if (lineStart) {
      // `-`, `?` or `:` followed by a space, at the start of a line or after another one.
      const next = yaml.charCodeAt(i + 1);
      if ((c === 0x2d || c === 0x3f || c === 0x3a) && (next === 0x20 || next === 0x09)) {
        if (++indicators > frontMatterLimits.maxDepth) return { offset: i, message: tooDeep };
        i++;
        continue;
      }
      if (c !== 0x20 && c !== 0x09) lineStart = false;
    }
    if (c === 0x5b || c === 0x7b) {
      if (++depth > frontMatterLimits.maxDepth) return { offset: i, message: tooDeep };
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return null;
}

const tooDeep = `The front matter nests more than ${frontMatterLimits.maxDepth} levels deep; Intertitle does not read it.`;

/**
 * Walks the parser's tokens without recursion, so a 10,000-deep file cannot overflow the stack,
 * and returns the first limit it breaks.
 */
export function checkTokens(tokens: readonly CST.Token[]): GuardProblem | null {
  const stack: Array<{ token: CST.Token | null | undefined; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  let aliases = 0;
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push({ token: token.value, depth });
        break;
      case 'alias':
        if (++aliases > frontMatterLimits.maxAliases) {
          return {
            offset: token.offset,
            message: `The front matter has more than ${frontMatterLimits.maxAliases} aliases (*name); Intertitle stops there so that a file cannot expand without end.`,
          };
        }
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inner = depth + 1;
        if (inner > frontMatterLimits.maxDepth) {
          return { offset: token.offset, message: tooDeep };
        }
        for (const item of token.items) {
          stack.push({ token: item.key, depth: inner }, { token: item.value, depth: inner });
        }
        break;
      }
      default:
        break;
    }
  }
  return null;
}

/** The first line of the file names a language (`---js`, `---coffee`): front matter meant to be run. */
export function codeFence(source: string): string | null {
  const end = source.indexOf('\n');
  const first = (end < 0 ? source : source.slice(0, end)).replace(/\r$/, '');
  return /^\uFEFF?---[ \t]*([A-Za-z][\w-]*)[ \t]*$/.exec(first)?.[1] ?? null;
}
