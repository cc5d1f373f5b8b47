import { z } from '../contract/zod';
import { reviewSchema, type Review } from './schema';

export type FieldPath = readonly (string | number)[];

/** One problem with one field, worded for a critic. */
export interface FieldIssue {
  path: FieldPath;
  severity: 'error' | 'warning';
  /** The whole sentence, e.g. "Film › Year must be a whole number such as 2020". */
  message: string;
}

export interface ReviewCheck {
  /** The front matter as the schema reads it; null when any field is wrong. */
  review: Review | null;
  issues: FieldIssue[];
}

const labels: Record<string, string> = {
  title: 'Headline',
  date: 'Date',
  status: 'Status',
  rating: 'Rating',
  rating_scale: 'Rating scale',
  tags: 'Tags',
  summary: 'Summary',
  spoilers: 'Spoilers',
  slug: 'Slug',
  target_words: 'Target length',
  stills: 'Stills',
  published: 'Published',
  'film.title': 'Title',
  original_title: 'Original title',
  year: 'Year',
  directors: 'Directors',
  writers: 'Writers',
  cinematographers: 'Cinematographers',
  editors: 'Editors',
  composers: 'Composers',
  producers: 'Producers',
  cast: 'Cast',
  runtime: 'Runtime',
  countries: 'Countries',
  languages: 'Languages',
  genres: 'Genres',
  aspect_ratio: 'Aspect ratio',
  color: 'Colour',
  distributors: 'Distributors',
  watch: 'Where to watch',
  ids: 'IDs',
  tmdb: 'TMDb',
  imdb: 'IMDb',
  wikidata: 'Wikidata',
  letterboxd: 'Letterboxd',
  name: 'Name',
  character: 'Character',
  order: 'Order',
  country: 'Country',
  credit: 'Credit',
  source: 'Source',
  url: 'Link',
  site: 'Site',
  role: 'Role',
};

/**
 * A field's path in words: `film.cast.2.character` → "Film › Cast #3 › Character". The review's
 * own fields are under "Review"; keys Intertitle does not know are shown as written.
 */
export function fieldLabel(path: FieldPath): string {
  if (path.length === 0) return 'The front matter';
  const head = path[0];
  const section = head === 'film' ? 'Film' : head === 'stills' ? 'Stills' : head === 'published' ? 'Published' : 'Review';
  const words = [section];
  path.forEach((segment, i) => {
    if (typeof segment === 'number') {
      words[words.length - 1] += ` #${segment + 1}`;
      return;
    }
    if (i === 0 && section !== 'Review') return;
    // A still's file and a destination's name are the critic's words, not field names.
    const written = (section === 'Stills' || section === 'Published') && i === 1;
    const key = section === 'Film' && i === 1 && segment === 'title' ? 'film.title' : segment;
    words.push(!written && Object.hasOwn(labels, key) ? labels[key]! : segment);
  });
  return words.join(' › ');
}

/** Checks parsed front matter against the schema: errors for wrong fields, warnings for unknown ones. */
export function checkReview(data: Record<string, unknown>): ReviewCheck {
  const issues: FieldIssue[] = [];
  const result = reviewSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const { path, message } of explain(issue, [])) {
        issues.push({ path, severity: 'error', message: `${fieldLabel(path)} ${message}` });
      }
    }
  }
  for (const path of unknownKeys(reviewSchema, data, [])) {
    issues.push({
      path,
      severity: 'warning',
      message: `${fieldLabel(path)} is not a field Intertitle knows; it is kept as written.`,
    });
  }
  return { review: result.success ? result.data : null, issues };
}

/**
 * A union that failed says only "must be a name, or …". When the value clearly meant the second
 * form (an object with a wrong field), the issues of that form are the useful ones.
 */
function explain(issue: z.core.$ZodIssue, prefix: FieldPath): Array<{ path: FieldPath; message: string }> {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors)) {
    const deeper = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
    if (deeper) return deeper.flatMap((inner) => explain(inner, path));
  }
  return [{ path, message: issue.message }];
}

/** The keys of `value` that the schema does not name, as paths; `constructor` and friends included. */
export function unknownKeys(schema: z.ZodType, value: unknown, path: FieldPath): FieldPath[] {
  const found: FieldPath[] = [];
  const walk = (schema: z.ZodType, value: unknown, path: FieldPath): void => {
    if (value === null || value === undefined) return;
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return walk(schema.unwrap() as z.ZodType, value, path);
    if (schema instanceof z.ZodObject) {
      if (!isRecord(value)) return;
      const shape = schema.shape as Record<string, z.ZodType>;
      for (const [key, child] of Object.entries(value)) {
        if (Object.hasOwn(shape, key)) walk(shape[key]!, child, [...path, key]);
        else found.push([...path, key]);
      }
      return;
    }
    if (schema instanceof z.ZodArray) {
      if (Array.isArray(value)) value.forEach((item, i) => walk(schema.element as z.ZodType, item, [...path, i]));
      return;
    }
    if (schema instanceof z.ZodRecord) {
      if (isRecord(value)) for (const [key, child] of Object.entries(value)) walk(schema.valueType as z.ZodType, child, [...path, key]);
      return;
    }
    if (schema instanceof z.ZodUnion) {
      // Only the object form of a union has keys to check.
      const form = (schema.options as z.ZodType[]).find((option) => isRecord(value) && unwrapObject(option));
      if (form) walk(form, value, path);
    }
  };
  walk(schema, value, path);
  return found;
}

/**
 * The fields the schema names for the object at `path`, in the schema's order (the order a new
 * field is placed in), or null when the path is not an object the schema describes.
 */
export function fieldOrder(path: FieldPath, schema: z.ZodType = reviewSchema): string[] | null {
  let current: z.ZodType | null = schema;
  for (const segment of path) {
    current = current && child(current, segment);
  }
  const object = current && unwrapObject(unwrap(current));
  return object ? Object.keys(object.shape) : null;
}

function child(schema: z.ZodType, segment: string | number): z.ZodType | null {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && typeof segment === 'string') {
    const shape = inner.shape as Record<string, z.ZodType>;
    return Object.hasOwn(shape, segment) ? shape[segment]! : null;
  }
  if (inner instanceof z.ZodArray && typeof segment === 'number') return inner.element as z.ZodType;
  if (inner instanceof z.ZodRecord && typeof segment === 'string') return inner.valueType as z.ZodType;
  return null;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  if (current instanceof z.ZodUnion) {
    const object = (current.options as z.ZodType[]).map(unwrapObject).find(Boolean);
    if (object) return object;
  }
  return current;
}

function unwrapObject(schema: z.ZodType): z.ZodObject | null {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodObject ? current : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
