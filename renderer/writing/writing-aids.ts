import { Compartment, type Extension, type StateEffect } from '@codemirror/state';
import type { KnownName } from '../../src/lint/names';
import { defaultWritingSettings, type LintSettings } from '../../src/lint/settings';
import { knownNames, nameCompletion } from '../editor/completion-names';
import { focusModeOn, focusModes, typewriterOn } from '../editor/focus-mode';
import { lintFiles, lintSettings, writingLint, type LintFiles } from '../editor/writing-checks';

export { loadWritingChecks } from '../editor/writing-checks';

/** What the app hands the editor's writing aids: data in, never fetched by the extensions. */
export interface WritingAidsConfig {
  names: readonly KnownName[];
  settings: LintSettings;
  focusMode: boolean;
  typewriter: boolean;
  /** The facts of the open review's image files (the Stills panel's listing), for the file checks. */
  files?: LintFiles | null;
}

export const defaultAidsConfig: WritingAidsConfig = { names: [], settings: defaultWritingSettings, focusMode: false, typewriter: false };

// One compartment holds only the facet values, so a new name or a toggle re-runs no linter setup.
const config = new Compartment();

function values(aids: WritingAidsConfig): Extension {
  return [knownNames.of(aids.names), lintSettings.of(aids.settings), lintFiles.of(aids.files ?? null), focusModeOn.of(aids.focusMode), typewriterOn.of(aids.typewriter)];
}

/** The writing checks, name completion, focus mode and typewriter scrolling (docs/writing-aids.md). */
export function writingAids(initial: WritingAidsConfig = defaultAidsConfig): Extension {
  return [config.of(values(initial)), writingLint(), nameCompletion(), focusModes()];
}

/** The effect that gives an editor state new names, settings or toggles. */
export function configureWritingAids(aids: WritingAidsConfig): StateEffect<unknown> {
  return config.reconfigure(values(aids));
}
