import type { Token } from 'markdown-it';
import { lineColumn, lineStarts } from '../markdown/line-index';
import { markdown } from '../markdown/markdown';
import { splitFrontMatter } from '../review/front-matter';
import type { TextChange } from '../review/front-matter-edit';

/**
 * Where each figure (an image alone in its paragraph, DESIGN §4) sits in a review's text, read
 * with the one markdown-it instance so the panel sees exactly the figures the preview shows. The
 * ranges let the Stills panel rewrite a figure's alt text or caption without touching anything else.
 */
export interface FigureSource {
  /** The image path as written, unescaped (`stills/01-a.jpg`): the key of its `stills` facts. */
  src: string;
  /** The alt text as the critic edits it (markdown escapes of brackets removed). */
  alt: string;
  /** The image title, which the preview shows as the caption (inline markdown). */
  caption: string;
  /** The image's markdown in the whole text, [from, to). */
  from: number;
  to: number;
  /** 1-based line and column of `from`. */
  line: number;
  column: number;
  /** The label between `![` and `]`, [from, to); null when the panel cannot rewrite it. */
  altRange: readonly [number, number] | null;
  /** The title with its quotes, [from, to), or null when there is none. */
  titleRange: readonly [number, number] | null;
  /** Where a new title goes (right after the destination); null when the title lives elsewhere. */
  titleAt: number | null;
}

/** Every figure of a review, in order. */
export function findFigures(text: string): FigureSource[] {
  return scan(text).figures;
}

/** Every local image the review's body refers to (figures and images inside text), as written, in order, once each. */
export function imageReferences(text: string): string[] {
  return [...new Set(scan(text).images)];
}

let cache: { text: string; result: { figures: FigureSource[]; images: string[] } } | null = null;

function scan(text: string): { figures: FigureSource[]; images: string[] } {
  if (cache?.text === text) return cache.result;
  const split = splitFrontMatter(text);
  const tokens = markdown.parse(split.body, { lineOffset: split.bodyStartLine });
  const images: string[] = [];
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if (child.type === 'image') images.push(destinationOf(child));
    }
  }
  const result = { figures: figuresOfTokens(text, tokens, split), images: images.filter(isLocal) };
  cache = { text, result };
  return result;
}

/**
 * The figures of a body already parsed (by an instance with the figures rule: the writing checks
 * pass their own parse, so the text is not read twice). `at` is where the body starts in `text`.
 */
export function figuresOfTokens(text: string, tokens: readonly Token[], at: { bodyStart: number; bodyStartLine: number }): FigureSource[] {
  const { bodyStart, bodyStartLine } = at;
  let starts: Int32Array | null = null;
  const figures: FigureSource[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'figure_open' || !token.map) continue;
    const inline = tokens[i + 1];
    const image = inline?.children?.[0];
    if (!inline || image?.type !== 'image') continue;
    starts ??= lineStarts(text);
    const firstLine = bodyStartLine + token.map[0];
    const located = locate(text, starts, firstLine, bodyStartLine + token.map[1], inline.content);
    const figure = located === null ? null : readImage(inline.content, located, image);
    const from = located ?? starts[firstLine] ?? bodyStart;
    figures.push(
      figure ?? {
        src: destinationOf(image),
        alt: image.content,
        caption: String(image.attrGet('title') ?? ''),
        from,
        to: from,
        altRange: null,
        titleRange: null,
        titleAt: null,
        line: 0,
        column: 0,
      },
    );
    const last = figures[figures.length - 1]!;
    const place = lineColumn(starts, last.from);
    last.line = place.line;
    last.column = place.column;
  }
  return figures;
}

/** The path as written: markdown-it percent-encodes `src`, `normalizeLinkText` undoes it. */
function destinationOf(image: Token): string {
  return markdown.normalizeLinkText(String(image.attrGet('src') ?? ''));
}

function isLocal(src: string): boolean {
  return src !== '' && !src.startsWith('//') && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(src) && !src.startsWith('#');
}

/** Where a paragraph's inline content starts in the text, or null when markers interrupt it (a multi-line quote). */
function locate(text: string, starts: Int32Array, line: number, endLine: number, content: string): number | null {
  const from = starts[line] ?? text.length;
  const to = endLine < starts.length ? starts[endLine]! : text.length;
  const at = text.slice(from, to).indexOf(content);
  return at < 0 ? null : from + at;
}

/** Reads `![alt](dest "title")` (or a reference image) at `offset`, the way markdown-it reads it. */
function readImage(content: string, offset: number, image: Token): FigureSource | null {
  if (!content.startsWith('![')) return null;
  const labelEnd = labelEndOf(content);
  if (labelEnd < 0) return null;
  const label = content.slice(2, labelEnd);
  const base = {
    alt: unescapeLabel(label),
    altRange: [offset + 2, offset + labelEnd] as const,
    line: 0,
    column: 0,
  };
  let pos = labelEnd + 1;
  if (content[pos] !== '(') {
    // A reference image: its destination and title live in the definition.
    return { ...base, src: destinationOf(image), caption: String(image.attrGet('title') ?? ''), from: offset, to: offset + content.length, titleRange: null, titleAt: null };
  }
  pos = skipSpace(content, pos + 1);
  const destination = markdown.helpers.parseLinkDestination(content, pos, content.length);
  if (!destination.ok) return null;
  pos = destination.pos;
  const titleAt = pos;
  const afterSpace = skipSpace(content, pos);
  let titleRange: readonly [number, number] | null = null;
  let caption = '';
  if (afterSpace > pos) {
    const title = markdown.helpers.parseLinkTitle(content, afterSpace, content.length);
    if (title.ok) {
      titleRange = [offset + afterSpace, offset + title.pos];
      caption = title.str;
      pos = skipSpace(content, title.pos);
    } else pos = afterSpace;
  }
  if (content[pos] !== ')') return null;
  return {
    ...base,
    src: destination.str,
    caption,
    from: offset,
    to: offset + pos + 1,
    titleRange,
    titleAt: offset + titleAt,
  };
}

/**
 * Where the label of `![label]…` ends, as markdown-it's `parseLinkLabel` finds it. A label with no
 * `[`, `\`, `` ` `` or `<` before its first `]` ends there: only a nested bracket, an escape, a
 * code span, an autolink or HTML can carry a label past a `]`. Other labels ask markdown-it.
 */
function labelEndOf(content: string): number {
  const close = content.indexOf(']', 2);
  if (close >= 0 && !/[[\\`<]/.test(content.slice(2, close))) return close;
  return markdown.helpers.parseLinkLabel(new markdown.inline.State(content, markdown, {}, []), 1, false);
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t' || text[pos] === '\n')) pos++;
  return pos;
}

/** Backslash escapes of what `escapeAlt` escapes removed; other markdown is the critic's. */
function unescapeLabel(label: string): string {
  return label.replace(/\\([[\]\\`<])/g, '$1');
}

/**
 * Alt text as a link label: brackets, backslashes, backticks and `<` escaped (a code span, an
 * autolink or HTML could swallow the closing bracket), line breaks as spaces.
 */
export function escapeAlt(alt: string): string {
  return oneLine(alt).replace(/[[\]\\`<]/g, (c) => `\\${c}`);
}

/** A caption as a double-quoted link title. `&` before something entity-like is escaped, so it stays literal. */
export function quoteTitle(caption: string): string {
  const escaped = oneLine(caption)
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
  return `"${escaped}"`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The change that gives a figure new alt text; null when the panel cannot rewrite it. */
export function altChange(figure: FigureSource, alt: string): TextChange | null {
  if (!figure.altRange) return null;
  return { from: figure.altRange[0], to: figure.altRange[1], insert: escapeAlt(alt) };
}

/** The change that gives a figure a new caption (its image title); empty text removes the title. */
export function captionChange(figure: FigureSource, caption: string): TextChange | null {
  if (figure.titleAt === null) return null;
  const value = oneLine(caption);
  if (figure.titleRange) {
    return value === ''
      ? { from: figure.titleAt, to: figure.titleRange[1], insert: '' }
      : { from: figure.titleRange[0], to: figure.titleRange[1], insert: quoteTitle(value) };
  }
  return value === '' ? null : { from: figure.titleAt, to: figure.titleAt, insert: ` ${quoteTitle(value)}` };
}

/** The markdown of a new figure. Paths with spaces or parentheses are written in `<…>`. */
export function figureMarkdown(src: string, alt: string, caption: string): string {
  const destination = /[\s()<>]/.test(src) ? `<${src.replace(/[<>]/g, (c) => `\\${c}`)}>` : src;
  return `![${escapeAlt(alt)}](${destination}${oneLine(caption) ? ` ${quoteTitle(caption)}` : ''})`;
}

/**
 * Where a new figure goes for a cursor at `pos`, as its own paragraph: on a blank line, before a
 * line the cursor starts, or after the line it is in (a paragraph is never split mid-sentence).
 * A cursor in the front matter adds it at the end. Returns the change and the figure's range after it.
 */
export function figureInsertion(text: string, pos: number, figure: string): { change: TextChange; from: number; to: number } {
  const { bodyStart } = splitFrontMatter(text);
  let at: number;
  if (pos < bodyStart) at = text.length;
  else {
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    at = line.trim() === '' || pos === lineStart ? lineStart : lineEnd;
    if (line.trim() === '') {
      // Replace the blank line's spaces, keep its break.
      return place(text, lineStart, lineEnd, figure, bodyStart);
    }
  }
  return place(text, at, at, figure, bodyStart);
}

function place(text: string, from: number, to: number, figure: string, bodyStart: number): { change: TextChange; from: number; to: number } {
  const before = text.slice(0, from);
  const after = text.slice(to);
  const trailing = /\n*$/.exec(before)![0].length;
  const leading = /^\n*/.exec(after)![0].length;
  // At the very top of a file without front matter no blank line is needed before it.
  const pre = from === 0 || (from === bodyStart && before.trim() === '') ? '' : '\n'.repeat(Math.max(0, 2 - trailing));
  const atEnd = after.trim() === '';
  const post = atEnd ? (leading === 0 ? '\n' : '') : '\n'.repeat(Math.max(0, 2 - leading));
  const insert = `${pre}${figure}${post}`;
  return { change: { from, to, insert }, from: from + pre.length, to: from + pre.length + figure.length };
}
