import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { Client, TrashKind } from '../../src/contract';
import { checkFigure, type StillFinding } from '../../src/stills/checks';
import type { StillEntry } from '../../src/stills/panel-model';
import { Dialog } from '../ui/Dialog';
import { reportError } from '../ui/notices';
import { ImportStatus } from './ImportStatus';
import { StillCard } from './StillCard';
import { StillsSettingsForm } from './StillsSettingsForm';
import { transferFiles } from './transfer-files';
import type { StillsState } from './use-stills';
import './stills.css';

export interface StillsPanelHandle {
  /** Opens the file chooser (the browser host's upload). */
  chooseFiles(): void;
}

interface Props {
  stills: StillsState;
  client: Client;
  path: string | null;
  /** Why the review cannot be changed (none open, read-only), or null. */
  locked: string | null;
  trash: TrashKind;
  /** "Add still…": the host's dialog where there is one; otherwise the file chooser. */
  onAdd: () => void;
}

/** The count under the tab: how many stills, and how many the text does not show. */
function summary(entries: readonly StillEntry[]): string {
  if (!entries.length) return 'None yet';
  const loose = entries.filter((e) => !e.referenced).length;
  const count = `${entries.length} ${entries.length === 1 ? 'still' : 'stills'}`;
  return loose ? `${count} · ${loose} not in the text` : count;
}

/** What the file chooser offers. */
const accept = 'image/jpeg,image/png,image/webp,image/avif,image/gif,.jpg,.jpeg,.png,.webp,.avif,.gif';

/**
 * The Stills panel ("Stills"): a thumbnail for every still the review shows and every picture in
 * its `stills/` folder, each with its alt text, caption and credit, the writing checks of each,
 * and adding (button, drop, paste), inserting and removing stills.
 */
export const StillsPanel = forwardRef<StillsPanelHandle, Props>(function StillsPanel({ stills, client, path, locked, trash, onAdd }, ref) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [removing, setRemoving] = useState<StillEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = locked !== null;

  useImperativeHandle(ref, () => ({ chooseFiles: () => input.current?.click() }), []);

  // A still just added may go in below the cards in view: bring its card into view (without
  // taking the focus from wherever the critic is typing).
  const list = useRef<HTMLUListElement>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const src = stills.lastAdded;
    if (!src || shown.current === src) return;
    const card = [...(list.current?.children ?? [])].find((el) => el instanceof HTMLElement && el.dataset['src'] === src);
    if (!card) return;
    shown.current = src;
    card.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [stills.lastAdded, stills.entries]);

  const checks = useMemo(() => {
    const byEntry = new Map<StillEntry, StillFinding[]>();
    for (const entry of stills.entries) {
      if (!entry.figure) continue;
      byEntry.set(entry, checkFigure(stills.text, entry.figure, { file: () => entry.file }));
    }
    return byEntry;
  }, [stills.entries, stills.text]);

  const onDrop = (event: DragEvent) => {
    setDragging(false);
    const files = transferFiles(event.dataTransfer, 'drop');
    if (!files.length || readOnly) return;
    event.preventDefault();
    void stills.addFiles(files, null);
  };

  // A picture pasted while the panel has focus goes in at the editor's cursor; text pasted into a
  // field stays the field's.
  const onPaste = (event: ClipboardEvent) => {
    const files = transferFiles(event.clipboardData, 'paste');
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (!files.length || readOnly || (inField && event.clipboardData.getData('text/plain') !== '')) return;
    event.preventDefault();
    void stills.addFiles(files, null);
  };

  const entry = removing;
  const removeText = entry
    ? entry.file
      ? `${entry.src}${entry.file.derivative ? ' and its web-size copy' : ''} will go to ${trash === 'system' ? 'the trash' : 'Intertitle’s trash folder (in its app data, not in your library)'}${entry.referenced ? ', and its figure will be taken out of the review. Undo (Ctrl+Z) puts the figure back; the file stays in the trash.' : '.'}`
      : `The figure of ${entry.src} will be taken out of the review (its file is already missing).`
    : '';

  return (
    <section
      className={`pane stills-pane${dragging ? ' stills-dragging' : ''}`}
      aria-label="Stills"
      onDragOver={(event) => {
        if (readOnly || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      onPaste={onPaste}
    >
      <header className="pane-header">
        <h2 className="stills-title">
          <span className="visually-hidden">Stills: </span>
          {summary(stills.entries)}
        </h2>
        <button type="button" className="small" onClick={onAdd} disabled={readOnly}>
          Add still…
        </button>
        <input
          ref={input}
          type="file"
          accept={accept}
          multiple
          hidden
          aria-label="Pictures to add as stills"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length) void stills.addFiles(files, null);
          }}
        />
      </header>
      <ImportStatus progress={stills.progress} className="still-import-panel" />
      {locked && <p className="stills-note">{locked}</p>}
      <div className="stills-body">
        {!locked && stills.ready && stills.entries.length === 0 && (
          <p className="stills-empty">
            No stills yet. Drop pictures here or on the text, paste one, or use <strong>Add still…</strong> — JPEG, PNG, WebP, AVIF or GIF.
          </p>
        )}
        <ul className="still-list" ref={list}>
          {stills.entries.map((item) => (
            <StillCard
              key={item.libraryPath ?? item.src}
              entry={item}
              thumbnail={path ? client.assetUrl(path, item.file?.derivative ?? item.src) : null}
              checks={checks.get(item) ?? []}
              readOnly={readOnly}
              onReveal={() => stills.reveal(item)}
              onAlt={(text) => stills.setAlt(item, text)}
              onCaption={(text) => stills.setCaption(item, text)}
              onCredit={(text) => stills.setCredit(item, text)}
              onInsert={() => stills.insert(item)}
              onRemove={() => setRemoving(item)}
              onDerive={() => void stills.derive(item).catch((e) => reportError(e, 'making the web copy'))}
            />
          ))}
        </ul>
        {stills.settings && <StillsSettingsForm settings={stills.settings} onSave={stills.saveSettings} disabled={!path} />}
      </div>
      <Dialog
        title={entry?.file ? 'Move this still to the trash?' : 'Remove this figure?'}
        open={entry !== null}
        busy={busy}
        submitLabel={entry?.file ? 'Move to Trash' : 'Remove'}
        onClose={() => setRemoving(null)}
        onSubmit={() => {
          if (!entry) return;
          setBusy(true);
          stills
            .remove(entry)
            .catch((e) => reportError(e, 'removing the still'))
            .finally(() => {
              setBusy(false);
              setRemoving(null);
            });
        }}
      >
        <p className="dialog-text">{removeText}</p>
      </Dialog>
    </section>
  );
});
