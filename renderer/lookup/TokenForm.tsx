import { useState } from 'react';
import { HostError, type Client, type LookupSettingsStatus } from '../../src/contract';
import { tmdbTokenPage } from '../../src/metadata/attribution';

interface Props {
  client: Client;
  status: LookupSettingsStatus | null;
  onStatus: (status: LookupSettingsStatus) => void;
  /** Shown above the field (why the token is asked for now). */
  reason?: string | null;
}

/**
 * The TMDb API Read Access Token: typed once, kept by the host (the OS keychain in the desktop
 * app, this run only in the browser host). The renderer never reads it back, only whether one is set.
 */
export function TokenForm({ client, status, onStatus, reason }: Props) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tmdb = status?.tmdb;

  const save = async (value: string | null) => {
    setBusy(true);
    setError(null);
    try {
      onStatus(await client.call('settings.tmdbToken.set', { token: value }));
      setToken('');
    } catch (e) {
      setError(e instanceof HostError ? e.message : `Could not keep the token: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lookup-token">
      {reason && <p className="lookup-token-reason">{reason}</p>}
      <p className="lookup-token-status" role="status" hidden={Boolean(reason) && !tmdb?.configured}>
        {tmdb?.configured
          ? tmdb.source === 'environment'
            ? 'TMDb token: set by INTERTITLE_TMDB_TOKEN.'
            : tmdb.source === 'keychain'
              ? 'TMDb token: kept in the system keychain.'
              : 'TMDb token: kept until Intertitle stops.'
          : 'No TMDb token yet.'}
      </p>
      <label className="field">
        <span>
          API Read Access Token from{' '}
          <a href={tmdbTokenPage} target="_blank" rel="noopener noreferrer">
            themoviedb.org → Settings → API
          </a>{' '}
          (the long one starting with “eyJ”)
        </span>
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (token.trim()) void save(token);
            }
          }}
          placeholder="eyJhbGciOi…"
          aria-label="TMDb API Read Access Token"
        />
      </label>
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="lookup-token-buttons">
        <button type="button" className="small" disabled={busy || !token.trim()} onClick={() => void save(token)}>
          Keep token
        </button>
        {tmdb?.configured && tmdb.source !== 'environment' && (
          <button type="button" className="small quiet" disabled={busy} onClick={() => void save(null)}>
            Forget token
          </button>
        )}
        {tmdb && !tmdb.persistent && <span className="lookup-hint">This host keeps a typed token only until it stops.</span>}
      </div>
    </div>
  );
}
