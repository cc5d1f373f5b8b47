import type { FilmCandidate, FilmDetails, FilmProvider } from '../contract/types';
import { foldTitle } from './json';

export interface FilmQuery {
  title: string;
  year?: number;
}

/** A candidate as a provider finds it; the host turns `posterUrl` into a small data: URL. */
export interface ProviderCandidate extends Omit<FilmCandidate, 'poster'> {
  posterUrl: string | null;
}

export interface DetailsOptions {
  /** How many cast members to keep, in billing order. */
  castLimit: number;
}

/** A film database behind one interface: TMDb and Wikidata both map to the `film:` block. */
export interface MetadataProvider {
  readonly id: FilmProvider;
  /** As the critic knows it, for messages: "TMDb", "Wikidata". */
  readonly name: string;
  search(query: FilmQuery): Promise<ProviderCandidate[]>;
  details(id: string, options: DetailsOptions): Promise<FilmDetails>;
}

export const defaultCastLimit = 15;
export const maxCandidates = 10;

/** An IMDb title id typed as the query ("tt0013442") is looked up as an id, not as a title. */
export function imdbIdIn(query: string): string | null {
  const match = /^\s*(tt\d{7,9})\s*$/i.exec(query);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Orders candidates as a critic would pick: an exact title (or original title) first, then the
 * nearest year, then the provider's own relevance order.
 */
export function rankCandidates<T extends { title: string; originalTitle: string | null; year: number | null }>(
  candidates: readonly T[],
  query: FilmQuery,
): T[] {
  const wanted = foldTitle(query.title);
  const score = (c: T) => {
    const exact = foldTitle(c.title) === wanted || (c.originalTitle !== null && foldTitle(c.originalTitle) === wanted);
    const distance = query.year === undefined ? 0 : c.year === null ? 50 : Math.min(Math.abs(c.year - query.year), 49);
    return (exact ? 0 : 100) + distance;
  };
  return candidates
    .map((candidate, index) => ({ candidate, index, score: score(candidate) }))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.candidate);
}
