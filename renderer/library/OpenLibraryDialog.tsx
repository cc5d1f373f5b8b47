import { useState } from 'react';
import { HostError } from '../../src/contract';
import { Dialog } from '../ui/Dialog';

interface Props {
  open: boolean;
  currentRoot: string | null;
  onClose: () => void;
  onOpenPath: (path: string) => Promise<void>;
}

/** Where the host has no folder picker (the browser host), the critic types the folder's path. */
export function OpenLibraryDialog({ open, currentRoot, onClose, onOpenPath }: Props) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!path.trim()) return setError('Type the path of a folder.');
    setBusy(true);
    setError(null);
    try {
      await onOpenPath(path.trim());
      onClose();
    } catch (e) {
      setError(e instanceof HostError ? e.message : `Could not open the library: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Open library"
      open={open}
      onClose={() => {
        setError(null);
        onClose();
      }}
      onSubmit={submit}
      submitLabel="Open"
      busy={busy}
      error={error}
    >
      <label className="field">
        <span>Folder of reviews</span>
        <input
          autoFocus
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={currentRoot ?? '~/Documents/Reviews'}
          spellCheck={false}
        />
      </label>
    </Dialog>
  );
}
