import { describe, expect, test } from 'vitest';
import { createClient, type Transport } from '../../src/contract/client';
import type { HostEvent } from '../../src/contract/events';
import { createPrefetcher, lastReviewKey, prefetchStart } from '../../renderer/host/prefetch';

/** A host that answers from a table, counts the calls, and can send events. */
function fakeHost(answers: Record<string, (args: unknown) => unknown>) {
  const calls: string[] = [];
  const listeners = new Set<(event: HostEvent) => void>();
  const transport: Transport = {
    invoke: async (name, args) => {
      calls.push(name);
      const answer = answers[name];
      return answer ? { ok: true, value: answer(args) } : { ok: false, error: { code: 'not-found', message: `no ${name}` } };
    },
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    assetUrl: (path) => `/stills/${path}`,
  };
  const emit = (event: HostEvent) => listeners.forEach((listener) => listener(event));
  return { client: createClient(transport), calls, emit };
}

const library = { root: '/lib', name: 'Lib' };
const listing = (paths: string[]) => ({ library, reviews: paths.map((path) => ({ path })) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the start prefetch', () => {
  test('asks for the info, the listing and the remembered review once; the app gets those answers', async () => {
    const host = fakeHost({ 'app.info': () => ({}), 'library.list': () => listing(['a.md', 'b.md']), 'review.read': (args) => ({ path: (args as { path: string }).path }) });
    const prefetcher = createPrefetcher(host.client);
    prefetchStart(prefetcher, { getItem: (key) => (key === lastReviewKey('/lib') ? 'b.md' : null) });
    await settle();
    expect(host.calls).toEqual(['app.info', 'library.list', 'review.read']);
    expect(await prefetcher.client.call('review.read', { path: 'b.md' })).toEqual({ path: 'b.md' });
    await prefetcher.client.call('library.list', {});
    expect(host.calls).toHaveLength(3);
    // Each answer is given out once: the next call asks the host.
    await prefetcher.client.call('library.list', {});
    expect(host.calls).toHaveLength(4);
  });

  test('a library change while the answers wait makes the app ask the host again', async () => {
    let reviews = ['a.md'];
    const host = fakeHost({ 'app.info': () => ({}), 'library.list': () => listing(reviews), 'review.read': () => ({}) });
    const prefetcher = createPrefetcher(host.client);
    prefetchStart(prefetcher, { getItem: () => null });
    await settle();
    reviews = ['a.md', 'new.md'];
    host.emit({ name: 'library.changed', payload: { library, reason: 'changed' } } as HostEvent);
    expect(await prefetcher.client.call('library.list', {})).toEqual(listing(['a.md', 'new.md']));
    // The review's text is kept: a change to it is caught by its revision when it is saved.
    const reads = host.calls.filter((name) => name === 'review.read').length;
    await prefetcher.client.call('review.read', { path: 'a.md' });
    expect(host.calls.filter((name) => name === 'review.read')).toHaveLength(reads);
  });
});
