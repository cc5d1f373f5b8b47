import type { Token } from 'markdown-it';
import { leavesOpen, topLevelGroups } from '../markdown/blocks';
import type { FigcaptionMeta } from '../markdown/figures';
import { markdown } from '../markdown/markdown';
import type { RenderEnv } from '../markdown/render-env';

/** A still as a figure: the image, its alt text, its caption (inline markdown) and its credit. */
export interface Figure {
  /** The image reference as the pipeline read it (percent-encoded). */
  src: string;
  alt: string;
  caption: Token[] | null;
  credit: string | null;
}

export interface Footnote {
  /** What the reader sees: 1, 2, 3 … */
  number: number;
  label: string;
  /** The footnote's own blocks (paragraphs), without the back-reference. */
  tokens: Token[];
}

/**
 * The top-level blocks of a review body, read from the one pipeline's tokens. Targets that need
 * structure (WordPress blocks, Ghost cards, rich text) serialise these; none parses markdown again.
 */
export type ExportBlock =
  | { kind: 'heading'; level: number; inline: Token[] }
  | { kind: 'paragraph'; inline: Token[] }
  | { kind: 'figure'; figure: Figure }
  | { kind: 'list'; ordered: boolean; start: number; tokens: Token[] }
  | { kind: 'quote'; tokens: Token[] }
  | { kind: 'code'; text: string; lang: string }
  | { kind: 'table'; tokens: Token[] }
  | { kind: 'rule' }
  /** Raw HTML (one block, or several joined while an element it opened is still open). */
  | { kind: 'html'; tokens: Token[] }
  | { kind: 'footnotes'; notes: Footnote[] }
  | { kind: 'other'; tokens: Token[] };

export function exportBlocks(tokens: Token[], env: RenderEnv): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  let open: Token[] | null = null;
  for (const group of topLevelGroups(tokens)) {
    const raw = group.some((token) => token.type === 'html_block');
    if (open === null && !raw) {
      blocks.push(blockOf(group));
      continue;
    }
    open = [...(open ?? []), ...group];
    if (leavesOpen(markdown.renderer.render(open, markdown.options, env))) continue;
    blocks.push({ kind: 'html', tokens: open });
    open = null;
  }
  if (open !== null) blocks.push({ kind: 'html', tokens: open });
  return blocks;
}

function blockOf(group: Token[]): ExportBlock {
  const first = group[0]!;
  switch (first.type) {
    case 'heading_open':
      return { kind: 'heading', level: Number(first.tag.slice(1)), inline: group[1]?.children ?? [] };
    case 'paragraph_open':
      return { kind: 'paragraph', inline: group[1]?.children ?? [] };
    case 'figure_open':
      return { kind: 'figure', figure: figureOf(group) };
    case 'bullet_list_open':
    case 'ordered_list_open': {
      const start = Number(first.attrGet('start') ?? 1);
      return { kind: 'list', ordered: first.type === 'ordered_list_open', start: Number.isFinite(start) ? start : 1, tokens: group };
    }
    case 'blockquote_open':
      return { kind: 'quote', tokens: group };
    case 'fence':
    case 'code_block':
      return { kind: 'code', text: first.content, lang: first.info.trim().split(/\s+/)[0] ?? '' };
    case 'table_open':
      return { kind: 'table', tokens: group };
    case 'hr':
      return { kind: 'rule' };
    case 'footnote_block_open':
      return { kind: 'footnotes', notes: footnotesOf(group) };
    default:
      return { kind: 'other', tokens: group };
  }
}

/** The figure of a `figure_open … figure_close` run (the figures rule in src/markdown made it). */
export function figureOf(group: Token[]): Figure {
  const image = group[1]?.children?.[0];
  const figcaption = group.find((token) => token.type === 'figcaption');
  const meta = figcaption?.meta as FigcaptionMeta | undefined;
  return {
    src: String(image?.attrGet('src') ?? ''),
    alt: markdown.renderer.renderInlineAsText(image?.children ?? [], markdown.options, {}),
    caption: meta?.caption ?? null,
    credit: meta?.credit ?? null,
  };
}

function footnotesOf(group: Token[]): Footnote[] {
  const notes: Footnote[] = [];
  let current: Footnote | null = null;
  for (const token of group) {
    if (token.type === 'footnote_open') {
      const meta = token.meta as { id: number; label?: string };
      current = { number: meta.id + 1, label: meta.label ?? String(meta.id + 1), tokens: [] };
      notes.push(current);
    } else if (token.type === 'footnote_close') {
      current = null;
    } else if (current && token.type !== 'footnote_anchor') {
      current.tokens.push(token);
    }
  }
  return notes;
}

/** Every figure in a run of tokens, at any depth (a still inside a list item is a figure too). */
export function figuresIn(tokens: Token[]): Array<{ figure: Figure; open: Token }> {
  const found: Array<{ figure: Figure; open: Token }> = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'figure_open') return;
    const end = tokens.findIndex((t, j) => j > i && t.type === 'figure_close');
    found.push({ figure: figureOf(tokens.slice(i, end + 1)), open: token });
  });
  return found;
}

// The checkbox markdown-it-task-lists puts at the start of a `- [x]` item is HTML it wrote, not
// the critic; these are its two possible forms (checkboxes disabled).
const TASK_CHECKBOXES = new Set([
  '<input class="task-list-item-checkbox" disabled="" type="checkbox">',
  '<input class="task-list-item-checkbox" checked="" disabled="" type="checkbox">',
]);

// Inline tags that cannot carry script or load anything: no attributes, or only a plain title.
const PLAIN_INLINE_TAG = /^<\/?(?:abbr|b|bdi|br|cite|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)(?:\s+title="[^"<>&`]*")?\s*\/?>$/i;

/**
 * Whether tokens hold raw HTML the critic wrote, anywhere (a block, or a tag inside a
 * paragraph). With `allowPlain`, plain inline tags (`<sup>`, `<abbr title="…">`) do not count.
 */
export function holdsRawHtml(tokens: Token[], options: { allowPlain?: boolean } = {}): boolean {
  return tokens.some((token) => token.type === 'html_block' || inlineHoldsRawHtml(token.children ?? [], options));
}

/** The same for the children of one inline token (a paragraph's or a heading's). */
export function inlineHoldsRawHtml(children: Token[], options: { allowPlain?: boolean } = {}): boolean {
  return children.some(
    (child, i) =>
      child.type === 'html_inline' && !(i === 0 && TASK_CHECKBOXES.has(child.content)) && !(options.allowPlain && PLAIN_INLINE_TAG.test(child.content.trim())),
  );
}

/** The text of every inline token in a run, for alt text, plain text and captions. */
export function inlineTokensOf(tokens: Token[]): Token[][] {
  return tokens.filter((token) => token.type === 'inline').map((token) => token.children ?? []);
}
