import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError, type ReviewFile } from '../../src/contract';
import { ReviewDocument } from '../../renderer/document/review-document';

const file: ReviewFile = { path: 'a/index.md', text: 'one\n', bom: false, revision: 'r0', readOnly: null };

/** A fake host that records saves; `answer` decides each one's outcome. Journal calls succeed. */
function fakeClient(answer: (args: { text: string; baseRevision: string | null }, n: number) => Promise<{ revision: string }>) {
  const saves: Array<{ text: string; baseRevision: string | null }> = [];
  return {
    saves,
    call: vi.fn(async (name: string, args: { text: string; baseRevision: string | null }) => {
      if (name !== 'review.save') return null;
      saves.push(args);
      return answer(args, saves.length);
    }),
  };
}

let text = file.text;
function typed(doc: ReviewDocument, next: string) {
  text = next;
  doc.changed();
}

beforeEach(() => {
  vi.useFakeTimers();
  text = file.text;
});
afterEach(() => vi.useRealTimers());

describe('ReviewDocument', () => {
  it('autosaves once after a pause in typing, based on the loaded revision', async () => {
    const client = fakeClient(async (_a, n) => ({ revision: `r${n}` }));
    const doc = new ReviewDocument(client as never, file, { autosaveMs: 1000, retryMs: 3000 });
    doc.attach(() => text);
    typed(doc, 'one t\n');
    await vi.advanceTimersByTimeAsync(500);
    typed(doc, 'one two\n');
    expect(doc.saveState.kind).toBe('dirty');
    await vi.advanceTimersByTimeAsync(999);
    expect(client.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.saves).toEqual([{ path: 'a/index.md', text: 'one two\n', bom: false, baseRevision: 'r0' }]);
    expect(doc.saveState.kind).toBe('saved');
    expect(doc.dirty).toBe(false);
  });

  it('chains revisions: the next save is based on the revision the last one returned', async () => {
    const client = fakeClient(async (_a, n) => ({ revision: `r${n}` }));
    const doc = new ReviewDocument(client as never, file);
    doc.attach(() => text);
    typed(doc, 'a');
    await doc.save();
    typed(doc, 'ab');
    await doc.save();
    expect(client.saves.map((s) => s.baseRevision)).toEqual(['r0', 'r1']);
  });

  it('stays dirty when text changes while a save is in flight, and saves the rest after', async () => {
    let release!: () => void;
    const client = fakeClient((_a, n) =>
      n === 1 ? new Promise((resolve) => (release = () => resolve({ revision: 'r1' }))) : Promise.resolve({ revision: `r${n}` }),
    );
    const doc = new ReviewDocument(client as never, file, { autosaveMs: 1000, retryMs: 3000 });
    doc.attach(() => text);
    typed(doc, 'first');
    const saving = doc.save();
    typed(doc, 'first and more');
    release();
    await saving;
    expect(doc.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(client.saves.map((s) => s.text)).toEqual(['first', 'first and more']);
    expect(doc.dirty).toBe(false);
  });

  it('keeps the buffer dirty after a failed save, shows why, and retries', async () => {
    const client = fakeClient(async (_a, n) => {
      if (n === 1) throw new HostError('io', 'Could not save a/index.md: the disk is full.');
      return { revision: 'r2' };
    });
    const doc = new ReviewDocument(client as never, file, { autosaveMs: 1000, retryMs: 3000 });
    doc.attach(() => text);
    typed(doc, 'precious words');
    await doc.save();
    expect(doc.saveState).toEqual({ kind: 'failed', message: 'Could not save a/index.md: the disk is full.', retrying: true });
    expect(doc.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(client.saves.map((s) => s.text)).toEqual(['precious words', 'precious words']);
    expect(doc.saveState.kind).toBe('saved');
  });

  it('never retries a conflict: the newer file on disk is not overwritten', async () => {
    const client = fakeClient(async () => {
      throw new HostError('conflict', 'a/index.md was changed by another program.');
    });
    const doc = new ReviewDocument(client as never, file, { autosaveMs: 1000, retryMs: 3000 });
    doc.attach(() => text);
    typed(doc, 'mine');
    await doc.save();
    expect(doc.saveState.kind).toBe('conflict');
    typed(doc, 'mine, more');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(client.saves).toHaveLength(1);
    expect(doc.dirty).toBe(true);
  });

  it('flush saves pending text at once (switching reviews, quitting)', async () => {
    const client = fakeClient(async () => ({ revision: 'r1' }));
    const doc = new ReviewDocument(client as never, file);
    doc.attach(() => text);
    typed(doc, 'last words');
    await doc.flush();
    expect(client.saves.map((s) => s.text)).toEqual(['last words']);
  });

  it('does not save a read-only file', async () => {
    const client = fakeClient(async () => ({ revision: 'r1' }));
    const doc = new ReviewDocument(client as never, { ...file, readOnly: 'not UTF-8' });
    typed(doc, 'x');
    await doc.flush();
    expect(client.saves).toHaveLength(0);
    expect(doc.saveState.kind).toBe('read-only');
  });

  it('detects the file line break: CRLF files are saved with CRLF', () => {
    const crlf = new ReviewDocument(fakeClient(async () => ({ revision: 'x' })) as never, { ...file, text: 'a\r\nb\r\n' });
    expect(crlf.lineBreak).toBe('\r\n');
    expect(crlf.mixedLineBreaks).toBe(false);
    const mixed = new ReviewDocument(fakeClient(async () => ({ revision: 'x' })) as never, { ...file, text: 'a\r\nb\nc\n' });
    expect(mixed.lineBreak).toBe('\n');
    expect(mixed.mixedLineBreaks).toBe(true);
  });
});
