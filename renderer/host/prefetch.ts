import type { ArgsOf, Client, LibraryListing, RequestName, ResultOf } from '../../src/contract';

/** Answers asked for before the app needed them, each given out once, then forgotten. */
export interface Prefetcher {
  /** A client that hands out a prefetched answer to the first call with the same name and arguments. */
  client: Client;
  /** Asks the host now; the answer waits (up to `keepMs`) for the app's own call. */
  prefetch<N extends RequestName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  /** Drops the answers not yet handed out (all, or those of one request): the app's own calls ask the host again. */
  forget(name?: RequestName): void;
}

export function createPrefetcher(client: Client, keepMs = 10_000): Prefetcher {
  const early = new Map<string, Promise<unknown>>();
  const key = (name: string, args: unknown) => `${name} ${JSON.stringify(args)}`;
  return {
    client: {
      ...client,
      call(name, args) {
        const found = early.get(key(name, args));
        if (!found) return client.call(name, args);
        early.delete(key(name, args));
        return found as never;
      },
    },
    prefetch(name, args) {
      const answer = client.call(name, args);
      // A failure reaches the app when it asks (as its own call would have); unasked, it is dropped.
      answer.catch(() => {});
      const id = key(name, args);
      early.set(id, answer);
      setTimeout(() => {
        if (early.get(id) === answer) early.delete(id);
      }, keepMs);
      return answer;
    },
    forget(name) {
      for (const id of [...early.keys()]) if (!name || id.startsWith(`${name} `)) early.delete(id);
    },
  };
}

/** Where the app keeps the review last open in a library (App opens it at start). */
export const lastReviewKey = (root: string) => `intertitle:last-review:${root}`;

/** The review the app opens first in a library: the one last open, or the first listed. */
export function initialReview(listing: LibraryListing, remembered: string | null): string | null {
  return listing.reviews.find((r) => r.path === remembered)?.path ?? listing.reviews[0]?.path ?? null;
}

/**
 * The requests of the app's start, asked for at once, while the page is still rendering: which
 * library is open, its listing and the review the app will open first. Each is a round trip the
 * app would otherwise make one after the other, after its first render.
 */
export function prefetchStart(prefetcher: Prefetcher, storage: Pick<Storage, 'getItem'> = localStorage): void {
  // Listening first: a review added or changed while these answers travel (the host's listing
  // lags its watcher, and the HTTP host says "changed" as the event stream opens) makes the app
  // ask for the list again, instead of starting with a stale one it would get no event about (it
  // subscribes only once it has rendered). The review's own text is not affected: its saves
  // carry its revision, and a change on disk is caught there.
  prefetcher.client.on('library.changed', ({ reason }) => {
    if (reason !== 'opened') prefetcher.forget('library.list');
  });
  void prefetcher.prefetch('app.info', {}).catch(() => {});
  prefetcher
    .prefetch('library.list', {})
    .then((listing) => {
      const path = initialReview(listing, storage.getItem(lastReviewKey(listing.library.root)));
      if (path) void prefetcher.prefetch('review.read', { path });
    })
    .catch(() => {
      // No library open: the app asks the critic to choose one.
    });
}
