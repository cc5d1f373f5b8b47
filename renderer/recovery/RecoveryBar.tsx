import { useEffect, useState } from 'react';
import type { Client, RecoveryEntry } from '../../src/contract';
import { CompareView } from '../conflict/CompareView';
import { reportError } from '../ui/notices';
import '../conflict/conflict.css';

interface Props {
  client: Pick<Client, 'call'>;
  /** Changes when another library opens: its journal is read then. */
  libraryRoot: string | null;
  /** Opens the review with the journaled text in its buffer, unsaved. */
  onRestore: (entry: RecoveryEntry) => Promise<void>;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function words(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * Offers back the text the recovery journal kept when Intertitle stopped without saving it (a
 * crash, a kill, a failed disk), or set aside in a conflict: Restore, Compare or Discard, one
 * review at a time. Nothing is restored or thrown away without the critic's choice.
 */
export function RecoveryBar({ client, libraryRoot, onRestore }: Props) {
  const [entries, setEntries] = useState<RecoveryEntry[]>([]);
  const [comparing, setComparing] = useState<{ entry: RecoveryEntry; disk: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    setEntries([]);
    if (libraryRoot === null) return;
    client
      .call('journal.list', {})
      .then((found) => !cancelled && setEntries(found))
      .catch((error) => reportError(error, 'reading the recovery journal'));
    return () => {
      cancelled = true;
    };
  }, [client, libraryRoot]);

  if (entries.length === 0 && !comparing) return null;
  const done = (entry: RecoveryEntry) => {
    setEntries((list) => list.filter((e) => e.id !== entry.id));
    setComparing(null);
  };
  const restore = (entry: RecoveryEntry) =>
    onRestore(entry)
      .then(() => done(entry))
      .catch((error) => reportError(error, 'restoring the text'));
  const discard = (entry: RecoveryEntry) =>
    client
      .call('journal.discard', { id: entry.id })
      .then(() => done(entry))
      .catch((error) => reportError(error, 'discarding the recovered text'));
  const compare = (entry: RecoveryEntry) =>
    client
      .call('review.read', { path: entry.path })
      .then((file) => file.text, () => '')
      .then((disk) => setComparing({ entry, disk }));

  return (
    <div className="bar bar-warn recovery-bar" role="region" aria-label="Recovered text">
      <span className="bar-text">
        {entries.length === 1 ? 'Intertitle kept text that was never saved:' : `Intertitle kept text for ${entries.length} reviews that was never saved:`}
      </span>
      <ul className="recovery-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className="recovery-what">
              <strong>{entry.path}</strong> — {words(entry.text).toLocaleString('en')} words,{' '}
              <span className="recovery-when">
                {entry.kind === 'set-aside' ? 'set aside in a conflict' : 'unsaved'} {when(entry.savedAt)}
                {entry.diskRevision === null ? '; the file is gone from disk' : ''}
              </span>
            </span>
            <span className="bar-actions">
              <button type="button" className="small primary" onClick={() => void restore(entry)}>
                Restore
              </button>
              <button type="button" className="small" onClick={() => void compare(entry)}>
                Compare
              </button>
              <button type="button" className="small" onClick={() => void discard(entry)}>
                Discard
              </button>
            </span>
          </li>
        ))}
      </ul>
      {comparing && (
        <CompareView
          title={`Recovered text of ${comparing.entry.path}`}
          leftLabel="Recovered (not saved)"
          left={comparing.entry.text}
          rightLabel={comparing.entry.diskRevision === null ? 'On disk: gone' : 'On disk now'}
          right={comparing.disk}
          onClose={() => setComparing(null)}
          actions={[
            { label: 'Discard recovered', run: () => void discard(comparing.entry) },
            { label: 'Restore', run: () => void restore(comparing.entry), primary: true },
          ]}
        />
      )}
    </div>
  );
}
