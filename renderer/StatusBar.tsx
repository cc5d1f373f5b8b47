import { useSyncExternalStore } from 'react';
import type { ReviewDocument, SaveState } from './document/review-document';
import { TargetProgress } from './writing/TargetProgress';

const noState: SaveState = { kind: 'saved' };

function useSaveState(document: ReviewDocument | null): SaveState {
  return useSyncExternalStore(
    (listener) => document?.subscribe(listener) ?? (() => {}),
    () => document?.saveState ?? noState,
  );
}

function describe(state: SaveState): { text: string; tone: 'quiet' | 'busy' | 'alert' } {
  switch (state.kind) {
    case 'saved':
      return { text: 'Saved', tone: 'quiet' };
    case 'dirty':
      return { text: 'Edited', tone: 'quiet' };
    case 'saving':
      return { text: 'Saving…', tone: 'busy' };
    case 'failed':
      return { text: `Not saved: ${state.message}${state.retrying ? ' Retrying…' : ''}`, tone: 'alert' };
    case 'conflict':
      return { text: 'Not saved: changed by another program', tone: 'alert' };
    case 'missing':
      return { text: 'Not saved: the file is gone from disk', tone: 'alert' };
    case 'read-only':
      return { text: 'Read-only', tone: 'alert' };
  }
}

interface Props {
  document: ReviewDocument | null;
  words: number;
  minutes: number;
  /** The target length in words (front matter `target_words` or the library's default). */
  target?: number | null;
  /** Opens Edit › Writing Checks… (the target length's default); the counts become its button. */
  onOpenWritingSettings?: () => void;
}

/** Word count and reading time of the body, and whether the review is safely on disk. */
export function StatusBar({ document, words, minutes, target = null, onOpenWritingSettings }: Props) {
  const state = describe(useSaveState(document));
  return (
    <footer className="status-bar">
      <span className="status-path" title={document?.path}>{document?.path ?? 'No review open'}</span>
      <span className="status-spacer" />
      {document && (
        <>
          <WordCounts words={words} target={target} onClick={onOpenWritingSettings} />
          <span className="status-reading">{minutes} min read</span>
        </>
      )}
      <span className={`status-save tone-${state.tone}`} role="status" aria-live="polite" data-testid="save-state">
        {document ? state.text : ''}
      </span>
    </footer>
  );
}

/** The word count and target; a button to the writing settings where the app passes one. */
function WordCounts({ words, target, onClick }: { words: number; target: number | null; onClick: (() => void) | undefined }) {
  const counts = (
    <>
      <span className="status-words" data-testid="word-count">
        {words.toLocaleString('en')} {words === 1 ? 'word' : 'words'}
      </span>
      <TargetProgress words={words} target={target} />
    </>
  );
  if (!onClick) return counts;
  return (
    <button type="button" className="status-counts" title="Target length and writing checks…" onClick={onClick}>
      {counts}
    </button>
  );
}
