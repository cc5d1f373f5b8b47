import type { Token } from 'markdown-it';
import { createMarkdown } from '../markdown/markdown';
import { WORD } from './names';

/*
 * The review's prose with exact source positions. markdown-it gives blocks with line maps but no
 * offsets inside a line, so each inline token's text is found again in its lines: with the
 * `text_join` step off, every text token is a verbatim slice of one source line, found in order
 * from a cursor that also steps over markup (emphasis marks, code spans, link destinations).
 * Anything that cannot be found is left out, never guessed: a check can miss a word, but it never
 * points at the wrong one.
 */

export type WordContext = 'text' | 'alt' | 'caption';

export interface ProseWord {
  text: string;
  /** Offsets in the whole source. */
  from: number;
  to: number;
  block: number;
  /** Inside emphasis (`*…*`, `_…_`, `<em>`, `<i>`, `<cite>`). */
  italic: boolean;
  /** Inside a link's text. */
  link: boolean;
  context: WordContext;
  /** The first word of its block, or after a full stop, question or exclamation mark. */
  sentenceStart: boolean;
  /** Index of its sentence among all sentences of the review. */
  sentence: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'cell' | 'figure';

export interface ProseBlock {
  kind: BlockKind;
  words: ProseWord[];
}

/** A still: an image alone in its paragraph (DESIGN §4). */
export interface Figure {
  /** The image's markdown, `![alt](src "caption")`. */
  from: number;
  to: number;
  alt: string;
  caption: string;
  src: string;
}

export interface Prose {
  blocks: ProseBlock[];
  words: ProseWord[];
  figures: Figure[];
  /** Text marked `||…||`, markers included. */
  spoilers: Array<{ from: number; to: number }>;
}

const md = createMarkdown();
// Keep escapes and entities as their own tokens, so text tokens stay verbatim. Bare addresses are
// found by `URL` below instead of linkify, which costs a fifth of the parse and changes no word.
md.core.ruler.disable('text_join');
md.disable('linkify');
// What only the HTML needs (line attributes for scroll sync, table alignment): the checks read
// `token.map` and the text, and these steps cost a tenth of the parse.
md.core.ruler.disable(['source_lines', 'table_alignment']);

const WORD_IN_TEXT = new RegExp(WORD.source, 'gu');
// A bare address in text (what linkify would make a link): never prose.
const URL = /\b(?:https?:\/\/|www\.)[^\s<]*[^\s<.,:;"')\]!?]/giu;

const ITALIC_TAGS = /^<\/?(em|i|cite)(?:\s[^>]*)?>$/i;
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'jr', 'sr', 'vs', 'etc', 'no', 'vol', 'ca', 'cf', 'eg', 'ie', 'fig', 'ch', 'pp', 'prof', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev', 'hon', 'co', 'inc', 'ltd', 'dir']);
const SENTENCE_END = /[.!?…]+['"”’»)\]*_]*\s/u;

/** Reads the prose of a review body that starts at `bodyStart` in `source`. */
export function readProse(source: string, bodyStart: number): Prose {
  const body = source.slice(bodyStart);
  const tokens = md.parse(body, {});
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const prose: Prose = { blocks: [], words: [], figures: [], spoilers: [] };
  let sentence = -1;
  let cell: { line: number; cursor: number } | null = null;
  const parents: string[] = [];

  for (const token of tokens) {
    if (token.nesting === 1) parents.push(token.type);
    if (token.nesting === -1) parents.pop();
    if (token.type !== 'inline' || !token.map || !token.children) continue;
    const parent = parents[parents.length - 1] ?? '';
    const kind: BlockKind =
      parent === 'heading_open' ? 'heading' : parent === 'th_open' || parent === 'td_open' ? 'cell' : parent === 'figure_open' ? 'figure' : 'paragraph';
    const start = lineStarts[token.map[0]] ?? body.length;
    const end = lineStarts[token.map[1]] ?? body.length;
    const cursor = kind === 'cell' && cell?.line === token.map[0] ? cell.cursor : start;
    const block: ProseBlock = { kind, words: [] };
    const blockIndex = prose.blocks.length;
    let gap = '';
    let previous: ProseWord | null = null;

    const emitWords = (from: number, text: string, state: WalkState) => {
      let last = 0;
      WORD_IN_TEXT.lastIndex = 0;
      for (let match = WORD_IN_TEXT.exec(text); match; match = WORD_IN_TEXT.exec(text)) {
        gap += text.slice(last, match.index);
        // A gap of one character (a space) cannot end a sentence: skip the pattern.
        const ends = previous === null || previous.context !== state.context || (gap.length > 1 && SENTENCE_END.test(gap) && !isAbbreviation(previous));
        if (ends) sentence++;
        const word: ProseWord = {
          text: match[0],
          from: bodyStart + from + match.index,
          to: bodyStart + from + match.index + match[0].length,
          block: blockIndex,
          italic: state.italic > 0,
          link: state.link > 0,
          context: state.context,
          sentenceStart: ends,
          sentence,
        };
        block.words.push(word);
        prose.words.push(word);
        previous = word;
        gap = '';
        last = match.index + match[0].length;
      }
      gap += text.slice(last);
    };
    const emitText = (from: number, text: string, state: WalkState) => {
      if (!text.includes('www.') && !text.includes('://')) return emitWords(from, text, state);
      let last = 0;
      for (const url of text.matchAll(URL)) {
        emitWords(from + last, text.slice(last, url.index), state);
        gap += '\uFFFC';
        last = url.index + url[0].length;
      }
      emitWords(from + last, text.slice(last), state);
    };

    const walker = new Walker(body, end, {
      text: emitText,
      gap: (text) => {
        gap += text;
      },
      figure: (figure) => prose.figures.push({ ...figure, from: bodyStart + figure.from, to: bodyStart + figure.to }),
      spoiler: (from, to) => prose.spoilers.push({ from: bodyStart + from, to: bodyStart + to }),
    });
    const after = walker.walk(token.children, cursor, { italic: 0, link: 0, context: 'text' }, kind === 'figure');
    cell = kind === 'cell' ? { line: token.map[0], cursor: after } : null;
    prose.blocks.push(block);
  }
  return prose;
}

function isAbbreviation(word: ProseWord): boolean {
  // Initials ("F. W. Murnau") and short titles ("Dr. Mabuse") do not end sentences.
  return (word.text.length === 1 && word.text !== word.text.toLowerCase()) || ABBREVIATIONS.has(word.text.toLowerCase());
}

interface WalkState {
  italic: number;
  link: number;
  context: WordContext;
}

interface WalkHandlers {
  text(from: number, text: string, state: WalkState): void;
  /** Text between words that is not in the source as written: a line break, an escaped mark, or
   * U+FFFC for something that is not prose (code, an image, raw HTML, a footnote mark). */
  gap(text: string): void;
  figure(figure: Figure): void;
  spoiler(from: number, to: number): void;
}

/** Steps through one inline token's children, finding each in the source from a cursor. */
class Walker {
  constructor(
    private readonly src: string,
    private readonly end: number,
    private readonly on: WalkHandlers,
  ) {}

  private find(text: string, from: number, end = this.end): number {
    if (text === '') return from;
    const at = this.src.indexOf(text, from);
    return at >= 0 && at + text.length <= end ? at : -1;
  }

  /** Returns the cursor after the last child found; stops at the first child it cannot place. */
  walk(children: Token[], start: number, initial: WalkState, figure = false, end = this.end): number {
    let cursor = start;
    const state = { ...initial };
    const spoilerStarts: number[] = [];
    const linkKinds: string[] = [];
    for (const child of children) {
      switch (child.type) {
        case 'text': {
          const at = this.find(child.content, cursor, end);
          if (at < 0) return cursor;
          this.on.text(at, child.content, state);
          cursor = at + child.content.length;
          break;
        }
        case 'text_special':
        case 'html_inline': {
          const source = child.type === 'text_special' ? child.markup : child.content;
          const at = this.find(source, cursor, end);
          if (at < 0) return cursor;
          if (child.type === 'html_inline' && ITALIC_TAGS.test(source.trim())) state.italic += source.startsWith('</') ? -1 : 1;
          else if (child.type === 'html_inline') this.on.gap('\uFFFC');
          else this.on.gap(child.content);
          cursor = at + source.length;
          break;
        }
        case 'em_open':
        case 'em_close':
        case 'strong_open':
        case 'strong_close':
        case 's_open':
        case 's_close':
        case 'spoiler_open':
        case 'spoiler_close': {
          const at = this.find(child.markup, cursor, end);
          if (at < 0) return cursor;
          if (child.type === 'em_open') state.italic++;
          if (child.type === 'em_close') state.italic--;
          if (child.type === 'spoiler_open') spoilerStarts.push(at);
          if (child.type === 'spoiler_close') this.on.spoiler(spoilerStarts.pop() ?? at, at + 2);
          cursor = at + child.markup.length;
          break;
        }
        case 'code_inline': {
          const open = this.find(child.markup, cursor, end);
          const close = open < 0 ? -1 : this.closingRun(child.markup, open + child.markup.length, end);
          if (close < 0) return cursor;
          this.on.gap('\uFFFC');
          cursor = close + child.markup.length;
          break;
        }
        case 'link_open': {
          linkKinds.push(child.markup);
          if (child.markup === 'autolink') {
            const at = this.find('<', cursor, end);
            const close = at < 0 ? -1 : this.find('>', at, end);
            if (close < 0) return cursor;
            this.on.gap('\uFFFC');
            cursor = close + 1;
          } else if (child.markup !== 'linkify') {
            const at = this.find('[', cursor, end);
            if (at < 0) return cursor;
            state.link++;
            cursor = at + 1;
          }
          break;
        }
        case 'link_close': {
          const kind = linkKinds.pop();
          if (kind === 'autolink' || kind === 'linkify') break;
          state.link--;
          const at = this.find(']', cursor, end);
          if (at < 0) return cursor;
          cursor = skipDestination(this.src, at + 1, end).end;
          break;
        }
        case 'image': {
          const open = this.find('![', cursor, end);
          if (open < 0) return cursor;
          const altEnd = this.walk(child.children ?? [], open + 2, { ...state, context: 'alt' }, false, end);
          const close = this.find(']', altEnd, end);
          if (close < 0) return cursor;
          const destination = skipDestination(this.src, close + 1, end);
          const caption = destination.title ? this.src.slice(destination.title[0], destination.title[1]) : '';
          if (destination.title && caption.trim() !== '') {
            const tokens = md.parseInline(caption, {})[0]?.children ?? [];
            this.walk(tokens, destination.title[0], { italic: 0, link: 0, context: 'caption' }, false, destination.title[1]);
          }
          if (figure) {
            const alt = this.src.slice(open + 2, close);
            const src = this.src.slice(close + 1, destination.end).replace(/^\(\s*<?|>?\s*(?:(["'(]).*)?\)$/gs, '');
            this.on.figure({ from: open, to: destination.end, alt, caption, src });
          } else this.on.gap('\uFFFC');
          cursor = destination.end;
          break;
        }
        case 'softbreak':
        case 'hardbreak':
          this.on.gap('\n');
          break;
        case 'footnote_ref': {
          const at = this.find('[^', cursor, end);
          const close = at < 0 ? -1 : this.find(']', at, end);
          if (close < 0) return cursor;
          this.on.gap('\uFFFC');
          cursor = close + 1;
          break;
        }
        default:
          break;
      }
    }
    return cursor;
  }

  /** The start of the backtick run of exactly `marker`'s length that closes a code span. */
  private closingRun(marker: string, from: number, end: number): number {
    let at = from;
    for (;;) {
      at = this.find(marker, at, end);
      if (at < 0) return -1;
      let runEnd = at;
      while (this.src[runEnd] === '`') runEnd++;
      if (runEnd - at === marker.length && this.src[at - 1] !== '`') return at;
      at = runEnd;
    }
  }
}

/**
 * Steps over what follows a link's or image's `]`: `(dest "title")`, `[ref]`, or nothing (a
 * shortcut reference). Returns where it ends and the title's inner range, if any.
 */
export function skipDestination(src: string, pos: number, end: number): { end: number; title: [number, number] | null } {
  if (src[pos] === '[') {
    const close = src.indexOf(']', pos);
    return { end: close >= 0 && close < end ? close + 1 : pos, title: null };
  }
  if (src[pos] !== '(') return { end: pos, title: null };
  let i = pos + 1;
  const skipSpace = () => {
    while (i < end && /\s/.test(src[i]!)) i++;
  };
  skipSpace();
  if (src[i] === '<') {
    while (i < end && src[i] !== '>') i += src[i] === '\\' ? 2 : 1;
    i++;
  } else {
    let depth = 0;
    while (i < end && !/\s/.test(src[i]!)) {
      const ch = src[i];
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
  }
  skipSpace();
  let title: [number, number] | null = null;
  const quote = src[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closer = quote === '(' ? ')' : quote;
    const start = i + 1;
    i = start;
    while (i < end && src[i] !== closer) i += src[i] === '\\' ? 2 : 1;
    title = [start, Math.min(i, end)];
    i++;
    skipSpace();
  }
  if (src[i] === ')') i++;
  return { end: Math.min(i, end), title };
}
