/**
 * How review text becomes search terms, and how a match becomes a snippet. Shared by the
 * index (host) and its tests; pure, so it runs anywhere.
 */

/** Words too common in English prose to narrow a search; they are not indexed. */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its ' +
    'me my no not of on or our she so than that the their them then there these they this to ' +
    'was we were which who will with you your'
  ).split(' '),
);

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const nonAscii = /[^\x00-\x7f]/;
const marks = /\p{M}+/gu;

/** Lower case without accents, so “Amélie” finds “amelie” and the other way round. */
export function foldTerm(word: string): string {
  const lower = word.toLowerCase();
  return nonAscii.test(lower) ? lower.normalize('NFD').replace(marks, '').replace(/['’]/g, '') : lower.replace(/'/g, '');
}

/** Counts the indexable terms of a text into `into` (folded, stop words left out). */
export function countTerms(text: string, into: Map<string, number>, weight = 1): number {
  let count = 0;
  const words = new RegExp(wordPattern.source, 'gu');
  // Lower-cased once for the whole text, and exec rather than matchAll: the indexing hot path.
  const lower = text.toLowerCase();
  const ascii = !nonAscii.test(lower);
  for (let match = words.exec(lower); match !== null; match = words.exec(lower)) {
    const term = ascii ? match[0].replace(/'/g, '') : foldTerm(match[0]);
    if (term.length > 64 || stopWords.has(term)) continue;
    into.set(term, (into.get(term) ?? 0) + weight);
    count++;
  }
  return count;
}

export interface QueryTerm {
  term: string;
  /** The critic may still be typing this word: match words that start with it. */
  prefix: boolean;
}

/** The words of a query; the last one counts as a prefix while the critic is still typing it. */
export function parseQuery(query: string): QueryTerm[] {
  const words = [...query.matchAll(wordPattern)].map((m) => foldTerm(m[0]));
  const typing = !/\s$/.test(query);
  const terms: QueryTerm[] = [];
  words.forEach((term, i) => {
    const last = i === words.length - 1;
    if (stopWords.has(term) && !(last && typing)) return;
    const prefix = last && typing && term.length >= 2;
    const same = terms.find((t) => t.term === term);
    if (same) same.prefix ||= prefix;
    else terms.push({ term, prefix });
  });
  return terms.slice(0, 12);
}

/** Markdown reduced to the words a reader sees: link targets, markup and tags removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"([^"]*)")?\)/g, '$1 $2')
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Snippet {
  text: string;
  /** [start, end) of each match in `text`. */
  ranges: Array<[number, number]>;
}

/**
 * A short passage of `text` around its first word accepted by `matches`, with every accepted
 * word in it marked; null when no word matches.
 */
export function makeSnippet(text: string, matches: (term: string) => boolean, width = 160): Snippet | null {
  const found: Array<[number, number]> = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    if (found.length > 0 && start > found[0]![0] + width) break;
    if (matches(foldTerm(match[0]))) found.push([start, start + match[0].length]);
  }
  if (found.length === 0) return null;
  const first = found[0]![0];
  // A little context before the first match (the pane is narrow), started at a word boundary.
  let from = Math.max(0, first - Math.min(30, Math.floor(width / 4)));
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < first ? space + 1 : first;
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const lead = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const ranges = found
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]): [number, number] => [s - from + lead.length, e - from + lead.length]);
  return { text: lead + text.slice(from, to) + tail, ranges };
}

/**
 * A snippet of a markdown body: its paragraphs are reduced to plain text a few at a time, so
 * that a match near the start costs a fraction of converting the whole review.
 */
export function bodySnippet(markdown: string, matches: (term: string) => boolean, width = 160): Snippet | null {
  const paragraphs = markdown.split(/\n[ \t]*\n/);
  for (let i = 0; i < paragraphs.length; ) {
    let block = '';
    while (i < paragraphs.length && block.length < 1500) block += `${paragraphs[i++]}\n\n`;
    const snippet = makeSnippet(plainText(block), matches, width);
    if (snippet) return snippet;
  }
  return null;
}
