import { useState, useSyncExternalStore } from 'react';
import type { ReviewFile } from '../../src/contract';
import type { ReviewDocument } from '../document/review-document';
import { notify, reportError } from '../ui/notices';
import { CompareView } from './CompareView';
import './conflict.css';

interface Props {
  document: ReviewDocument;
  /** Opens another review (the file a moved review went to). */
  onOpen: (path: string) => void;
}

function useDocumentState(document: ReviewDocument) {
  return useSyncExternalStore(
    (listener) => document.subscribe(listener),
    () => `${document.saveState.kind}|${document.journalProblem ?? ''}`,
  );
}

/**
 * What happened to the open review on disk, and the critic's choices: a conflict bar (keep
 * mine, take theirs, compare) when another program changed it under unsaved text, a bar for a
 * review deleted or moved away, and a warning when the recovery journal cannot be written.
 */
export function DocumentBars({ document, onOpen }: Props) {
  useDocumentState(document);
  const [busy, setBusy] = useState(false);
  const [theirs, setTheirs] = useState<ReviewFile | null>(null);
  const state = document.saveState;

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    work()
      .catch((error) => reportError(error, 'resolving the conflict'))
      .finally(() => setBusy(false));
  };
  const keepMine = () =>
    run(async () => {
      const keptAs = await document.keepMine();
      setTheirs(null);
      notify(keptAs ? `Your text is saved. The other version is kept beside it as ${keptAs}.` : 'Your text is saved.');
    });
  const takeTheirs = () =>
    run(async () => {
      await document.takeTheirs();
      setTheirs(null);
      notify('Showing the version on disk. Yours is set aside in the recovery journal; Intertitle offers it back at the next start.');
    });
  const compare = () => run(async () => setTheirs(await document.readTheirs()));

  return (
    <>
      {state.kind === 'conflict' && (
        <div className="bar bar-alert conflict-bar" role="alert">
          <span className="bar-text">{state.message}</span>
          <span className="bar-actions">
            <button type="button" className="small primary" disabled={busy} onClick={keepMine} title="Save your text; the version on disk is kept beside it as a .conflict file">
              Keep mine
            </button>
            <button type="button" className="small" disabled={busy} onClick={takeTheirs} title="Show the version on disk; yours is kept in the recovery journal">
              Take theirs
            </button>
            <button type="button" className="small" disabled={busy} onClick={compare}>
              Compare
            </button>
          </span>
        </div>
      )}
      {state.kind === 'missing' && (
        <div className="bar bar-alert conflict-bar" role="alert">
          <span className="bar-text">{state.message}</span>
          <span className="bar-actions">
            <button type="button" className="small primary" disabled={busy} onClick={() => run(() => document.save())}>
              Save it again here
            </button>
            {state.renamedTo && (
              <button type="button" className="small" disabled={busy} onClick={() => onOpen(state.renamedTo!)}>
                Open {state.renamedTo}
              </button>
            )}
          </span>
        </div>
      )}
      {document.journalProblem && (
        <div className="bar bar-warn" role="status">
          The recovery copy of your unsaved text could not be written ({document.journalProblem}). Keep Intertitle open until the review is saved.
        </div>
      )}
      {theirs && (
        <CompareView
          title={`Compare ${document.path}`}
          leftLabel="Yours (not saved)"
          left={document.text()}
          rightLabel="On disk now"
          right={theirs.text}
          onClose={() => setTheirs(null)}
          actions={[
            { label: 'Take theirs', run: takeTheirs },
            { label: 'Keep mine', run: keepMine, primary: true },
          ]}
        />
      )}
    </>
  );
}
