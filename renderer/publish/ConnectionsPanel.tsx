import { useId, useState } from 'react';
import type { Client, PublishConnection, PublishTarget } from '../../src/contract';
import { publishTargetLabels } from '../../src/publish/types';
import { messageOf } from './use-connections';

interface Props {
  client: Client;
  connections: PublishConnection[] | null;
  /** Re-reads the list after a change. */
  onChanged: () => Promise<void>;
  /** Where a typed secret is kept: the keychain (desktop app) or this run only (browser host). */
  keeps: 'keychain' | 'session';
  /** Autofocus the site field (the panel opened to add the first site). */
  focusForm?: boolean;
}

const help: Readonly<Record<PublishTarget, string>> = {
  wordpress: 'In WordPress, make an application password under Users › Profile › Application Passwords. Your login password does not work here.',
  ghost: 'In Ghost, add a custom integration under Settings › Integrations and copy its Admin API key.',
};

/** What a connection's secret status means, in words. */
export function credentialsText(connection: PublishConnection): string {
  const what = connection.target === 'wordpress' ? 'Application password' : 'Admin API key';
  if (connection.credentials === 'keychain') return `${what} kept in the system keychain`;
  if (connection.credentials === 'session') return `${what} kept until Intertitle stops`;
  return `No ${what.toLowerCase()} yet: add it with Change in Connections`;
}

export function connectionLabel(connection: PublishConnection): string {
  return `${publishTargetLabels[connection.target]} · ${connection.site.replace(/^https:\/\//, '')}${connection.user ? ` · ${connection.user}` : ''}`;
}

/**
 * The sites the critic publishes to: add one, change its password or key, test it, remove it.
 * Secrets go to the host and never come back: a stored one shows only as "kept".
 */
export function ConnectionsPanel({ client, connections, onChanged, keeps, focusForm }: Props) {
  const formId = useId();
  const [target, setTarget] = useState<PublishTarget>('wordpress');
  const [site, setSite] = useState('');
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [editing, setEditing] = useState<PublishConnection | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ id: string | null; kind: 'ok' | 'error'; message: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  // With sites listed, the form waits behind "Add a site…" (or "Change") instead of always showing.
  const [adding, setAdding] = useState(false);
  const formOpen = adding || editing !== null || connections?.length === 0;

  const edit = (connection: PublishConnection) => {
    setEditing(connection);
    setTarget(connection.target);
    setSite(connection.site);
    setUser(connection.user ?? '');
    setSecret('');
    setOutcome(null);
  };

  const clear = () => {
    setEditing(null);
    setAdding(false);
    setSite('');
    setUser('');
    setSecret('');
  };

  const test = async (id: string) => {
    setBusy(`test:${id}`);
    try {
      const check = await client.call('publish.connection.test', { id });
      setOutcome({ id, kind: 'ok', message: check.message });
    } catch (e) {
      setOutcome({ id, kind: 'error', message: messageOf(e, 'test the connection') });
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setBusy('save');
    setOutcome(null);
    try {
      const saved = await client.call('publish.connection.save', {
        target,
        site,
        ...(target === 'wordpress' ? { user } : {}),
        ...(secret.trim() ? { secret } : {}),
      });
      setSecret('');
      await onChanged();
      clear();
      setBusy(null);
      if (saved.credentials !== 'missing') await test(saved.id);
      else setOutcome({ id: saved.id, kind: 'error', message: `Saved ${saved.site}, but without a ${target === 'wordpress' ? 'password' : 'key'} Intertitle cannot publish there yet.` });
    } catch (e) {
      setOutcome({ id: null, kind: 'error', message: messageOf(e, 'save the connection') });
    } finally {
      setBusy(null);
    }
  };

  const remove = async (connection: PublishConnection) => {
    if (removing !== connection.id) {
      setRemoving(connection.id);
      return;
    }
    setRemoving(null);
    try {
      await client.call('publish.connection.remove', { id: connection.id });
      if (editing?.id === connection.id) clear();
      await onChanged();
      setOutcome(null);
    } catch (e) {
      setOutcome({ id: connection.id, kind: 'error', message: messageOf(e, 'remove the connection') });
    }
  };

  return (
    <div className="connections">
      {connections && connections.length > 0 && (
        <ul className="connection-list" aria-label="Sites">
          {connections.map((c) => (
            <li key={c.id} className={editing?.id === c.id ? 'editing' : ''}>
              <div className="connection-text">
                <span className="connection-name">{connectionLabel(c)}</span>
                <span className={`connection-secret ${c.credentials}`}>{credentialsText(c)}</span>
                {outcome?.id === c.id && (
                  <span className={`connection-outcome ${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
                    {outcome.message}
                  </span>
                )}
              </div>
              <div className="connection-buttons">
                <button type="button" className="small" onClick={() => void test(c.id)} disabled={busy !== null || c.credentials === 'missing'} aria-label={`Test ${connectionLabel(c)}`}>
                  {busy === `test:${c.id}` ? 'Testing…' : 'Test'}
                </button>
                <button type="button" className="small" onClick={() => edit(c)} aria-label={`Change ${connectionLabel(c)}`}>
                  Change
                </button>
                <button type="button" className={`small${removing === c.id ? ' danger' : ''}`} onClick={() => void remove(c)} onBlur={() => setRemoving(null)} aria-label={`Remove ${connectionLabel(c)}`}>
                  {removing === c.id ? 'Really remove' : 'Remove'}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {connections && connections.length === 0 && <p className="connections-empty">No sites yet. Add the blog you publish to.</p>}

      {!formOpen && connections && (
        <div className="connection-add">
          <button type="button" onClick={() => setAdding(true)}>
            Add a site…
          </button>
          {outcome?.id === null && (
            <p className="dialog-error" role="alert">
              {outcome.message}
            </p>
          )}
        </div>
      )}

      {formOpen && (
        <form
          className="connection-form"
          aria-labelledby={formId}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void save();
          }}
        >
          <h3 id={formId} className="group-label">{editing ? `Change ${connectionLabel(editing)}` : 'Add a site'}</h3>
          <fieldset className="connection-targets" disabled={editing !== null}>
            <legend className="visually-hidden">Platform</legend>
            {(['wordpress', 'ghost'] as const).map((t) => (
              <label key={t} className={t === target ? 'selected' : ''}>
                <input type="radio" name={`${formId}-target`} value={t} checked={t === target} onChange={() => setTarget(t)} />
                <span>{publishTargetLabels[t]}</span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>Site address</span>
            <input
              value={site}
              onChange={(e) => setSite(e.target.value)}
              placeholder={target === 'wordpress' ? 'https://blog.example.org' : 'https://example.ghost.io'}
              spellCheck={false}
              autoFocus={focusForm || adding}
              readOnly={editing !== null}
            />
          </label>
          {target === 'wordpress' && (
            <label className="field">
              <span>User name</span>
              <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="off" spellCheck={false} />
            </label>
          )}
          <label className="field">
            <span>{target === 'wordpress' ? 'Application password' : 'Admin API key'}</span>
            <input
              type="password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder={editing && editing.credentials !== 'missing' ? 'Leave empty to keep the one kept now' : target === 'wordpress' ? 'abcd EFGH ijkl MNOP qrst UVWX' : '6489…:a3f0…'}
            />
          </label>
          <p className="connection-help">
            {help[target]} {keeps === 'keychain' ? 'It is kept in the system keychain, never in your library.' : 'This browser version keeps it only until Intertitle stops.'}
          </p>
          {outcome?.id === null && (
            <p className="dialog-error" role="alert">
              {outcome.message}
            </p>
          )}
          <div className="connection-form-buttons">
            {(editing || (connections?.length ?? 0) > 0) && (
              <button type="button" className="quiet" onClick={clear}>
                Cancel
              </button>
            )}
            <button type="submit" disabled={busy !== null}>
              {busy === 'save' ? 'Saving…' : 'Save and test'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
