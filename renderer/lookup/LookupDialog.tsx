import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { HostError, type Client, type FilmCandidate, type FilmDetails, type FilmProvider, type LookupSettingsStatus } from '../../src/contract';
import { tmdbHome, tmdbNotice, wikidataHome } from '../../src/metadata/attribution';
import { compareFilm, defaultSelection, isApplicable, type LookupFieldKey } from '../../src/metadata/compare';
import { defaultCastLimit } from '../../src/metadata/provider';
import type { TextChange } from '../../src/review/front-matter-edit';
import { notify } from '../ui/notices';
import { CandidateList } from './CandidateList';
import { ComparisonTable } from './ComparisonTable';
import { planLookup } from './lookup-apply';
import { TokenForm } from './TokenForm';
import './lookup.css';

interface Props {
  open: boolean;
  client: Client;
  /** The open review's front matter as the sidebar reads it; null when no review is open, undefined until read. */
  frontMatter: Record<string, unknown> | null | undefined;
  /** Why the lookup cannot be applied to the review now (none open, read-only, broken YAML), or null. */
  blocked: string | null;
  /** Applies changes computed from the editor's current text as one undoable edit; the new text, or null. */
  onApply: (compute: (text: string) => readonly TextChange[] | null) => string | null;
  onClose: () => void;
}

const providerKey = 'intertitle:lookup-provider';
const castKey = 'intertitle:lookup-cast';
const providerNames: Record<FilmProvider, string> = { tmdb: 'TMDb', wikidata: 'Wikidata' };
const undoKeys = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';

function storedCastLimit(): number {
  const n = Number(localStorage.getItem(castKey));
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : defaultCastLimit;
}

function filmField(frontMatter: Record<string, unknown> | null, key: 'title' | 'year'): string {
  const film = frontMatter?.['film'];
  const value = film !== null && typeof film === 'object' && !Array.isArray(film) ? (film as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * Look up film: search TMDb or Wikidata (prefilled from the review's film title and year),
 * choose a candidate, compare it field by field with the front matter, tick what to take, and
 * apply it as one undoable edit. Fields listed under `locked:` are shown but never written.
 */
export function LookupDialog({ open, client, frontMatter, blocked, onApply, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [status, setStatus] = useState<LookupSettingsStatus | null>(null);
  const [provider, setProvider] = useState<FilmProvider>(() => (localStorage.getItem(providerKey) === 'wikidata' ? 'wikidata' : 'tmdb'));
  const [title, setTitle] = useState('');
  const [year, setYear] = useState('');
  const [castLimit, setCastLimit] = useState(storedCastLimit);
  const [results, setResults] = useState<FilmCandidate[] | null>(null);
  const [details, setDetails] = useState<FilmDetails | null>(null);
  const [ticked, setTicked] = useState<Set<LookupFieldKey>>(new Set());
  const [loadedCast, setLoadedCast] = useState(castLimit);
  const [busy, setBusy] = useState<'search' | string | null>(null);
  const [error, setError] = useState<{ message: string; auth: boolean } | null>(null);
  const run = useRef(0);
  const prefilled = useRef(false);
  const searchInput = useRef<HTMLInputElement>(null);

  const needsToken = provider === 'tmdb' && status !== null && !status.tmdb.configured;
  const rows = useMemo(() => (details ? compareFilm(frontMatter ?? null, details.film) : []), [details, frontMatter]);

  const fail = (e: unknown, doing: string) => {
    if (e instanceof HostError) setError({ message: e.message, auth: e.code === 'auth' });
    else setError({ message: `Something went wrong while ${doing}: ${(e as Error)?.message ?? String(e)}`, auth: false });
  };

  const search = async (which: FilmProvider = provider, what = title, when = year) => {
    const query = what.trim();
    if (!query) return setError({ message: 'Type the film’s title (or its IMDb id, such as tt0013442).', auth: false });
    const yearNumber = when.trim() ? Number(when.trim()) : undefined;
    if (yearNumber !== undefined && !(Number.isInteger(yearNumber) && yearNumber >= 1870 && yearNumber <= 2100)) {
      return setError({ message: 'The year is four digits, such as 1922, or empty.', auth: false });
    }
    const ticket = ++run.current;
    setBusy('search');
    setError(null);
    setDetails(null);
    try {
      const found = await client.call('film.search', { title: query, provider: which, ...(yearNumber ? { year: yearNumber } : {}) });
      if (ticket !== run.current) return;
      setResults(found.candidates);
    } catch (e) {
      if (ticket === run.current) fail(e, 'searching');
    } finally {
      if (ticket === run.current) setBusy(null);
    }
  };

  // Each opening starts afresh and asks the host whether TMDb is set up.
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
    prefilled.current = false;
    if (!open) return;
    setStatus(null);
    setResults(null);
    setDetails(null);
    setError(null);
    let cancelled = false;
    client.call('settings.status', {}).then(
      (next) => !cancelled && setStatus(next),
      (e: unknown) => !cancelled && fail(e, 'reading the lookup settings'),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  // Then, once the review's front matter is read, the search starts from its film at once.
  useEffect(() => {
    if (!open || status === null || frontMatter === undefined || prefilled.current) return;
    prefilled.current = true;
    const filmTitle = filmField(frontMatter, 'title');
    const filmYear = filmField(frontMatter, 'year');
    setTitle(filmTitle);
    setYear(filmYear);
    if (filmTitle && (provider === 'wikidata' || status.tmdb.configured)) void search(provider, filmTitle, filmYear);
    else searchInput.current?.focus();
    // Prefill once per opening, not on every keystroke in the review.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, status, frontMatter]);

  const chooseProvider = (next: FilmProvider) => {
    setProvider(next);
    localStorage.setItem(providerKey, next);
    setResults(null);
    setDetails(null);
    setError(null);
    if (title.trim() && (next === 'wikidata' || status?.tmdb.configured)) void search(next);
  };

  const choose = async (candidate: Pick<FilmCandidate, 'provider' | 'id'>, cast = castLimit) => {
    const ticket = ++run.current;
    setBusy(candidate.id);
    setError(null);
    try {
      const found = await client.call('film.details', { provider: candidate.provider, id: candidate.id, castLimit: cast });
      if (ticket !== run.current) return;
      setDetails(found);
      setLoadedCast(cast);
      setTicked(defaultSelection(compareFilm(frontMatter ?? null, found.film)));
    } catch (e) {
      if (ticket === run.current) fail(e, 'reading the film');
    } finally {
      if (ticket === run.current) setBusy(null);
    }
  };

  const apply = () => {
    if (!details) return;
    if (blocked) return setError({ message: blocked, auth: false });
    let failure: string | null = null;
    let fields = 0;
    const text = onApply((current) => {
      const plan = planLookup(current, details.film, ticked);
      if (!plan.ok) {
        failure = plan.message;
        return null;
      }
      fields = plan.fields;
      return plan.changes;
    });
    if (failure) return setError({ message: failure, auth: false });
    if (text === null) return setError({ message: 'Nothing to apply: tick the fields to take, or they are already in the review.', auth: false });
    const source = providerNames[details.provider];
    notify(`Took ${fields} field${fields === 1 ? '' : 's'} from ${source}. ${undoKeys} undoes it.`);
    onClose();
  };

  // Enter in the search fields searches, even while a comparison is shown (it never applies).
  const searchOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void search();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (details) apply();
    else void search();
  };

  const toggle = (key: LookupFieldKey) =>
    setTicked((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  // Counted against the review as it is now: a field typed in meanwhile may no longer apply.
  const applying = rows.filter((r) => ticked.has(r.key) && isApplicable(r)).length;
  const name = providerNames[provider];

  return (
    <dialog ref={dialog} className="dialog lookup-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={titleId}>Look up film</h2>
        <div className="lookup-search">
          <label className="field lookup-title">
            <span>Title or IMDb id</span>
            <input ref={searchInput} value={title} onChange={(e) => setTitle(e.target.value)} onKeyDown={searchOnEnter} placeholder="Nosferatu" spellCheck={false} />
          </label>
          <label className="field lookup-year">
            <span>Year</span>
            <input value={year} onChange={(e) => setYear(e.target.value)} onKeyDown={searchOnEnter} inputMode="numeric" maxLength={4} placeholder="1922" />
          </label>
          <fieldset className="lookup-providers">
            <legend>Source</legend>
            {(['tmdb', 'wikidata'] as const).map((p) => (
              <label key={p} className={provider === p ? 'chosen' : undefined}>
                <input type="radio" name="lookup-provider" value={p} checked={provider === p} onChange={() => chooseProvider(p)} />
                {providerNames[p]}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={() => void search()} disabled={busy !== null || needsToken}>
            {busy === 'search' ? 'Searching…' : 'Search'}
          </button>
        </div>

        {(needsToken || error?.auth) && provider === 'tmdb' && (
          <TokenForm
            client={client}
            status={status}
            reason={needsToken ? 'TMDb needs your own API Read Access Token (free with a TMDb account). Wikidata needs none.' : null}
            onStatus={(next) => {
              setStatus(next);
              setError(null);
              if (next.tmdb.configured && title.trim()) void search('tmdb');
            }}
          />
        )}

        {error && (
          <p className="dialog-error lookup-error" role="alert">
            {error.message}
          </p>
        )}
        {blocked && details && <p className="lookup-blocked">{blocked}</p>}

        <div className="lookup-body">
          {!details && results !== null && results.length === 0 && busy === null && (
            <p className="lookup-none">
              {name} has no film called “{title.trim()}”{year.trim() ? ` from ${year.trim()}` : ''}. Try the original title, another year, or the other source.
            </p>
          )}
          {!details && results !== null && results.length > 0 && <CandidateList candidates={results} busyId={busy === 'search' ? null : busy} onChoose={(c) => void choose(c)} />}
          {details && (
            <>
              <div className="lookup-chosen">
                <button type="button" className="small quiet" onClick={() => setDetails(null)}>
                  ← All results
                </button>
                <span>
                  <strong>{details.film.title}</strong>
                  {details.film.year !== null && ` (${details.film.year})`} ·{' '}
                  <a href={details.url} target="_blank" rel="noopener noreferrer">
                    {providerNames[details.provider]} {details.id}
                  </a>
                </span>
                <label className="lookup-cast-limit">
                  Cast
                  <input
                    type="number"
                    min={1}
                    max={200}
                    value={castLimit}
                    onChange={(e) => {
                      const n = Number(e.target.value);
                      if (Number.isInteger(n) && n >= 1 && n <= 200) {
                        setCastLimit(n);
                        localStorage.setItem(castKey, String(n));
                      }
                    }}
                    onBlur={() => {
                      if (castLimit !== loadedCast) void choose(details, castLimit);
                    }}
                    onKeyDown={(e) => {
                      if (e.key !== 'Enter') return;
                      e.preventDefault();
                      if (castLimit !== loadedCast) void choose(details, castLimit);
                    }}
                    aria-label="Cast members to take"
                  />
                </label>
              </div>
              <ComparisonTable rows={rows} ticked={ticked} onToggle={toggle} providerName={providerNames[details.provider]} />
              {details.notes.length > 0 && (
                <ul className="lookup-notes">
                  {details.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>

        <footer className="lookup-footer">
          <p className="lookup-credit">
            {provider === 'tmdb' ? (
              <>
                Data:{' '}
                <a href={tmdbHome} target="_blank" rel="noopener noreferrer">
                  TMDB
                </a>
                . {tmdbNotice}
              </>
            ) : (
              <>
                Data:{' '}
                <a href={wikidataHome} target="_blank" rel="noopener noreferrer">
                  Wikidata
                </a>{' '}
                (CC0).
              </>
            )}
          </p>
          <div className="dialog-buttons">
            <button type="button" className="quiet" onClick={onClose}>
              Cancel
            </button>
            {details && (
              <button type="submit" className="primary" disabled={applying === 0 || blocked !== null}>
                {applying ? `Apply ${applying} field${applying === 1 ? '' : 's'}` : 'Apply'}
              </button>
            )}
          </div>
        </footer>
      </form>
    </dialog>
  );
}
