import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client, IndexProgress, SearchSnippet } from '../../src/contract';
import { reportError } from '../ui/notices';

export interface LibrarySearch {
  /** Paths matching the query, best first; null when there is no query (or no answer yet). */
  ranked: string[] | null;
  snippets: ReadonlyMap<string, SearchSnippet>;
  /** Set while the host is still indexing the library. */
  indexing: IndexProgress | null;
  /** Asks for snippets of results as they scroll into view. */
  wantSnippets(paths: string[]): void;
}

const debounceMs = 120;

/**
 * Full-text search through the host, debounced while the critic types; answers that arrive
 * out of order are dropped. Re-runs when the library changes or its index finishes.
 */
export function useLibrarySearch(client: Pick<Client, 'call' | 'on'>, query: string, revision: unknown): LibrarySearch {
  const [ranked, setRanked] = useState<string[] | null>(null);
  const [snippets, setSnippets] = useState<ReadonlyMap<string, SearchSnippet>>(new Map());
  const [indexing, setIndexing] = useState<IndexProgress | null>(null);
  const [indexedAt, setIndexedAt] = useState(0);
  const latest = useRef(0);
  const asked = useRef(new Set<string>());
  const pending = useRef(new Set<string>());
  const snippetTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const trimmed = query.trim();

  useEffect(
    () =>
      client.on('library.indexing', (progress) => {
        const complete = progress.done >= progress.total;
        setIndexing(complete ? null : progress);
        if (complete) setIndexedAt(Date.now());
      }),
    [client],
  );

  useEffect(() => {
    if (!trimmed) {
      latest.current++;
      setRanked(null);
      setSnippets(new Map());
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      client
        .call('library.search', { query })
        .then((result) => {
          if (ticket !== latest.current) return;
          asked.current = new Set(result.snippets.map((s) => s.path));
          setRanked(result.paths);
          setSnippets(new Map(result.snippets.map((s) => [s.path, s])));
          setIndexing(result.indexing);
        })
        .catch((error) => reportError(error, 'searching the library'));
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [client, query, trimmed, revision, indexedAt]);

  const wantSnippets = useCallback(
    (paths: string[]) => {
      if (!trimmed) return;
      for (const path of paths) if (!asked.current.has(path)) pending.current.add(path);
      if (pending.current.size === 0 || snippetTimer.current) return;
      snippetTimer.current = setTimeout(() => {
        snippetTimer.current = null;
        const batch = [...pending.current].slice(0, 100);
        pending.current.clear();
        batch.forEach((path) => asked.current.add(path));
        const ticket = latest.current;
        client
          .call('library.snippets', { query, paths: batch })
          .then((more) => {
            if (ticket === latest.current) setSnippets((current) => new Map([...current, ...more.map((s) => [s.path, s] as const)]));
          })
          .catch((error) => reportError(error, 'reading search snippets'));
      }, 80);
    },
    [client, query, trimmed],
  );

  return { ranked: trimmed ? ranked : null, snippets, indexing, wantSnippets };
}
