import { useEffect, useId, useRef, useState } from 'react';
import type { Client, LookupSettingsStatus } from '../../src/contract';
import { tmdbHome, tmdbNotice, wikidataCredit, wikidataHome } from '../../src/metadata/attribution';
import { reportError } from '../ui/notices';
import { TokenForm } from './TokenForm';
import './lookup.css';

interface Props {
  open: boolean;
  client: Client;
  version: string;
  onClose: () => void;
}

/**
 * About Intertitle: the version, the credits the film-data sources require (TMDB's notice and
 * link, shown here as its terms ask), and the TMDb token setting.
 */
export function AboutDialog({ open, client, version, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [status, setStatus] = useState<LookupSettingsStatus | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
    if (open) client.call('settings.status', {}).then(setStatus, (e: unknown) => reportError(e, 'reading the lookup settings'));
  }, [open, client]);

  return (
    <dialog ref={dialog} className="dialog about-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Intertitle {version}</h2>
      <p>A markdown editor for film critics.</p>
      <section className="about-credits" aria-label="Film data credits">
        <h3>Film data</h3>
        <p className="about-tmdb">
          <strong>{tmdbNotice}</strong> Film facts looked up on TMDb come from{' '}
          <a href={tmdbHome} target="_blank" rel="noopener noreferrer">
            The Movie Database (TMDB)
          </a>
          .
        </p>
        <p>
          {wikidataCredit}{' '}
          <a href={wikidataHome} target="_blank" rel="noopener noreferrer">
            wikidata.org
          </a>
        </p>
      </section>
      <section aria-label="TMDb token">
        <h3>TMDb token</h3>
        <TokenForm client={client} status={status} onStatus={setStatus} />
      </section>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
