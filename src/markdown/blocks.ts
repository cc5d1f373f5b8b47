import type { Token } from 'markdown-it';
import { markdown } from './markdown';
import type { RenderEnv } from './render-env';

/**
 * One top-level piece of a review body, rendered but not yet sanitised. The preview patches the
 * page block by block (DESIGN §5), and the CLI joins the same blocks, so both show the same thing.
 */
export interface RenderedBlock {
  /** markdown-it's HTML for the block, with its trailing newline. Not safe until sanitised. */
  html: string;
  /**
   * The `data-line` / `data-line-end` pair on the block's first tag, or null when it has none
   * (raw HTML, the footnotes section) or when it holds raw HTML (see `raw`).
   */
  lines: readonly [number, number] | null;
  /**
   * The block holds raw HTML. Its markup is the user's, so it is never edited in place: a change
   * of its line numbers re-creates it rather than rewriting attributes the user may have written.
   */
  raw: boolean;
  /** The body lines (0-based, end exclusive) the block was read from; null for the footnotes. */
  span: readonly [number, number] | null;
}

/**
 * Renders a review body as its top-level blocks. Concatenated, the blocks are exactly
 * `markdown.render(body, env)`. Blocks whose raw HTML leaves an element open (`<details>` …
 * markdown … `</details>`) are joined with the blocks that follow until it closes, so each block
 * can be sanitised on its own and still mean what the whole document means.
 */
export function renderBlocks(body: string, env: RenderEnv): RenderedBlock[] {
  const tokens = markdown.parse(body, env);
  const blocks: RenderedBlock[] = [];
  let open: { html: string; span: [number, number] | null } | null = null;
  for (const group of topLevelGroups(tokens)) {
    const html = markdown.renderer.render(group, markdown.options, env);
    const span = spanOf(group);
    if (open === null && !group.some(isRawHtml)) {
      blocks.push({ html, lines: linesOf(group[0]!, env), raw: false, span });
      continue;
    }
    open = open ? { html: open.html + html, span: open.span && span && [open.span[0], span[1]] } : { html, span };
    if (leavesOpen(open.html)) continue;
    blocks.push({ html: open.html, lines: null, raw: true, span: open.span });
    open = null;
  }
  if (open !== null) blocks.push({ html: open.html, lines: null, raw: true, span: open.span });
  return blocks;
}

/** The tokens of each top-level block, in order (markdown-it's `level` is not reliable for footnotes). */
export function topLevelGroups(tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  let depth = 0;
  let start = 0;
  tokens.forEach((token, i) => {
    depth += token.nesting;
    if (depth === 0) {
      groups.push(tokens.slice(start, i + 1));
      start = i + 1;
    }
  });
  if (start < tokens.length) groups.push(tokens.slice(start));
  return groups;
}

function spanOf(group: Token[]): [number, number] | null {
  const map = group[0]?.map;
  return map ? [map[0], map[1]] : null;
}

function linesOf(token: Token, env: RenderEnv): readonly [number, number] | null {
  const line = token.attrGet('data-line');
  const end = token.attrGet('data-line-end');
  if (line !== null && end !== null) return [Number(line), Number(end)];
  // Code blocks get theirs on the <pre> from the source-lines renderer rule, from the same map.
  if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
    const offset = env.lineOffset ?? 0;
    return [token.map[0] + offset, token.map[1] + offset];
  }
  return null;
}

function isRawHtml(token: Token): boolean {
  return token.type === 'html_block' || (token.children?.some((child) => child.type === 'html_inline') ?? false);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// The HTML parser re-opens these in later blocks when they are left open (the "adoption agency").
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * Whether HTML leaves an element (or a comment) open for whatever follows it, as far as a tag
 * count can tell. It decides only how blocks are grouped: each group is sanitised on its own
 * either way, so a wrong guess can change how raw HTML nests, never what the sanitiser lets in.
 */
export function leavesOpen(html: string): boolean {
  const stack: string[] = [];
  for (const match of html.matchAll(TAG)) {
    const [text, closing, rawName, selfClosing] = match;
    if (text.startsWith('<!--')) {
      if (!text.endsWith('-->') || text.length < 7) return true;
      continue;
    }
    const name = rawName!.toLowerCase();
    if (!closing) {
      if (!VOID.has(name) && !selfClosing) stack.push(name);
      continue;
    }
    const at = stack.lastIndexOf(name);
    if (at < 0) continue; // a stray end tag: the parser ignores it here as it would in the whole
    if (stack.slice(at + 1).some((inner) => FORMATTING.has(inner))) return true;
    stack.length = at;
  }
  return stack.length > 0;
}
