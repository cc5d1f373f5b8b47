import type { Prose } from './prose';
import type { KnownNames } from './names';
import type { LintSettings } from './settings';
import type { StillInfo } from '../stills/types';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding of the writing checks. Positions are in the text that was checked: `from`/`to` are
 * UTF-16 offsets (end exclusive), `line` and `column` are 1-based and point at `from`. `text` is
 * exactly the flagged text (`source.slice(from, to)`), and each suggestion is a replacement for it.
 */
export interface LintResult {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  from: number;
  to: number;
  text: string;
  suggestions: string[];
}

/** A finding before it is placed on a line: rules work in offsets only. */
export type Finding = Omit<LintResult, 'line' | 'column' | 'text'>;

/** What every rule sees: the review read once, and the settings. */
export interface LintInput {
  /** The whole review, front matter included, with `\n` line breaks. */
  source: string;
  /** The front matter's fields, or null when there are none or they do not parse. */
  data: Record<string, unknown> | null;
  prose: Prose;
  names: KnownNames;
  settings: LintSettings;
  /**
   * What the host knows of the image file behind a path as the review writes it: its facts, null
   * when there is no such file, undefined when not known. Absent where no host is at hand; the
   * checks of the files themselves (missing, too large without a web copy) then stay quiet.
   */
  files?: (src: string) => StillInfo | null | undefined;
}

/** A check: a pure function from the review to its findings. */
export interface LintRule {
  id: string;
  /** A short name for settings and documentation. */
  title: string;
  run(input: LintInput): Finding[];
}
