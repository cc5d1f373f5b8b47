import type { TextChange } from '../review/front-matter-edit';
import { findFigures, type FigureSource } from './figure-source';
import type { LintResult, Severity } from '../lint/types';
import type { StillInfo } from './types';

/**
 * Writing checks for stills, as pure functions over the review's text and what the host knows of
 * its files. A finding is a writing-checks result (src/lint) whose suggestions may change more
 * than the flagged text (the Stills panel offers them); `src/lint/rules/stills.ts` keeps those
 * that replace exactly the flagged text, for the editor's lint and the CLI's `lint`.
 */
export interface LintSuggestion {
  label: string;
  changes: TextChange[];
}

export type StillFinding = Omit<LintResult, 'suggestions'> & { suggestions: LintSuggestion[] };

/** Above this an image should have a web derivative: readers would download it whole. */
export const largeStillBytes = 5 * 1024 * 1024;

export const stillRules = {
  altMissing: 'still-alt-missing',
  captionMissing: 'still-caption-missing',
  altIsCaption: 'still-alt-is-caption',
  tooLarge: 'still-too-large',
  fileMissing: 'still-file-missing',
} as const;

export interface StillCheckOptions {
  /**
   * What the host knows of the file behind an image path as written: its facts, null when it does
   * not exist, undefined when not known (yet). File checks are skipped for unknown files.
   */
  file?: (src: string) => StillInfo | null | undefined;
}

/** Runs every stills check over a review's text. */
export function checkStills(text: string, options: StillCheckOptions = {}): StillFinding[] {
  const results: StillFinding[] = [];
  for (const figure of findFigures(text)) {
    results.push(...checkFigure(text, figure, options));
  }
  return results;
}

/** The checks of one figure. */
export function checkFigure(text: string, figure: FigureSource, options: StillCheckOptions = {}): StillFinding[] {
  const out: StillFinding[] = [];
  const at = (rule: string, severity: Severity, message: string): StillFinding => ({
    rule,
    severity,
    message,
    line: figure.line,
    column: figure.column,
    from: figure.from,
    to: figure.to,
    text: text.slice(figure.from, figure.to),
    suggestions: [],
  });
  const alt = plain(figure.alt);
  const caption = plain(figure.caption);
  if (!alt) {
    out.push(at(stillRules.altMissing, 'warning', `${figure.src} has no alt text: describe what is in the picture for readers who cannot see it.`));
  }
  if (!caption) {
    out.push(at(stillRules.captionMissing, 'warning', `${figure.src} has no caption: say what the picture shows of the film.`));
  }
  if (alt && caption && fold(alt) === fold(caption)) {
    out.push(
      at(
        stillRules.altIsCaption,
        'warning',
        `The alt text of ${figure.src} repeats its caption: screen readers would read it twice. Let the alt text describe the picture, the caption comment on it.`,
      ),
    );
  }
  const file = options.file?.(figure.src);
  if (file === null) {
    out.push(at(stillRules.fileMissing, 'error', `${figure.src} is missing: there is no such file beside the review.`));
  } else if (file && file.bytes > largeStillBytes && file.derivative === null) {
    const mb = (file.bytes / (1024 * 1024)).toFixed(1);
    out.push(
      at(
        stillRules.tooLarge,
        'warning',
        `${figure.src} is ${mb} MB and has no web-size copy: readers would download all of it. Make a web copy of it in the Stills panel.`,
      ),
    );
  }
  return out;
}

/** Inline markdown reduced to its words, for comparing alt text and captions. */
function plain(markdown: string): string {
  return markdown
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
