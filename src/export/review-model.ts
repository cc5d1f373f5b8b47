import slugify from '@sindresorhus/slugify';
import type { Token } from 'markdown-it';
import { portableName, reviewFolderName } from '../library/new-review';
import { markdown } from '../markdown/markdown';
import type { RenderEnv } from '../markdown/render-env';
import { parseFrontMatter } from '../review/front-matter';
import { reviewMeta, type ReviewMeta } from '../review/review-meta';
import type { ExportInput } from './types';

/** A review parsed once for every exporter: its front matter, its body's tokens and its names. */
export interface ExportReview {
  /** The front matter as plain data; empty when there is none or it does not parse. */
  data: Record<string, unknown>;
  meta: ReviewMeta;
  body: string;
  /** The one pipeline's tokens of the body (figures, footnotes and all). */
  tokens: Token[];
  env: RenderEnv;
  /** A portable name for files and URLs: front matter `slug`, else the headline, else film and year. */
  slug: string;
  /** What a reader sees as the title: the headline, else the film's title. */
  headline: string;
  summary: string | null;
  tags: string[];
  warnings: string[];
}

export function readExportReview(input: ExportInput): ExportReview {
  const frontMatter = parseFrontMatter(input.source);
  const data = frontMatter.data ?? {};
  const meta = reviewMeta(frontMatter.data);
  const warnings: string[] = [];
  if (frontMatter.error) {
    warnings.push(
      `The front matter does not parse (line ${frontMatter.error.line}: ${frontMatter.error.message}); the export has the text but none of the review's facts.`,
    );
  }
  const env: RenderEnv = { lineOffset: frontMatter.block.bodyStartLine, stills: meta.stills };
  const body = frontMatter.block.body;
  const tokens = markdown.parse(body, env);
  const film = meta.film.title ? `${meta.film.title}${meta.film.year ? ` (${meta.film.year})` : ''}` : null;
  return {
    data,
    meta,
    body,
    tokens,
    env,
    slug: slugOf(data, meta, input.reviewPath),
    headline: nonEmpty(meta.title) ?? film ?? 'Untitled review',
    summary: nonEmpty(typeof data['summary'] === 'string' ? data['summary'] : null),
    tags: tagsOf(data['tags']),
    warnings,
  };
}

function nonEmpty(text: string | null): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

/** The export's name: the front matter's `slug`, else the headline, else film title and year, else the file. */
export function slugOf(data: Record<string, unknown>, meta: ReviewMeta, reviewPath: string): string {
  const explicit = data['slug'];
  if (typeof explicit === 'string' && explicit.trim()) return portableName(slugify(explicit));
  const headline = nonEmpty(meta.title);
  if (headline) return portableName(slugify(headline));
  if (meta.film.title) {
    return meta.film.year ? reviewFolderName(meta.film.title, meta.film.year) : portableName(slugify(meta.film.title));
  }
  const parts = reviewPath.split('/');
  const file = parts.pop() ?? '';
  const stem = /^index\.(md|markdown)$/i.test(file) ? (parts.pop() ?? '') : file.replace(/\.(md|markdown)$/i, '');
  return portableName(slugify(stem));
}

function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list
    .map((tag) => (typeof tag === 'string' || typeof tag === 'number' ? String(tag).trim() : ''))
    .filter((tag) => tag !== '');
}

/** `YYYY-MM-DD` from a front matter date (`2023-07-10`, `2023-07-10T20:00:00Z`), or null. */
export function calendarDate(value: string | null): string | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim()) : null;
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? match.slice(1, 4).join('-') : null;
}

/** The front matter value of `film` as plain data (kept whole: exporters pass the facts on). */
export function filmData(data: Record<string, unknown>): Record<string, unknown> | null {
  const film = data['film'];
  return film !== null && typeof film === 'object' && !Array.isArray(film) ? (film as Record<string, unknown>) : null;
}

/** The rating and its scale, when the review has a usable one. */
export function ratingOf(data: Record<string, unknown>): { value: number; scale: number } | null {
  const value = Number(data['rating']);
  const scaleValue = data['rating_scale'] === undefined ? 5 : Number(data['rating_scale']);
  const scale = Number.isFinite(scaleValue) && scaleValue > 0 ? scaleValue : 5;
  if (data['rating'] === undefined || data['rating'] === null || data['rating'] === '' || !Number.isFinite(value)) return null;
  return value >= 0 && value <= scale ? { value, scale } : null;
}
