export type ReviewStatus = 'draft' | 'ready' | 'published';

/** The few front-matter fields the preview and word count need, read leniently. */
export interface ReviewMeta {
  /** The review's headline (top-level `title`). */
  title: string | null;
  status: ReviewStatus | null;
  /** As written, e.g. "2023-07-10". */
  date: string | null;
  film: { title: string | null; year: number | null };
  /** Per-still facts keyed by the image path as written in the markdown, e.g. "stills/01-a.jpg". */
  stills: Record<string, { credit?: string }>;
}

const STATUSES: readonly string[] = ['draft', 'ready', 'published'] satisfies ReviewStatus[];

/**
 * Reads the review's metadata from parsed front matter. Tolerant: a field of the wrong type reads
 * as null (or is left out), it never throws; the full schema check is the sidebar's job.
 */
export function reviewMeta(data: Record<string, unknown> | null): ReviewMeta {
  const film = record(data?.['film']);
  const status = data?.['status'];
  return {
    title: text(data?.['title']),
    status: typeof status === 'string' && STATUSES.includes(status) ? (status as ReviewStatus) : null,
    date: typeof data?.['date'] === 'string' ? data['date'] : null,
    film: { title: text(film?.['title']), year: year(film?.['year']) },
    stills: stills(data?.['stills']),
  };
}

function record(value: unknown): Record<string, unknown> | null {
  const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
  return isRecord ? (value as Record<string, unknown>) : null;
}

/** A string, or a number YAML read from an unquoted title such as `title: 1917`. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function year(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 9999 ? n : null;
}

function stills(value: unknown): ReviewMeta['stills'] {
  const out: ReviewMeta['stills'] = {};
  for (const [path, facts] of Object.entries(record(value) ?? {})) {
    const entry = record(facts);
    if (!entry || path === '__proto__') continue;
    const credit = text(entry['credit']);
    out[path] = credit !== null && credit.trim() !== '' ? { credit } : {};
  }
  return out;
}
