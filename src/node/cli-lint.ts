import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { lintReview } from '../lint/lint-review';
import { ruleIds, titleStyles, writingSettingsSchema, type LintSettings, type RuleId, type TitleStyle } from '../lint/settings';
import type { LintResult } from '../lint/types';
import { imageReferences } from '../stills/figure-source';
import { decodeReview } from './review-store';
import { referencedStills } from './stills/still-files';

export const lintUsage = `lint <review.md> [--json] [--title-style italic|quotes|off]
       [--max-sentence-words N] [--disable <check>[,<check>…]]
                                     the writing checks (docs/writing-aids.md); exit 1 when
                                     any warning is found`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

class UsageError extends Error {}

const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * `intertitle lint`: the editor's writing checks on a review file. Prints one finding a line
 * (`file:line:column  severity  message  (check)`, then its suggestions), or with `--json` the
 * array of results exactly as the checks return them. Exit 0 when nothing worse than a note is
 * found, 1 when a warning or error is, 2 when the review could not be checked.
 */
export async function lintCommand(args: string[], io: Io): Promise<number> {
  let file: string;
  let json: boolean;
  let settings: Partial<LintSettings>;
  try {
    ({ file, json, settings } = parse(args));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`intertitle: ${(error as Error).message}\nUsage: intertitle ${lintUsage}\n`);
      return 2;
    }
    throw error;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`intertitle: ${code === 'ENOENT' ? `No such file: ${file}` : code === 'EISDIR' ? `${file} is a folder, not a review` : `Cannot read ${file}: ${(error as Error).message}`}\n`);
    return 2;
  }
  const { text, valid } = decodeReview(bytes);
  if (!valid) {
    io.err(`intertitle: ${file} is not valid UTF-8 text.\n`);
    return 2;
  }
  // The stills beside the review, for the checks of the files themselves (missing, too large).
  const facts = await referencedStills(dirname(file), basename(file), imageReferences(text));
  const results = lintReview(text, { settings, files: (src) => facts[src] });
  io.out(json ? `${JSON.stringify(results, null, 2)}\n` : formatResults(file, results));
  return results.some((r) => r.severity !== 'info') ? 1 : 0;
}

function parse(args: string[]): { file: string; json: boolean; settings: Partial<LintSettings> } {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      'title-style': { type: 'string' },
      'max-sentence-words': { type: 'string' },
      disable: { type: 'string', multiple: true },
    },
  });
  if (positionals.length !== 1) throw new UsageError('lint takes one review file.');
  const settings: Partial<LintSettings> = {};
  const style = values['title-style'];
  if (style !== undefined) {
    if (!(titleStyles as readonly string[]).includes(style)) throw new UsageError(`--title-style is one of ${titleStyles.join(', ')}.`);
    settings.titleStyle = style as TitleStyle;
  }
  const max = values['max-sentence-words'];
  if (max !== undefined) {
    const parsed = writingSettingsSchema.shape.maxSentenceWords.safeParse(/^\d+$/.test(max) ? Number(max) : max);
    if (!parsed.success) throw new UsageError(`--max-sentence-words: ${parsed.error.issues[0]?.message ?? 'a whole number of words'}.`);
    settings.maxSentenceWords = parsed.data;
  }
  const disabled = (values.disable ?? []).flatMap((list) => list.split(',')).map((id) => id.trim()).filter(Boolean);
  for (const id of disabled) {
    if (!(ruleIds as readonly string[]).includes(id)) throw new UsageError(`Unknown check “${id}”. The checks are: ${ruleIds.join(', ')}.`);
  }
  if (disabled.length) settings.disabledRules = disabled as RuleId[];
  return { file: positionals[0]!, json: Boolean(values.json), settings };
}

/** The human-readable report: one finding a line, its fixes under it, and a count. */
export function formatResults(file: string, results: readonly LintResult[]): string {
  if (!results.length) return `${file}: no findings\n`;
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${file}:${r.line}:${r.column}  ${SEVERITY_WORD[r.severity].padEnd(7)}  ${r.message}  (${r.rule})`);
    if (r.suggestions.length) lines.push(`    fix: ${r.suggestions.map((s) => JSON.stringify(s)).join(' or ')}`);
  }
  const count = (severity: LintResult['severity']) => results.filter((r) => r.severity === severity).length;
  const parts = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'note'],
  ]
    .filter(([n]) => n)
    .map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  lines.push(`${results.length} finding${results.length === 1 ? '' : 's'} (${parts.join(', ')})`);
  return `${lines.join('\n')}\n`;
}
