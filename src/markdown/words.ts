import type { Token } from 'markdown-it';
import type { FigcaptionMeta } from './figures';
import { markdown } from './markdown';

// A word: letters, marks and digits, joined by apostrophes or hyphens ("don't", "well-made") or,
// between digits, by `.,:` ("4.5", "1.37:1").
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’\-‐‑]|(?<=\p{N})[.,:](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
// Scripts written without spaces count one word per character, as word processors do.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Words of the review body as a reader sees them: not markdown syntax, link or image URLs, HTML
 * tags, code fence info strings or footnote markers. Alt text is not counted (readers do not see
 * it); figure captions and footnotes are.
 */
export function countWords(body: string): number {
  let count = 0;
  for (const token of markdown.parse(body, {})) {
    if (token.type === 'inline') count += countInline(token.children ?? []);
    else if (token.type === 'fence' || token.type === 'code_block') count += countText(token.content);
    else if (token.type === 'html_block') count += countText(withoutTags(token.content));
    else if (token.type === 'figcaption') count += countInline((token.meta as FigcaptionMeta).caption ?? []);
  }
  return count;
}

/** Minutes to read `words`, rounded up; 238 words a minute is the adult average for non-fiction. */
export function readingMinutes(words: number, wordsPerMinute = 238): number {
  return words <= 0 ? 0 : Math.ceil(words / wordsPerMinute);
}

function countInline(children: Token[]): number {
  let count = 0;
  let inAutolink = false;
  for (const child of children) {
    if (child.type === 'link_open' && (child.markup === 'linkify' || child.markup === 'autolink')) inAutolink = true;
    else if (child.type === 'link_close') inAutolink = false;
    else if (inAutolink) continue;
    else if (child.type === 'text' || child.type === 'code_inline') count += countText(child.content);
  }
  return count;
}

function countText(text: string): number {
  let count = 0;
  for (const [word] of text.matchAll(WORD)) {
    const unspaced = word.match(UNSPACED)?.length ?? 0;
    if (unspaced === 0) count++;
    else count += unspaced + word.replace(UNSPACED, ' ').split(/\s+/).filter((part) => part !== '').length;
  }
  return count;
}

function withoutTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->|<[^>]*>|&[#\w]+;/g, ' ');
}
