import { z } from '../contract/zod';

/** The checks, by the id each result carries in `rule`. */
export const ruleIds = [
  'name-near-miss',
  'name-inconsistent',
  'title-style',
  'repeated-word',
  'long-sentence',
  // The stills checks' ids (src/stills/checks.ts `stillRules`; a test keeps the two in step).
  'still-alt-missing',
  'still-caption-missing',
  'still-alt-is-caption',
  'still-too-large',
  'still-file-missing',
  'spoiler-flag',
] as const;
export type RuleId = (typeof ruleIds)[number];

/** How the film's title is set in the text: in italics (`*Title*`), in quotes (`“Title”`), or not checked. */
export const titleStyles = ['italic', 'quotes', 'off'] as const;
export type TitleStyle = (typeof titleStyles)[number];

/**
 * A library's writing settings (kept by the host in user data, per library; the CLI takes flags).
 * `targetWords` is the default length when a review has no `target_words`.
 */
export const writingSettingsSchema = z
  .object({
    titleStyle: z.enum(titleStyles, { error: 'The title style is italic, quotes or off' }),
    maxSentenceWords: z
      .number({ error: 'The longest sentence is a number of words' })
      .int('The longest sentence is a whole number of words')
      .min(10, 'A sentence limit under 10 words would flag most sentences')
      .max(500, 'Keep the sentence limit at 500 words or fewer'),
    targetWords: z
      .number({ error: 'The target length is a number of words' })
      .int('The target length is a whole number of words')
      .positive('The target length is a positive number of words')
      .max(1_000_000)
      .nullable(),
    disabledRules: z.array(z.enum(ruleIds, { error: 'Not a writing check' })).max(ruleIds.length),
  })
  .strict();

export type WritingSettings = z.infer<typeof writingSettingsSchema>;

/** What the checks read of the settings. */
export type LintSettings = Pick<WritingSettings, 'titleStyle' | 'maxSentenceWords' | 'disabledRules'>;

export const defaultWritingSettings: WritingSettings = {
  titleStyle: 'italic',
  // Critics write long sentences on purpose (the sample reviews have one of 52 words); past 60,
  // readers lose the thread.
  maxSentenceWords: 60,
  targetWords: null,
  disabledRules: [],
};

/** Settings read from anywhere (a file, a request), with each bad or missing field at its default. */
export function readWritingSettings(value: unknown): WritingSettings {
  const record = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const out: WritingSettings = { ...defaultWritingSettings };
  const shape = writingSettingsSchema.shape;
  for (const key of Object.keys(shape) as Array<keyof WritingSettings>) {
    const parsed = shape[key].safeParse(record[key]);
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/** Words for the host's spellchecker (`spelling.addWords`): the names of one review. */
export const spellingWordsArgs = z
  .object({
    words: z.array(z.string().min(1).max(100, 'A word of more than 100 letters is not a name')).max(2000, 'Send at most 2,000 words at once'),
  })
  .strict();
