import { lineColumn, lineStarts } from '../markdown/line-index';
import { parseFrontMatter } from '../review/front-matter';
import { indexNames, knownNamesOf, type KnownNames } from './names';
import { readProse } from './prose';
import { nameInconsistent } from './rules/names-inconsistent';
import { nameNearMiss } from './rules/names-near-miss';
import { longSentence } from './rules/long-sentence';
import { repeatedWord } from './rules/repeated-word';
import { spoilerFlag } from './rules/spoiler-flag';
import { stillChecks } from './rules/stills';
import { titleStyle } from './rules/title-style';
import { defaultWritingSettings, type LintSettings } from './settings';
import type { LintInput, LintResult, LintRule } from './types';

/** Every writing check, in the order their findings are listed when they start at the same place. */
export const lintRules: readonly LintRule[] = [nameNearMiss, nameInconsistent, titleStyle, repeatedWord, longSentence, stillChecks, spoilerFlag];

export interface LintOptions {
  settings?: Partial<LintSettings>;
  /** The checks to run (all of `lintRules` when absent). */
  rules?: readonly LintRule[];
  /** The facts of the review's image files, for the stills checks (see `LintInput.files`). */
  files?: LintInput['files'];
}

/**
 * Runs the writing checks over a review (front matter and body). Pure: the same text and
 * settings give the same results. Line breaks may be `\n` or `\r\n`; positions are in the text
 * as given. Results are sorted by position, and each one's `text` is checked against the source,
 * so a finding never points at the wrong characters.
 */
export function lintReview(text: string, options: LintOptions = {}): LintResult[] {
  const settings: LintSettings = { ...defaultWritingSettings, ...options.settings };
  const map = lineBreakMap(text);
  const source = map ? text.replace(/\r\n?/g, '\n') : text;
  const frontMatter = parseFrontMatter(source);
  const input: LintInput = {
    source,
    data: frontMatter.data,
    prose: readProse(source, frontMatter.block.bodyStart, frontMatter.block.bodyStartLine),
    names: namesOf(frontMatter.data),
    settings,
    ...(options.files ? { files: options.files } : {}),
  };
  const disabled = new Set<string>(settings.disabledRules);
  const lines = lineStarts(text);
  const results: LintResult[] = [];
  for (const rule of options.rules ?? lintRules) {
    if (disabled.has(rule.id)) continue;
    for (const finding of rule.run(input)) {
      // A check may report under several ids (the stills checks do); each can be turned off.
      if (disabled.has(finding.rule)) continue;
      if (!(finding.from >= 0 && finding.from <= finding.to && finding.to <= source.length)) continue;
      const from = map ? map(finding.from) : finding.from;
      const to = map ? map(finding.to) : finding.to;
      const { line, column } = lineColumn(lines, from);
      // Built field by field: the shape and key order are the documented `--json` output.
      const { rule: id, severity, message, suggestions } = finding;
      results.push({ rule: id, severity, message, line, column, from, to, text: text.slice(from, to), suggestions });
    }
  }
  return results.sort((a, b) => a.from - b.from || a.to - b.to);
}

// `parseFrontMatter` gives the same data object while the front matter is unchanged (typing in
// the body), so the names are indexed once per front matter. Rules only read the index.
const namesByData = new WeakMap<object, KnownNames>();

function namesOf(data: Record<string, unknown> | null): KnownNames {
  if (!data) return indexNames([]);
  let names = namesByData.get(data);
  if (!names) namesByData.set(data, (names = indexNames(knownNamesOf(data))));
  return names;
}

/** For text with `\r` line breaks: maps an offset in the `\n` form back to the text as given. */
function lineBreakMap(text: string): ((offset: number) => number) | null {
  if (!text.includes('\r')) return null;
  // Offsets (in the \n form) after which one extra character stood in the original.
  const extra: number[] = [];
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      removed++;
      extra.push(i + 1 - removed);
    }
  }
  return (offset) => {
    let low = 0;
    let high = extra.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (extra[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
}
