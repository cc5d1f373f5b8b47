import slugify from '@sindresorhus/slugify';

/** The text of a new review: front matter from the film's title and year, an empty body. */
export function newReviewText(filmTitle: string, year: number, today: string): string {
  // JSON strings are valid YAML double-quoted scalars, so any title is quoted safely.
  return [
    '---',
    'title: ""',
    `date: ${JSON.stringify(today)}`,
    'status: draft',
    'film:',
    `  title: ${JSON.stringify(filmTitle)}`,
    `  year: ${year}`,
    '---',
    '',
    '',
  ].join('\n');
}

/** Characters Windows forbids in names, and the names it reserves. */
const reservedNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Makes a slug portable: lowercase ASCII letters, digits and hyphens only, no trailing dot or
 * space, never a reserved Windows name, never empty.
 */
export function portableName(slug: string, fallback = 'review'): string {
  let name = slug
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  if (!name) name = fallback;
  if (reservedNames.test(name)) name = `${name}-review`;
  return name;
}

/** Local calendar date as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Folder name of a review: a slug of the film's title and year, transliterated (Дорогие → dorogie). */
export function reviewFolderName(filmTitle: string, year: number): string {
  return portableName(slugify(`${filmTitle} ${year}`));
}
