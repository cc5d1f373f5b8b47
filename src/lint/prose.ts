import type { Token } from 'markdown-it';
import { createMarkdown } from '../markdown/markdown';
import { figuresOfTokens, type FigureSource } from '../stills/figure-source';
import { nextWord } from './word-scan';

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

export interface Prose {
  blocks: ProseBlock[];
  words: ProseWord[];
  /** Text marked `||…||`, markers included. */
  spoilers: Array<{ from: number; to: number }>;
  /** The figures (images alone in their paragraphs, DESIGN §4) as the stills checks read them, from this parse. */
  stills(): FigureSource[];
}

const md = createMarkdown();
// Keep escapes and entities as their own tokens, so text tokens stay verbatim. Bare addresses are
// found by `URL` below instead of linkify, which costs a fifth of the parse and changes no word.
md.core.ruler.disable('text_join');
md.disable('linkify');
// What only the HTML needs (line attributes for scroll sync, table alignment): the checks read
// `token.map` and the text, and these steps cost a tenth of the parse.
md.core.ruler.disable(['source_lines', 'table_alignment']);
// Link destinations are never prose, and percent-encoding every one was a twentieth of the parse.
// Safe for the one reader of them, the stills checks: they undo the encoding
// (`normalizeLinkText`), which gives the same path from the destination as written.
md.normalizeLink = (url) => url;

// Where `nextWord` leaves the end of the word it found.
const range: [number, number] = [0, 0];
// A bare address in text (what linkify would make a link): never prose.
const URL = /\b(?:https?:\/\/|www\.)[^\s<]*[^\s<.,:;"')\]!?]/giu;

const ITALIC_TAGS = /^<\/?(em|i|cite)(?:\s[^>]*)?>$/i;
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'jr', 'sr', 'vs', 'etc', 'no', 'vol', 'ca', 'cf', 'eg', 'ie', 'fig', 'ch', 'pp', 'prof', 'gen', 'col', 'lt', 'capt', 'sgt', 'rev', 'hon', 'co', 'inc', 'ltd', 'dir']);
const SENTENCE_END = /[.!?…]+['"”’»)\]*_]*\s/u;

/** Reads the prose of a review body that starts at `bodyStart` (on line `bodyStartLine`, 0-based) in `source`. */
export function readProse(source: string, bodyStart: number, bodyStartLine: number): Prose {
  const body = source.slice(bodyStart);
  const tokens = md.parse(body, {});
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // The stills checks read figures from this parse instead of parsing the text again; only
  // when they run, and once.
  let stills: FigureSource[] | null = null;
  const prose: Prose = {
    blocks: [],
    words: [],
    spoilers: [],
    stills: () => (stills ??= figuresOfTokens(source, tokens, { bodyStart, bodyStartLine })),
  };
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

    // The words of `text` (a verbatim slice of the body at `from`) between `start` and `stop`.
    const emitWords = (from: number, text: string, start: number, stop: number, state: WalkState) => {
      let last = start;
      for (let at = nextWord(text, last, stop, range); at >= 0; at = nextWord(text, last, stop, range)) {
        const after = range[1];
        // A gap of one character (a space) cannot end a sentence: neither build nor test it.
        const long = gap.length + at - last > 1;
        if (long) gap += text.slice(last, at);
        const ends = previous === null || previous.context !== state.context || (long && SENTENCE_END.test(gap) && !isAbbreviation(previous));
        if (ends) sentence++;
        const word: ProseWord = {
          text: text.slice(at, after),
          from: bodyStart + from + at,
          to: bodyStart + from + after,
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
        last = after;
      }
      if (last < stop) gap += text.slice(last, stop);
    };
    const emitText = (from: number, text: string, state: WalkState) => {
      if (!text.includes('www.') && !text.includes('://')) return emitWords(from, text, 0, text.length, state);
      let last = 0;
      for (const url of text.matchAll(URL)) {
        emitWords(from, text, last, url.index, state);
        gap += '\uFFFC';
        last = url.index + url[0].length;
      }
      emitWords(from, text, last, text.length, state);
    };

    const walker = new Walker(body, end, {
      text: emitText,
      gap: (text) => {
        gap += text;
      },
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
          // A figure stands alone in its block; an image inside text is not prose between words.
          if (!figure) this.on.gap('\uFFFC');
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
