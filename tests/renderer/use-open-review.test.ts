// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { HostError, type LibraryListing, type ReviewFile } from '../../src/contract';
import { lastReviewKey } from '../../renderer/host/prefetch';
import { dismissNotice, useNotices } from '../../renderer/ui/notices';
import { useOpenReview } from '../../renderer/use-open-review';

const root = '/critic/reviews';
const fileOf = (path: string): ReviewFile => ({ path, text: `# ${path}\n`, bom: false, revision: 'r0', readOnly: null });

/**
 * A host whose `review.read` answers when the test says so (`hold`), and whose saves fail when
 * `savesFail` is set. Every request is logged by name and path.
 */
function fakeHost() {
  const held = new Map<string, () => void>();
  const host = {
    calls: [] as string[],
    savesFail: false,
    hold: (path: string) => held.set(path, () => undefined),
    release: (path: string) => held.get(path)!(),
    call: async (name: string, args: { path?: string }) => {
      host.calls.push(`${name} ${args.path ?? ''}`.trim());
      if (name === 'review.read') {
        const path = args.path!;
        if (held.has(path)) await new Promise<void>((resolve) => held.set(path, resolve));
        return fileOf(path);
      }
      if (name === 'review.save') {
        if (host.savesFail) throw new HostError('io', `Could not save ${args.path}: the disk is full.`);
        return { revision: 'r1' };
      }
      return null;
    },
  };
  return host;
}

function setup() {
  const host = fakeHost();
  const listing = { library: { root }, reviews: [] } as unknown as LibraryListing;
  const hook = renderHook(() => useOpenReview({ client: host as never, libraryRoot: root, refresh: async () => listing }));
  const notices = renderHook(() => useNotices());
  return { host, hook, notices };
}

afterEach(() => {
  localStorage.clear();
});

describe('useOpenReview', () => {
  test('a review chosen while a slower earlier one is still opening stays open', async () => {
    const { host, hook } = setup();
    host.hold('first/index.md');
    let first!: Promise<void>;
    act(() => void (first = hook.result.current.openReview('first/index.md')));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    let second!: Promise<void>;
    act(() => void (second = hook.result.current.openReview('second/index.md')));
    host.release('first/index.md');
    await act(() => Promise.all([first, second]));
    expect(hook.result.current.document?.path).toBe('second/index.md');
    expect(hook.result.current.documentRef.current).toBe(hook.result.current.document);
    expect(localStorage.getItem(lastReviewKey(root))).toBe('second/index.md');
    expect(host.calls.filter((c) => c.startsWith('review.read'))).toEqual(['review.read first/index.md', 'review.read second/index.md']);
  });

  test('choices superseded while the first is opening are never read: the latest one is', async () => {
    const { host, hook } = setup();
    host.hold('a/index.md');
    const opened: Array<Promise<void>> = [];
    act(() => void opened.push(hook.result.current.openReview('a/index.md')));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    act(() => {
      opened.push(hook.result.current.openReview('b/index.md'));
      opened.push(hook.result.current.openReview('c/index.md'));
    });
    host.release('a/index.md');
    await act(() => Promise.all(opened));
    expect(hook.result.current.document?.path).toBe('c/index.md');
    expect(host.calls.filter((c) => c.startsWith('review.read'))).toEqual(['review.read a/index.md', 'review.read c/index.md']);
  });

  test('the first review of a library switched to is remembered in that library, not the one left', async () => {
    const host = fakeHost();
    const other = '/critic/festival-notes';
    const listing = { library: { root: other }, reviews: [{ path: 'opening-night/index.md' }] } as unknown as LibraryListing;
    const hook = renderHook(() => useOpenReview({ client: host as never, libraryRoot: root, refresh: async () => listing }));
    await act(() => hook.result.current.openReview('first/index.md'));
    await act(() => hook.result.current.switchLibrary(async () => ({ root: other })));
    expect(hook.result.current.document?.path).toBe('opening-night/index.md');
    expect(localStorage.getItem(lastReviewKey(other))).toBe('opening-night/index.md');
    expect(localStorage.getItem(lastReviewKey(root))).toBe('first/index.md');
  });

  test('a review that cannot be saved stays open, with its text, and the critic is told', async () => {
    const { host, hook, notices } = setup();
    await act(() => hook.result.current.openReview('first/index.md'));
    const first = hook.result.current.document!;
    first.attach(() => '# first, edited\n');
    first.changed();
    host.savesFail = true;
    await act(() => hook.result.current.openReview('second/index.md'));
    expect(hook.result.current.document).toBe(first);
    expect(first.dirty).toBe(true);
    expect(host.calls).not.toContain('review.read second/index.md');
    const said = notices.result.current.map((n) => n.message);
    expect(said).toContain('first/index.md could not be saved, so it stays open. Your text is still here.');
    notices.result.current.forEach((n) => act(() => dismissNotice(n.id)));
    first.dispose();
  });
});
