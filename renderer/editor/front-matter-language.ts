import { yamlLanguage } from '@codemirror/lang-yaml';
import { Language, LanguageSupport, defineLanguageFacet, languageDataProp } from '@codemirror/language';
import { MountedTree, NodeProp, NodeSet, NodeType, Parser, Tree, TreeFragment, type Input, type PartialParse } from '@lezer/common';
import { styleTags, tags } from '@lezer/highlight';
import { SectionedParse, defaultSections, type SectionOptions } from './body-sections';

/** Where a review's front matter lies, in offsets from the start of the text. */
export interface FrontMatterSpan {
  /** The opening `---` line (without its line break). */
  open: { from: number; to: number };
  /** The YAML between the fences, with the last line's break. */
  content: { from: number; to: number };
  /** The closing `---` or `...` line (without its line break). */
  close: { from: number; to: number };
}

// The same fences as `splitFrontMatter` (src/review/front-matter.ts), so the editor colours as
// YAML exactly what the preview and the sidebar read as YAML.
const OPENING_FENCE = /^---[ \t]*\r?$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/;
const BOM = '\uFEFF';

/**
 * Finds the front matter at the start of a text of `length` characters, reading only as far as
 * its closing fence (in growing windows), so a 3 MB draft costs what its front matter costs.
 * Returns null when the text has none: no opening fence on the first line, or no closing one.
 */
export function findFrontMatter(read: (from: number, to: number) => string, length: number, firstWindow = 4096): FrontMatterSpan | null {
  for (let window = firstWindow; ; window *= 4) {
    const end = Math.min(length, window);
    const found = scan(read(0, end), end === length);
    if (found !== undefined) return found;
  }
}

/** The front matter of `text`; undefined when the text is cut short before it could tell. */
function scan(text: string, complete: boolean): FrontMatterSpan | null | undefined {
  const start = text.startsWith(BOM) ? BOM.length : 0;
  if (!text.startsWith('---', start)) return complete || text.length - start >= 3 ? null : undefined;
  const firstBreak = text.indexOf('\n', start);
  if (firstBreak < 0) {
    // A first line that is all fence so far may still be one (a long run of trailing spaces).
    return complete || !OPENING_FENCE.test(text.slice(start)) ? null : undefined;
  }
  if (!OPENING_FENCE.test(text.slice(start, firstBreak))) return null;
  for (let lineStart = firstBreak + 1; lineStart < text.length || complete; ) {
    if (lineStart >= text.length) return null;
    const lineBreak = text.indexOf('\n', lineStart);
    if (lineBreak < 0 && !complete) return undefined;
    const lineEnd = lineBreak < 0 ? text.length : lineBreak;
    if (CLOSING_FENCE.test(text.slice(lineStart, lineEnd))) {
      const trim = (to: number) => (text[to - 1] === '\r' ? to - 1 : to);
      return {
        open: { from: start, to: trim(firstBreak) },
        content: { from: firstBreak + 1, to: lineStart },
        close: { from: lineStart, to: trim(lineEnd) },
      };
    }
    if (lineBreak < 0) return null;
    lineStart = lineBreak + 1;
  }
  return undefined;
}

const data = defineLanguageFacet();

// The node names of @codemirror/lang-yaml's front-matter grammar, so nothing downstream changes.
const nodeSet = new NodeSet(
  ['Document', 'Frontmatter', 'DashLine', 'FrontmatterContent', 'Body', 'Section'].map((name, id) =>
    NodeType.define({ id, name, top: id === 0, props: id === 0 ? [[languageDataProp, data]] : [] }),
  ),
).extend(styleTags({ DashLine: tags.meta }));
const [documentType, frontmatterType, dashLineType, contentType, bodyType, sectionType] = nodeSet.types as [NodeType, NodeType, NodeType, NodeType, NodeType, NodeType];

const yamlParser = yamlLanguage.parser;

/** A node that holds a nested language's tree (how parseMixed marks nested parses). */
function mounted(type: NodeType, tree: Tree, parser: Parser): Tree {
  return new Tree(type, [], [], tree.length, [[NodeProp.mounted, new MountedTree(tree, null, parser)]]);
}

/** The node of `type` in one of our trees, with its position, when it holds a nested tree from `parser`. */
function findMount(tree: Tree, type: NodeType, parser: Parser, offset = 0): { pos: number; mount: MountedTree } | null {
  for (let i = 0; i < tree.children.length; i++) {
    const child = tree.children[i];
    if (!(child instanceof Tree)) continue;
    const pos = offset + tree.positions[i]!;
    if (child.type === type) {
      const mount = child.prop(NodeProp.mounted);
      return mount && mount.parser === parser ? { pos, mount } : null;
    }
    const inner = findMount(child, type, parser, pos);
    if (inner) return inner;
  }
  return null;
}

/**
 * What the previous parse's nested trees offer the new nested parse: the parts of the old
 * fragments inside the old mount, as fragments of the mounted tree (parseMixed's
 * `enterFragments`, for our fixed shape).
 */
function innerFragments(fragments: readonly TreeFragment[], type: NodeType, parser: Parser): TreeFragment[] {
  const result: TreeFragment[] = [];
  for (const frag of fragments) {
    const found = findMount(frag.tree, type, parser);
    if (!found) continue;
    const start = found.pos - frag.offset;
    const end = start + found.mount.tree.length;
    const from = Math.max(frag.from, start);
    const to = Math.min(frag.to, end);
    if (from < to) result.push(new TreeFragment(from, to, found.mount.tree, -start, frag.from >= start || frag.openStart, frag.to <= end || frag.openEnd));
  }
  return result;
}

/**
 * The YAML tree of the previous parse, when a fragment of it covers the whole front matter and
 * the line break after it (so its text, and where its YAML lies, are unchanged); else null.
 */
function unchangedYaml(fragments: readonly TreeFragment[], span: FrontMatterSpan): Tree | null {
  for (const frag of fragments) {
    if (frag.offset !== 0 || frag.from > span.open.from || frag.to <= span.close.to + 1) continue;
    const found = findMount(frag.tree, contentType, yamlParser);
    if (found && found.pos === span.content.from && found.mount.tree.length === span.content.to - span.content.from) return found.mount.tree;
  }
  return null;
}

/**
 * One parse of a review: the front matter is found at once (it costs only its own length), its
 * YAML is parsed (or taken from the previous tree when the front matter is unchanged), then the
 * body in sections (body-sections.ts). The parse stops after the section where it is asked to,
 * so the tree is only as long as what was parsed and CodeMirror keeps the old tree's fragments
 * beyond it.
 */
class ReviewParse implements PartialParse {
  stoppedAt: number | null = null;
  private readonly span: FrontMatterSpan | null;
  private readonly bodyStart: number;
  private yaml: PartialParse | null = null;
  private yamlTree: Tree | null = null;
  private readonly body: SectionedParse;

  constructor(
    input: Input,
    fragments: readonly TreeFragment[],
    private readonly from: number,
    private readonly to: number,
    private readonly content: Parser,
    sections: SectionOptions,
  ) {
    const found = findFrontMatter((a, b) => input.read(from + a, from + b), to - from);
    const at = (range: { from: number; to: number }) => ({ from: from + range.from, to: from + range.to });
    this.span = found && { open: at(found.open), content: at(found.content), close: at(found.close) };
    // The body starts after the closing fence's line break (or at the end of the text).
    const close = this.span?.close.to;
    this.bodyStart = close === undefined ? from : Math.min(to, close + (input.read(close, Math.min(to, close + 2)).startsWith('\r\n') ? 2 : 1));
    const yamlRange = this.span?.content;
    if (this.span && yamlRange && yamlRange.to > yamlRange.from) {
      // A keystroke in the body leaves the front matter as it was: its YAML tree is taken over.
      this.yamlTree = unchangedYaml(fragments, this.span);
      if (!this.yamlTree) this.yaml = yamlParser.startParse(input, innerFragments(fragments, contentType, yamlParser), [yamlRange]);
    }
    this.body = new SectionedParse(input, fragments, this.bodyStart, to, content, sections, { body: bodyType, section: sectionType });
  }

  get parsedPos(): number {
    return this.yaml ? this.from : this.body.parsedPos;
  }

  advance(): Tree | null {
    if (this.yaml) {
      const done = this.yaml.advance();
      if (done) {
        this.yamlTree = done;
        this.yaml = null;
      }
      return null;
    }
    return this.body.advance() ? this.build() : null;
  }

  stopAt(pos: number): void {
    this.stoppedAt = pos;
    // The front matter is always read whole: it is small, and the body's start depends on it.
    this.body.stopAt(Math.max(pos, this.bodyStart));
  }

  /** Document(Frontmatter(DashLine, FrontmatterContent, DashLine)?, Body(Section*)), as long as the body's parse got. */
  private build(): Tree {
    const children: Tree[] = [];
    const positions: number[] = [];
    if (this.span) {
      const { open, content, close } = this.span;
      const parts = [new Tree(dashLineType, [], [], open.to - open.from)];
      const at = [0];
      if (this.yamlTree) {
        parts.push(mounted(contentType, this.yamlTree, yamlParser));
        at.push(content.from - open.from);
      }
      parts.push(new Tree(dashLineType, [], [], close.to - close.from));
      at.push(close.from - open.from);
      children.push(new Tree(frontmatterType, parts, at, close.to - open.from));
      positions.push(open.from - this.from);
    }
    children.push(this.body.tree());
    positions.push(this.bodyStart - this.from);
    return new Tree(documentType, children, positions, this.body.parsedPos - this.from);
  }
}

/** Reads a review as front matter and body; see ReviewParse. */
class FrontMatterParser extends Parser {
  constructor(
    private readonly content: Parser,
    private readonly sections: SectionOptions,
  ) {
    super();
  }

  createParse(input: Input, fragments: readonly TreeFragment[], ranges: readonly { from: number; to: number }[]): PartialParse {
    // The editor parses its whole document, one range.
    return new ReviewParse(input, fragments, ranges[0]!.from, ranges[ranges.length - 1]!.to, this.content, this.sections);
  }
}

/**
 * A review's language: YAML front matter between `---` fences, highlighted with
 * @codemirror/lang-yaml's YAML language, and `content` (markdown) for the rest. A drop-in for
 * lang-yaml's `yamlFrontmatter`, which reads the whole body as one LR token, so that every
 * keystroke re-scanned the entire draft (docs/performance.md); here a keystroke costs the
 * front matter's length plus the incremental parse of the body.
 */
export function frontMatter(config: { content: LanguageSupport; sections?: SectionOptions }): LanguageSupport {
  const { language, support } = config.content;
  const parser = new FrontMatterParser(language.parser, config.sections ?? defaultSections);
  return new LanguageSupport(new Language(data, parser, [], 'markdown-front-matter'), support);
}
