import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Client, PublishConnection } from '../../src/contract';
import { publishedRecordOf } from '../../src/publish/record';
import { sameSite } from '../../src/publish/site-url';
import { readableTime } from '../../src/publish/time-text';
import { publishTargetLabels } from '../../src/publish/types';
import { parseFrontMatter } from '../../src/review/front-matter';
import { connectionLabel, ConnectionsPanel, credentialsText } from './ConnectionsPanel';
import { PublishOutcome } from './PublishOutcome';
import { useConnections } from './use-connections';
import { usePublishRun } from './use-publish-run';
import './publish.css';

export type PublishView = 'publish' | 'connections';

interface Props {
  /** Which pane the dialog opens on; null when closed. */
  open: PublishView | null;
  client: Client;
  /** The review to publish; null when none is open (the dialog then manages connections only). */
  reviewPath: string | null;
  /** The review's text as the editor has it (for its `published` record). */
  readText: () => string;
  /** Saves the open review first; resolves false when it could not be saved. */
  save: () => Promise<boolean>;
  /** Takes the review from disk after the host wrote the record into it. */
  reload: () => Promise<void>;
  keeps: 'keychain' | 'session';
  onClose: () => void;
}

const connectionKey = 'intertitle:publish-connection';

/**
 * Publish: choose a site, see whether this publish makes a draft or updates the post published
 * before, follow the upload step by step, and get the post's address. Publishing over changes
 * made on the site asks first. The Connections pane adds and tests sites.
 */
export function PublishDialog({ open, client, reviewPath, readText, save, reload, keeps, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [view, setView] = useState<PublishView>('publish');
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(connectionKey));
  const [text, setText] = useState('');
  const { connections, error: listError, refresh } = useConnections(client, open !== null);
  const { state, run, reset } = usePublishRun({ client, path: reviewPath, save, reload });
  const busy = state.kind === 'running';

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      setView(reviewPath ? open : 'connections');
      setText(readText());
      reset();
      el.showModal();
    }
    if (!open && el.open) el.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // The record shown is the one the review has now (it changes after a publish).
  useEffect(() => {
    if (state.kind !== 'running' && state.kind !== 'idle') setText(readText());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.kind]);

  const selected = connections?.find((c) => c.id === chosen) ?? connections?.[0] ?? null;
  const choose = (connection: PublishConnection) => {
    setChosen(connection.id);
    localStorage.setItem(connectionKey, connection.id);
    reset();
  };

  const publish = (force = false) => {
    if (!selected || busy) return;
    void run(selected.id, force);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog publish-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        // The host finishes a publish whatever happens; the dialog stays to show how it went.
        if (busy) e.preventDefault();
      }}
    >
      <header className="publish-header">
        <h2 id={titleId}>{view === 'publish' ? 'Publish' : 'Publishing connections'}</h2>
        {reviewPath && (
          <div className="publish-tabs" role="tablist" aria-label="Show">
            <button type="button" role="tab" aria-selected={view === 'publish'} className={`small${view === 'publish' ? ' active' : ''}`} onClick={() => setView('publish')} disabled={busy}>
              Publish
            </button>
            <button type="button" role="tab" aria-selected={view === 'connections'} className={`small${view === 'connections' ? ' active' : ''}`} onClick={() => setView('connections')} disabled={busy}>
              Connections
            </button>
          </div>
        )}
      </header>

      {view === 'connections' || !reviewPath ? (
        <div className="publish-body">
          {listError && <p className="dialog-error" role="alert">{listError}</p>}
          <ConnectionsPanel client={client} connections={connections} onChanged={refresh} keeps={keeps} focusForm={connections?.length === 0} />
        </div>
      ) : (
        <div className="publish-body">
          {listError && <p className="dialog-error" role="alert">{listError}</p>}
          {connections && connections.length === 0 ? (
            <div className="publish-empty">
              <p>Intertitle publishes to WordPress and Ghost. Add the site you publish to first.</p>
              <button type="button" className="primary" onClick={() => setView('connections')}>
                Add a site…
              </button>
            </div>
          ) : (
            <fieldset className="publish-sites" disabled={busy}>
              <legend className="group-label">Publish to</legend>
              {connections?.map((c) => (
                <label key={c.id} className={c.id === selected?.id ? 'selected' : ''}>
                  <input type="radio" name="publish-site" checked={c.id === selected?.id} onChange={() => choose(c)} />
                  <span className="publish-site-name">{connectionLabel(c)}</span>
                  {c.credentials === 'missing' && <span className="publish-site-missing">{credentialsText(c)}</span>}
                </label>
              ))}
            </fieldset>
          )}
          {selected && <WhatHappens connection={selected} text={text} linked={state.kind !== 'done'} />}
          <PublishOutcome state={state} onForce={() => publish(true)} onCancel={reset} />
        </div>
      )}

      <footer className="publish-footer">
        <div className="dialog-buttons">
          <button type="button" className="quiet" onClick={() => dialog.current?.close()} disabled={busy}>
            Close
          </button>
          {view === 'publish' && reviewPath && (
            <button type="button" className="primary" onClick={() => publish()} disabled={!selected || busy || selected.credentials === 'missing' || state.kind === 'confirm'}>
              {busy ? 'Publishing…' : state.kind === 'done' ? 'Publish again' : 'Publish'}
            </button>
          )}
        </div>
      </footer>
    </dialog>
  );
}

/** What this publish will do: make a draft, update the post from last time, or start over on another site. */
function WhatHappens({ connection, text, linked }: { connection: PublishConnection; text: string; /** Link the post (not when the outcome below already does). */ linked: boolean }) {
  const record = useMemo(() => publishedRecordOf(parseFrontMatter(text).data ?? null, connection.target), [text, connection.target]);
  const platform = publishTargetLabels[connection.target];
  if (record?.id !== undefined && sameSite(record.site, connection.site)) {
    return (
      <p className="publish-plan">
        Published to {platform} {record.at ? `on ${readableTime(record.at)}` : 'before'}
        {record.url && linked && (
          <>
            {' '}
            (<a href={record.url} target="_blank" rel="noopener noreferrer">{record.url}</a>)
          </>
        )}
        . Publishing again updates that post, keeps its status, and reuses the stills already uploaded.
      </p>
    );
  }
  if (record && !sameSite(record.site, connection.site)) {
    return (
      <p className="publish-plan warn">
        This review was published to {record.site}. Publishing to {connection.site} makes a new post there, and the review then remembers only the new one.
      </p>
    );
  }
  return (
    <p className="publish-plan">
      Makes a draft on {platform} with the review’s stills, their alt text and captions{record?.media ? ' (those uploaded before are reused)' : ''}. Nothing is
      public until you publish the draft on the site.
    </p>
  );
}
