import { z } from '../contract/zod';

/*
 * The review file's front matter (DESIGN §4). Messages are predicates that follow the field's
 * name in words ("Film › Year" + "must be a whole number such as 2020"), see review-check.ts.
 * Objects are loose: unknown keys pass through untouched and are reported as warnings.
 * Every optional field may also be written empty (null), which reads as "not set".
 */

// A number or true/false where text belongs is almost always a title written without quotes.
const text = (what = 'text') =>
  z.string({
    error: (issue) =>
      typeof issue.input === 'number' || typeof issue.input === 'boolean'
        ? `must be ${what}: write it in quotes, such as "${String(issue.input)}"`
        : `must be ${what}`,
  });
const wholeNumber = (what: string) =>
  z.number({ error: `must be ${what}` }).int({ error: `must be ${what}` });
const list = <T extends z.ZodType>(item: T, example: string) =>
  z.array(item, { error: `must be a list, such as ${example}` });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

const dateText = text('a date such as 2024-10-31').refine(
  (value) => {
    const match = ISO_DATE.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  },
  { error: 'must be a date such as 2024-10-31' },
);

export const statuses = ['draft', 'ready', 'published'] as const;
export const colors = ['color', 'black-and-white', 'mixed'] as const;

export const personIdsSchema = z
  .object({
    tmdb: wholeNumber('a TMDb person number such as 1234').positive({ error: 'must be a TMDb person number such as 1234' }).nullish(),
    imdb: text('an IMDb name id such as "nm0003638"').regex(/^nm\d{7,9}$/, { error: 'must be an IMDb name id such as "nm0003638"' }).nullish(),
    wikidata: text('a Wikidata id such as "Q55383"').regex(/^Q\d+$/, { error: 'must be a Wikidata id such as "Q55383"' }).nullish(),
  }, { error: 'must be a group of ids, such as {imdb: "nm0003638"}' })
  .loose();

/** A person is a name, or a name with ids (and, for writers, a role such as "screenplay"). */
export const personSchema = z.union(
  [
    text('a name'),
    z
      .object({
        name: text('a name'),
        original_name: text('a name').nullish(),
        role: text().nullish(),
        ids: personIdsSchema.nullish(),
      })
      .loose(),
  ],
  { error: 'must be a name, or a name with ids such as {name: Agnès Varda}' },
);

export const castMemberSchema = z
  .object({
    name: text('the actor’s name'),
    character: text('the character’s name').nullish(),
    order: wholeNumber('a whole number').nullish(),
    ids: personIdsSchema.nullish(),
  }, { error: 'must be an actor and a character, such as {name: Max Schreck, character: Count Orlok}' })
  .loose();

const countryCode = text('a two-letter country code in quotes, such as "DE"').regex(/^[A-Z]{2}$/, {
  error: 'must be a two-letter country code in quotes, such as "DE"',
});

export const distributorSchema = z
  .object({ name: text('a name'), country: countryCode.nullish() }, { error: 'must be a name and a country, such as {name: Curzon, country: "GB"}' })
  .loose();

export const watchSchema = z.union(
  [text('a place to watch the film'), z.object({ name: text('a name'), url: text('a link').nullish() }).loose()],
  { error: 'must be a place to watch the film, such as MUBI' },
);

export const filmIdsSchema = z
  .object({
    tmdb: wholeNumber('a TMDb film number such as 653').positive({ error: 'must be a TMDb film number such as 653' }).nullish(),
    imdb: text('an IMDb title id such as "tt0013442"').regex(/^tt\d{7,9}$/, { error: 'must be an IMDb title id such as "tt0013442"' }).nullish(),
    wikidata: text('a Wikidata id such as "Q151895"').regex(/^Q\d+$/, { error: 'must be a Wikidata id such as "Q151895"' }).nullish(),
    letterboxd: text('a Letterboxd film slug such as nosferatu').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'must be a Letterboxd film slug such as nosferatu',
    }).nullish(),
  }, { error: 'must be a group of ids, such as {tmdb: 653, imdb: "tt0013442"}' })
  .loose();

const aspectRatio = 'must be a ratio in quotes, such as "1.85:1"';
const people = list(personSchema, '[Agnès Varda]').nullish();
const texts = (example: string) => list(text(), example).nullish();

export const filmSchema = z
  .object({
    title: text().nullish(),
    original_title: text().nullish(),
    year: wholeNumber('a whole number such as 2020')
      .min(1870, { error: 'must be a year from 1870 on' })
      .max(2100, { error: 'must be a year before 2100' })
      .nullish(),
    directors: people,
    writers: people,
    cinematographers: people,
    editors: people,
    composers: people,
    producers: people,
    cast: list(castMemberSchema, '[{name: Max Schreck, character: Count Orlok}]').nullish(),
    runtime: wholeNumber('a whole number of minutes, such as 94').positive({ error: 'must be a whole number of minutes, such as 94' }).nullish(),
    countries: list(countryCode, '["DE", "FR"]').nullish(),
    languages: list(
      text('a language code such as "de" or "pt-BR"').regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
        error: 'must be a language code such as "de" or "pt-BR"',
      }),
      '["de"]',
    ).nullish(),
    genres: texts('[Drama, Horror]'),
    aspect_ratio: z
      .union(
        [
          z.number().positive({ error: aspectRatio }),
          text().regex(/^\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)?$/, { error: aspectRatio }),
        ],
        { error: aspectRatio },
      )
      .nullish(),
    color: z.enum(colors, { error: 'must be color, black-and-white or mixed' }).nullish(),
    distributors: list(distributorSchema, '[{name: Curzon, country: "GB"}]').nullish(),
    watch: list(watchSchema, '[MUBI, Criterion Channel]').nullish(),
    ids: filmIdsSchema.nullish(),
  }, { error: 'must be a group of fields such as title: and year:, each on its own line below it' })
  .loose();

export const stillSchema = z
  .object({ credit: text().nullish(), source: text().nullish(), timecode: text().nullish() }, { error: 'must be the still’s facts, such as {credit: Curzon}' })
  .loose();

export const publishedSchema = z
  .object({
    site: text('a link').nullish(),
    id: z.union([z.string(), z.number()], { error: 'must be the post’s id' }).nullish(),
    url: text('a link').nullish(),
    at: text('a date and time').nullish(),
  }, { error: 'must be the record of a post, such as {url: "https://…", id: 12}' })
  .loose();

export const reviewSchema = z
  .object({
    title: text().nullish(),
    date: dateText.nullish(),
    status: z.enum(statuses, { error: 'must be draft, ready or published' }).nullish(),
    rating: z.number({ error: 'must be a number of stars such as 3.5' }).nullish(),
    rating_scale: wholeNumber('a whole number such as 5')
      .min(1, { error: 'must be a whole number from 1 to 100' })
      .max(100, { error: 'must be a whole number from 1 to 100' })
      .nullish(),
    tags: texts('[silent film, horror]'),
    summary: text().nullish(),
    spoilers: z.boolean({ error: 'must be true or false' }).nullish(),
    slug: text('lowercase words joined by hyphens, such as nosferatu-1922').regex(SLUG, {
      error: 'must be lowercase words joined by hyphens, such as nosferatu-1922',
    }).nullish(),
    target_words: wholeNumber('a whole number of words, such as 1200').positive({ error: 'must be a whole number of words, such as 1200' }).nullish(),
    /** Names the writing checks should know besides the film's (places, other films' people): docs/writing-aids.md. */
    names: texts('[Novocherkassk, Khrushchev]'),
    film: filmSchema.nullish(),
    stills: z.record(z.string(), stillSchema.nullish(), { error: 'must be a list of stills by file, such as {stills/01.jpg: {credit: Curzon}}' }).nullish(),
    published: z.record(z.string(), publishedSchema.nullish(), { error: 'must be one record per destination' }).nullish(),
  })
  .loose()
  .superRefine((review, ctx) => {
    const scale = typeof review.rating_scale === 'number' ? review.rating_scale : defaultRatingScale;
    const rating = review.rating;
    if (typeof rating !== 'number') return;
    if (rating < 0 || rating > scale) {
      ctx.addIssue({ code: 'custom', path: ['rating'], message: `must be from 0 to ${scale}, the rating scale` });
    } else if (!Number.isInteger(rating * 2)) {
      ctx.addIssue({ code: 'custom', path: ['rating'], message: 'must be in half steps, such as 3.5' });
    }
  });

export const defaultRatingScale = 5;

export type Person = z.infer<typeof personSchema>;
export type CastMember = z.infer<typeof castMemberSchema>;
export type Film = z.infer<typeof filmSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type ReviewStatus = (typeof statuses)[number];
export type FilmColor = (typeof colors)[number];

/** The film's lists of people, in the order the sidebar and the file keep them. */
export const crewRoles = ['directors', 'writers', 'cinematographers', 'editors', 'composers', 'producers'] as const;
export type CrewRole = (typeof crewRoles)[number];

/** A person's name, whether written as a name or as {name, ids}; null when there is none. */
export function personName(person: unknown): string | null {
  if (typeof person === 'string') return person;
  if (typeof person === 'number' && Number.isFinite(person)) return String(person);
  if (person !== null && typeof person === 'object' && !Array.isArray(person)) {
    const name = (person as Record<string, unknown>)['name'];
    return typeof name === 'string' ? name : null;
  }
  return null;
}
