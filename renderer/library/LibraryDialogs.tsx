import { useEffect, useState } from 'react';
import { HostError, type ReviewSummary, type TrashKind } from '../../src/contract';
import { Dialog } from '../ui/Dialog';

/** The name a review goes by on disk: its bundle folder, or its file name without `.md`. */
export function diskName(path: string): string {
  const parts = path.split('/');
  const file = parts[parts.length - 1]!;
  return file.toLowerCase() === 'index.md' && parts.length > 1 ? parts[parts.length - 2]! : file.replace(/\.(md|markdown)$/i, '');
}

function isBundle(path: string): boolean {
  return /(^|\/)[^/]+\/index\.md$/i.test(path);
}

interface RenameProps {
  review: ReviewSummary | null;
  onClose: () => void;
  onRename: (review: ReviewSummary, name: string) => Promise<void>;
}

/** Rename: the folder (page bundle) or file name; the host makes it a portable slug. */
export function RenameDialog({ review, onClose, onRename }: RenameProps) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (review) setName(diskName(review.path));
    setError(null);
  }, [review]);

  const submit = async () => {
    if (!review) return;
    if (!name.trim()) return setError('Type a name.');
    setBusy(true);
    setError(null);
    try {
      await onRename(review, name);
      onClose();
    } catch (e) {
      setError(e instanceof HostError ? e.message : `Could not rename: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const what = review && isBundle(review.path) ? 'folder' : 'file';
  return (
    <Dialog title={`Rename ${what}`} open={review !== null} onClose={onClose} onSubmit={submit} submitLabel="Rename" busy={busy} error={error}>
      <label className="field">
        <span>New {what} name</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
      </label>
      <p className="dialog-hint">
        Lower-case letters, digits and hyphens keep it portable; anything else becomes a hyphen.
        {what === 'folder' ? ' The stills move with it.' : ''}
      </p>
    </Dialog>
  );
}

interface TrashProps {
  review: ReviewSummary | null;
  trash: TrashKind;
  onClose: () => void;
  onTrash: (review: ReviewSummary) => Promise<void>;
}

/** Asks before a review goes to the trash, and says where it goes on this host. */
export function TrashDialog({ review, trash, onClose, onTrash }: TrashProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [review]);
  const submit = async () => {
    if (!review) return;
    setBusy(true);
    try {
      await onTrash(review);
      onClose();
    } catch (e) {
      setError(e instanceof HostError ? e.message : `Could not move it to the trash: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const bundle = review && isBundle(review.path);
  return (
    <Dialog title="Move to Trash?" open={review !== null} onClose={onClose} onSubmit={submit} submitLabel="Move to Trash" busy={busy} error={error}>
      <p>
        “{review?.title}” ({review?.path}){bundle ? ', with its folder and stills,' : ''}{' '}
        {trash === 'system'
          ? 'goes to the system trash. You can put it back from there.'
          : 'goes to Intertitle’s own trash folder in its app data: the browser version cannot reach the system trash. Nothing is deleted; you can move it back from there.'}
      </p>
    </Dialog>
  );
}
