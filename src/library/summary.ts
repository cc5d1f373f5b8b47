import type { ReviewStatus, ReviewSummary } from '../contract';
import { parseFrontMatter, type FrontMatter } from '../review/front-matter';
import { reviewMeta } from '../review/review-meta';

function firstHeading(body: string): string | null {
  const match = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match ? match[1]!.trim() : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A person in the front matter is a name, or `{name, ids}` (DESIGN §4). */
function personName(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  const name = record(value)?.['name'];
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map(personName).filter((name): name is string => name !== null);
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list
    .map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item).trim() : ''))
    .filter(Boolean);
}

function positiveNumber(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * What the Library pane and `intertitle scan` show of a review. Never throws: a review whose
 * front matter does not parse is listed with the problem, so it can still be opened and fixed.
 */
export function summariseReview(path: string, text: string, fallbackName: string): ReviewSummary {
  return summariseWithFilm(path, text, fallbackName).summary;
}

/**
 * The summary plus the review's whole `film` block as plain data (for `intertitle scan --json`);
 * the block is null when the front matter has none or does not parse.
 */
export function summariseWithFilm(
  path: string,
  text: string,
  fallbackName: string,
): { summary: ReviewSummary; film: Record<string, unknown> | null } {
  return summariseParsed(path, parseFrontMatter(text), fallbackName);
}

/** As summariseWithFilm, from front matter already parsed (the host parses each file once). */
export function summariseParsed(
  path: string,
  frontMatter: FrontMatter,
  fallbackName: string,
): { summary: ReviewSummary; film: Record<string, unknown> | null } {
  const data = frontMatter.data;
  const meta = reviewMeta(data);
  const filmBlock = record(data?.['film']);
  const title = meta.title?.trim() || firstHeading(frontMatter.block.body) || meta.film.title || fallbackName;
  const scale = positiveNumber(data?.['rating_scale']);
  const summary: ReviewSummary = {
    path,
    title,
    status: meta.status as ReviewStatus | null,
    date: meta.date,
    film: { title: meta.film.title, year: meta.film.year, directors: names(filmBlock?.['directors']) },
    rating: positiveNumber(data?.['rating']),
    ratingScale: scale && scale > 0 ? scale : 5,
    tags: strings(data?.['tags']),
  };
  if (frontMatter.error) {
    summary.problem = `The front matter does not parse (line ${frontMatter.error.line}: ${frontMatter.error.message})`;
  }
  return { summary, film: filmBlock };
}

/** An empty summary for a file that could not be read at all. */
export function unreadableSummary(path: string, fallbackName: string, problem: string): ReviewSummary {
  return {
    path,
    title: fallbackName,
    status: null,
    date: null,
    film: { title: null, year: null, directors: [] },
    rating: null,
    ratingScale: 5,
    tags: [],
    problem,
  };
}
