import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { HostError, type Client, type ExportPreview, type ExportSaved } from '../../src/contract';
import { exportTargetLabels, exportTargets, inlineTargets, type ExportTarget } from '../../src/export/targets';
import { copyToClipboard } from './copy-export';
import { previewDocument } from './preview-document';
import { useExportPreview } from './use-export-preview';
import './export-dialog.css';

interface Props {
  open: boolean;
  client: Client;
  /** The review to export; null when none is open. */
  reviewPath: string | null;
  /** Saves the open review first; resolves false when it could not be saved. */
  save: () => Promise<boolean>;
  /** The host shows a folder picker (Electron); otherwise the critic types the folder. */
  canChooseFolder: boolean;
  onClose: () => void;
}

type View = 'page' | 'text' | 'source';

const targetKey = 'intertitle:export-target';
const folderKey = 'intertitle:export-folder';

function rememberedTarget(): ExportTarget {
  const stored = localStorage.getItem(targetKey);
  return (exportTargets as readonly string[]).includes(stored ?? '') ? (stored as ExportTarget) : 'html';
}

/**
 * Export: choose a destination, see exactly what it gets (the page rendered in a sandboxed frame,
 * or the text of the file), then copy it or save it into a folder with its stills.
 */
export function ExportDialog({ open, client, reviewPath, save, canChooseFolder, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [target, setTarget] = useState<ExportTarget>(rememberedTarget);
  const [inline, setInline] = useState(false);
  const [view, setView] = useState<View>('page');
  const [folder, setFolder] = useState(() => localStorage.getItem(folderKey) ?? '');
  const [busy, setBusy] = useState<'copy' | 'save' | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; message: string; saved?: ExportSaved } | null>(null);
  const canInline = inlineTargets.includes(target);
  const request = open && reviewPath ? { path: reviewPath, target, inline: canInline && inline } : null;
  const { preview, loading, error, stale } = useExportPreview(client, request, save);
  // The page as shown (and rich text as copied) has its stills inside; what Save writes may not.
  const views: Array<[View, string]> =
    target === 'html' ? [['page', 'Page'], ['source', 'HTML']] : target === 'richtext' ? [['page', 'Formatted'], ['text', 'Plain text']] : [['source', 'Source']];
  const shownView = views.some(([v]) => v === view) ? view : views[0]![0];
  const embeddedRequest = request && canInline && !request.inline && (shownView === 'page' || target === 'richtext') ? { ...request, inline: true } : null;
  const embeddedState = useExportPreview(client, embeddedRequest, save);
  const embedded = request?.inline ? preview : embeddedState.preview;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      // Into the radio group at the chosen destination, as Tab would.
      el.querySelector<HTMLInputElement>('input[name="export-target"]:checked')?.focus();
    }
    if (!open && el.open) el.close();
    if (open) setOutcome(null);
  }, [open]);

  const chooseTarget = (next: ExportTarget) => {
    setTarget(next);
    setOutcome(null);
    setView(next === 'html' || next === 'richtext' ? 'page' : 'source');
    localStorage.setItem(targetKey, next);
  };

  const mainFile = preview?.files.find((file) => file.path === preview.main) ?? preview?.files[0];
  const frameDoc = useMemo(() => {
    if (shownView !== 'page' || !embedded || embedded.target !== target) return null;
    const html = embedded.target === 'richtext' ? wrap(embedded.clipboard?.html ?? '') : (embedded.files.find((f) => f.path === embedded.main)?.content ?? '');
    return previewDocument(html);
  }, [embedded, shownView, target]);
  const text = shownView === 'text' ? (preview?.clipboard?.text ?? '') : (mainFile?.content ?? '');

  const copy = async () => {
    if (!reviewPath || !preview) return;
    setBusy('copy');
    setOutcome(null);
    try {
      if (preview.target === 'richtext') {
        // Pasted elsewhere, the stills must travel inside the HTML.
        const rich = embedded?.target === 'richtext' ? embedded : await client.call('export.run', { path: reviewPath, target, inline: true });
        await copyToClipboard(client, rich.clipboard ?? { text: '' });
      } else {
        await copyToClipboard(client, { text: mainFile?.content ?? '' });
      }
      setOutcome({ kind: 'ok', message: preview.target === 'richtext' ? 'Copied as rich text: paste it into your editor.' : `Copied ${preview.main}.` });
    } catch (e) {
      setOutcome({ kind: 'error', message: e instanceof HostError ? e.message : `Could not copy: ${(e as Error).message}` });
    } finally {
      setBusy(null);
    }
  };

  const saveExport = async () => {
    if (!reviewPath) return;
    if (!canChooseFolder && !folder.trim()) {
      setOutcome({ kind: 'error', message: 'Type the folder to save the export in.' });
      return;
    }
    setBusy('save');
    setOutcome(null);
    try {
      await save();
      const args = { path: reviewPath, target, inline: canInline && inline };
      const saved = await client.call('export.save', canChooseFolder ? args : { ...args, outDir: folder.trim() });
      if (saved === null) return; // the critic cancelled the folder picker
      if (!canChooseFolder) localStorage.setItem(folderKey, folder.trim());
      const count = saved.written.length;
      setOutcome({ kind: 'ok', message: `Saved ${count} file${count === 1 ? '' : 's'} in ${saved.outDir}.`, saved });
    } catch (e) {
      setOutcome({ kind: 'error', message: e instanceof HostError ? e.message : `Could not save the export: ${(e as Error).message}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog ref={dialog} className="dialog export-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="export-layout">
        <div className="export-side">
          <h2 id={titleId}>Export</h2>
          <fieldset className="export-targets">
            <legend className="group-label">Destination</legend>
            {exportTargets.map((t) => (
              <label key={t} className={t === target ? 'selected' : ''}>
                <input type="radio" name="export-target" value={t} checked={t === target} onChange={() => chooseTarget(t)} />
                <span>{exportTargetLabels[t]}</span>
              </label>
            ))}
          </fieldset>
          <label className={`export-inline${canInline ? '' : ' disabled'}`}>
            <input type="checkbox" checked={canInline && inline} disabled={!canInline} onChange={(e) => setInline(e.target.checked)} />
            <span>Put the stills inside the file</span>
          </label>
          {preview && <ExportFiles preview={preview} />}
        </div>
        <div className="export-main">
          <div className="export-views" role="tablist" aria-label="Show">
            {views.map(([v, label]) => (
              <button key={v} type="button" role="tab" aria-selected={v === shownView} className={`small${v === shownView ? ' active' : ''}`} onClick={() => setView(v)}>
                {label}
              </button>
            ))}
            <span className="export-file-name">{preview ? (shownView === 'text' ? preview.files[1]?.path : preview.main) : ''}</span>
          </div>
          <div className="export-result" aria-busy={loading}>
            {error || embeddedState.error ? (
              <p className="export-error" role="alert">{error ?? embeddedState.error}</p>
            ) : shownView === 'page' ? (
              frameDoc !== null && <iframe title="Export preview" sandbox="" srcDoc={frameDoc} />
            ) : (
              <pre className="export-source" aria-label="Export source" tabIndex={0}>{preview ? text : ''}</pre>
            )}
            {(loading || embeddedState.loading) && <div className="export-loading">Exporting…</div>}
          </div>
          {stale && <p className="export-note">The latest changes could not be saved, so this is the review as it is on disk.</p>}
          {preview && preview.warnings.length > 0 && (
            <ul className="export-warnings" aria-label="Warnings">
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <form
        className="export-footer"
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void saveExport();
        }}
      >
        {!canChooseFolder && (
          <label className="field export-folder">
            <span>Save in folder</span>
            <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="~/Desktop/exports" spellCheck={false} />
          </label>
        )}
        <p className={`export-outcome ${outcome?.kind ?? ''}`} role="status">
          {outcome?.message}
        </p>
        <div className="dialog-buttons">
          <button type="button" className="quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
          <button type="button" onClick={() => void copy()} disabled={!preview || busy !== null}>
            {busy === 'copy' ? 'Copying…' : 'Copy'}
          </button>
          <button type="submit" className="primary" disabled={!preview || busy !== null}>
            {busy === 'save' ? 'Saving…' : canChooseFolder ? 'Save…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** What Save writes: the text files and the stills it copies, named as they will be. */
function ExportFiles({ preview }: { preview: ExportPreview }) {
  return (
    <div className="export-files">
      <h3 className="group-label">Writes</h3>
      <ul>
        {preview.files.map((file) => (
          <li key={file.path}>{file.path}</li>
        ))}
        {preview.assets.map((asset) => (
          <li key={asset.to} title={`Copied from ${asset.from}`} className="asset">
            {asset.to}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Rich text is a fragment; the preview frame shows it on a plain page, as an editor would. */
function wrap(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:16px/1.6 Georgia,serif;margin:1.5rem;max-width:40rem}img{max-width:100%;height:auto}</style></head><body>${html}</body></html>`;
}
