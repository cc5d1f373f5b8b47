import SearchableMap from 'minisearch/SearchableMap';
import { countTerms, parseQuery } from './search-text';

/**
 * The full-text index of a library: headline, film facts, tags, summary and body of every
 * review. MiniSearch's radix tree (`SearchableMap`) holds the vocabulary, so prefix and typo
 * matching are its well-tested code; the postings are flat typed arrays, because MiniSearch's
 * own Map-per-posting index took 25 s and 244 MB for 10,000 reviews of 1,000 words and up to
 * 76 ms (median) for a query (docs/library.md has the measurements). Ranking is BM25 with
 * field weights folded into the term frequency.
 */

export interface IndexedFields {
  headline: string;
  /** Title, original title, people, countries… as one text. */
  film: string;
  tags: string;
  summary: string;
  body: string;
}

/** How much more a word counts in each field than in the body. */
const fieldWeights: Record<keyof IndexedFields, number> = { headline: 4, film: 3, tags: 3, summary: 2, body: 1 };
const k1 = 1.2;
const b = 0.75;
const maxPrefixTerms = 400;

interface Postings {
  /** Interleaved (slot, weighted term frequency) pairs, in no particular order. */
  data: Int32Array;
  length: number;
}

export interface SearchHits {
  /** Paths of every matching review, best first. */
  paths: string[];
  /** The vocabulary words that matched, to mark in snippets. */
  matchedTerms: string[];
}

export class SearchIndex {
  private vocabulary = new SearchableMap<number>();
  private termIds = new Map<string, number>();
  private postings: Postings[] = [];
  private slotOf = new Map<string, number>();
  private paths: Array<string | null> = [];
  private lengths: number[] = [];
  /** The term ids of each slot, to remove a review without its old text. */
  private termsOf: Array<Int32Array | null> = [];
  private freeSlots: number[] = [];
  private totalLength = 0;

  get size(): number {
    return this.slotOf.size;
  }

  has(path: string): boolean {
    return this.slotOf.has(path);
  }

  /** Indexes a review, replacing what was indexed for the same path. */
  add(path: string, fields: IndexedFields): void {
    this.remove(path);
    const counts = new Map<string, number>();
    let length = 0;
    for (const key of Object.keys(fieldWeights) as Array<keyof IndexedFields>) {
      length += countTerms(fields[key], counts, fieldWeights[key]);
    }
    const slot = this.freeSlots.pop() ?? this.paths.length;
    this.paths[slot] = path;
    this.lengths[slot] = length;
    this.slotOf.set(path, slot);
    this.totalLength += length;
    const ids = new Int32Array(counts.size);
    let i = 0;
    counts.forEach((frequency, term) => {
      const id = this.termId(term);
      ids[i++] = id;
      const list = this.postings[id]!;
      if (list.length + 2 > list.data.length) {
        // Doubling keeps the number of (slow) typed-array allocations small.
        const grown = new Int32Array(list.data.length * 2);
        grown.set(list.data);
        list.data = grown;
      }
      list.data[list.length++] = slot;
      list.data[list.length++] = frequency;
    });
    this.termsOf[slot] = ids;
  }

  remove(path: string): void {
    const slot = this.slotOf.get(path);
    if (slot === undefined) return;
    for (const id of this.termsOf[slot] ?? []) {
      const list = this.postings[id]!;
      for (let i = 0; i < list.length; i += 2) {
        if (list.data[i] !== slot) continue;
        // Order does not matter: move the last pair into the hole.
        list.data[i] = list.data[list.length - 2]!;
        list.data[i + 1] = list.data[list.length - 1]!;
        list.length -= 2;
        break;
      }
    }
    this.totalLength -= this.lengths[slot]!;
    this.termsOf[slot] = null;
    this.paths[slot] = null;
    this.slotOf.delete(path);
    this.freeSlots.push(slot);
  }

  /** Keeps the index in step with a rename, without re-reading the review. */
  rename(from: string, to: string): void {
    const slot = this.slotOf.get(from);
    if (slot === undefined || this.slotOf.has(to)) return;
    this.slotOf.delete(from);
    this.slotOf.set(to, slot);
    this.paths[slot] = to;
  }

  clear(): void {
    Object.assign(this, new SearchIndex());
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.postings.push({ data: new Int32Array(2), length: 0 });
      this.termIds.set(term, id);
      this.vocabulary.set(term, id);
    }
    return id;
  }

  /** The vocabulary words a query word stands for, each with how much a match counts. */
  private expand(term: string, prefix: boolean): Map<number, { word: string; weight: number }> {
    const out = new Map<number, { word: string; weight: number }>();
    const exact = this.termIds.get(term);
    if (exact !== undefined && this.postings[exact]!.length > 0) out.set(exact, { word: term, weight: 1 });
    if (prefix && term.length >= 3) {
      const candidates: Array<[string, number]> = [];
      for (const [word, id] of this.vocabulary.atPrefix(term)) {
        if (id !== exact && this.postings[id]!.length > 0) candidates.push([word, id]);
      }
      // A short prefix can stand for thousands of words: keep the most used ones.
      const limit = term.length === 3 ? maxPrefixTerms / 4 : maxPrefixTerms;
      if (candidates.length > limit) {
        candidates.sort((x, y) => this.postings[y[1]]!.length - this.postings[x[1]]!.length);
        candidates.length = limit;
      }
      for (const [word, id] of candidates) out.set(id, { word, weight: 0.6 + 0.3 * (term.length / word.length) });
    }
    // A word found nowhere is probably a typo: one edit from five letters on, two from nine.
    const distance = term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
    if (out.size === 0 && distance > 0) {
      for (const [word, [id, edits]] of this.vocabulary.fuzzyGet(term, distance)) {
        if (this.postings[id]!.length > 0) out.set(id, { word, weight: 0.5 / edits });
      }
    }
    return out;
  }

  /** The vocabulary words a query stands for, to mark in snippets. */
  matchingWords(query: string): string[] {
    return parseQuery(query).flatMap((t) => [...this.expand(t.term, t.prefix).values()].map((e) => e.word));
  }

  /** Every review matching all words of the query, best first. */
  search(query: string): SearchHits {
    const terms = parseQuery(query);
    const slots = this.paths.length;
    const live = this.slotOf.size;
    if (terms.length === 0 || live === 0) return { paths: [], matchedTerms: [] };
    const averageLength = this.totalLength / live || 1;
    const scores = new Float64Array(slots);
    const matched = new Uint8Array(slots);
    const best = new Float64Array(slots);
    const matchedTerms: string[] = [];
    // Rarest query word first, so later words only revisit reviews that still qualify.
    const expanded = terms
      .map((t) => this.expand(t.term, t.prefix))
      .map((expansions) => ({ expansions, size: [...expansions.keys()].reduce((n, id) => n + this.postings[id]!.length, 0) }))
      .sort((x, y) => x.size - y.size);
    for (let round = 0; round < expanded.length; round++) {
      const { expansions } = expanded[round]!;
      if (expansions.size === 0) return { paths: [], matchedTerms: [] };
      best.fill(0);
      for (const [id, { word, weight }] of expansions) {
        const list = this.postings[id]!;
        const documents = list.length / 2;
        if (documents === 0) continue;
        matchedTerms.push(word);
        const idf = Math.log(1 + (live - documents + 0.5) / (documents + 0.5));
        for (let i = 0; i < list.length; i += 2) {
          const slot = list.data[i]!;
          if (matched[slot] !== round) continue;
          const tf = list.data[i + 1]!;
          const norm = k1 * (1 - b + (b * this.lengths[slot]!) / averageLength);
          const score = (weight * idf * (tf * (k1 + 1))) / (tf + norm);
          if (score > best[slot]!) best[slot] = score;
        }
      }
      for (let slot = 0; slot < slots; slot++) {
        if (matched[slot] === round && best[slot]! > 0) {
          matched[slot] = round + 1;
          scores[slot] = scores[slot]! + best[slot]!;
        }
      }
    }
    return { paths: this.ranked(scores, matched, expanded.length), matchedTerms };
  }

  /**
   * Paths of the slots that matched every word, best score first. Sorting numbers in a typed
   * array is several times faster than sorting with a comparator, which matters at 10,000 hits:
   * each key packs the score (inverted, to sort descending) above the slot.
   */
  private ranked(scores: Float64Array, matched: Uint8Array, rounds: number): string[] {
    let count = 0;
    let top = 0;
    for (let slot = 0; slot < matched.length; slot++) {
      if (matched[slot] === rounds) {
        count++;
        if (scores[slot]! > top) top = scores[slot]!;
      }
    }
    const slotBits = 2 ** Math.ceil(Math.log2(matched.length + 1));
    // Scores are quantised to 2^53 / slotBits steps below the best one: ties beyond that are rare and harmless.
    const steps = Math.floor(Number.MAX_SAFE_INTEGER / slotBits) - 1;
    const keys = new Float64Array(count);
    let k = 0;
    for (let slot = 0; slot < matched.length; slot++) {
      if (matched[slot] !== rounds) continue;
      const inverted = Math.round((1 - scores[slot]! / top) * steps);
      keys[k++] = inverted * slotBits + slot;
    }
    keys.sort();
    const paths = new Array<string>(count);
    for (let i = 0; i < count; i++) paths[i] = this.paths[keys[i]! % slotBits]!;
    return paths;
  }
}
