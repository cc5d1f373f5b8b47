import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostError } from '../../src/contract';
import { Journal } from '../../src/node/journal';
import { JournalWriter, type JournalSource } from '../../renderer/document/journal-writer';
import { ReviewDocument } from '../../renderer/document/review-document';
import { tempLibrary } from '../helpers/temp';

let dirs: Awaited<ReturnType<typeof tempLibrary>>;
let journal: Journal;
beforeEach(async () => {
  dirs = await tempLibrary();
  journal = new Journal(join(dirs.userData, 'journal'), dirs.root);
});
afterEach(() => dirs.cleanup());

/** The host's journal behind a client, recording what crossed (the size of each request). */
function host(real = () => journal) {
  const calls: Array<{ name: string; chars: number }> = [];
  const client = {
    call: vi.fn(async (name: string, args: never) => {
      calls.push({ name, chars: JSON.stringify(args).length });
      if (name === 'journal.write') await real().write(args);
      else if (name === 'journal.edit') await real().edit(args);
      else if (name === 'journal.clear') await real().clear((args as { path: string }).path);
      return null;
    }),
  };
  return { client, calls };
}

/** What the journal would offer back after a crash. */
async function journaled(): Promise<string | null> {
  const entries = await journal.list();
  return entries.find((e) => e.kind === 'unsaved')?.text ?? null;
}

const paragraph = 'The light holds on her face while the train waits at the frontier. ';
const draft = paragraph.repeat(2000); // ~135 KB: journaled as edits

function writerFor(source: JournalSource, client: ReturnType<typeof host>['client']) {
  return new JournalWriter(client as never, source, 700, () => {});
}

describe('journaling a long draft', () => {
  it('sends the whole text once, then only each edit; the journal always holds the whole text', async () => {
    const h = host();
    const source = { path: 'loose-review.md', text: () => text, bom: false, baseRevision: 'r0', dirty: true };
    let text = draft;
    const writer = writerFor(source, h.client);
    const edits: Array<(t: string) => string> = [
      (t) => `${t.slice(0, 5000)}Zetka${t.slice(5000)}`,
      (t) => t.replace('Zetka', 'Svetka'),
      (t) => `Opening words. ${t}`,
      (t) => `${t}Closing words.`,
      (t) => t.slice(0, 20000) + t.slice(40000),
    ];
    writer.write();
    await writer.settled();
    expect(await journaled()).toBe(text);
    for (const edit of edits) {
      text = edit(text);
      writer.write();
      await writer.settled();
      expect(await journaled()).toBe(text);
    }
    expect(h.calls.map((c) => c.name)).toEqual(['journal.write', ...edits.map(() => 'journal.edit')]);
    // Each edit is a few hundred characters, not the draft.
    expect(Math.max(...h.calls.slice(1).map((c) => c.chars))).toBeLessThan(400);
    expect(writer.problem).toBeNull();
  });

  it('sends the whole text again when the host no longer holds the base (it restarted)', async () => {
    let current = journal;
    const h = host(() => current);
    let text = draft;
    const writer = writerFor({ path: 'loose-review.md', text: () => text, bom: false, baseRevision: 'r0', dirty: true }, h.client);
    writer.write();
    await writer.settled();
    current = new Journal(join(dirs.userData, 'journal'), dirs.root); // a new host process: nothing held
    text = `${text}More.`;
    writer.write();
    await writer.settled();
    expect(h.calls.map((c) => c.name)).toEqual(['journal.write', 'journal.edit', 'journal.write']);
    expect(await journaled()).toBe(text);
    expect(writer.problem).toBeNull();
  });

  it('after a failed write, sends the whole text, so nothing builds on a text the host may not have', async () => {
    const h = host();
    let failNext = false;
    const call = h.client.call.getMockImplementation()!;
    h.client.call.mockImplementation(async (name, args) => {
      if (failNext) {
        failNext = false;
        throw new HostError('io', 'The disk is full.');
      }
      return call(name, args);
    });
    let text = draft;
    const writer = writerFor({ path: 'loose-review.md', text: () => text, bom: false, baseRevision: 'r0', dirty: true }, h.client);
    writer.write();
    await writer.settled();
    text = `${text}One.`;
    failNext = true;
    writer.write();
    await writer.settled();
    expect(writer.problem).toMatch(/disk is full/);
    text = `${text} Two.`;
    writer.write();
    await writer.settled();
    expect(h.client.call.mock.calls.map(([name]) => name)).toEqual(['journal.write', 'journal.edit', 'journal.write']);
    expect(await journaled()).toBe(text);
    expect(writer.problem).toBeNull();
  });

  it('sends a short review whole every time, and starts again from the whole text after a save', async () => {
    const h = host();
    let text = 'A short review.';
    const writer = writerFor({ path: 'loose-review.md', text: () => text, bom: false, baseRevision: 'r0', dirty: true }, h.client);
    writer.write();
    text = 'A short review, longer.';
    writer.write();
    await writer.settled();
    expect(await journaled()).toBe(text);
    text = draft;
    writer.write();
    writer.clear();
    text = `${draft}After the save.`;
    writer.write();
    await writer.settled();
    expect(h.calls.map((c) => c.name)).toEqual(['journal.write', 'journal.write', 'journal.edit', 'journal.clear', 'journal.write']);
    expect(await journaled()).toBe(text);
  });
});

describe('a critic typing on in a long draft', () => {
  afterEach(() => vi.useRealTimers());

  it('has every word in the journal within a second, though only edits cross', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = host();
    const file = { path: 'loose-review.md', text: draft, bom: false, revision: 'r0', readOnly: null };
    const doc = new ReviewDocument(h.client as never, file, { autosaveMs: 60_000, retryMs: 3000, journalMs: 700 });
    let text = draft;
    doc.attach(() => text);
    const typed: Array<{ at: number; text: string }> = [];
    for (let key = 0; key < 60; key++) {
      text = `${text.slice(0, 1000)}${'word '[key % 5]}${text.slice(1000)}`;
      doc.changed();
      typed.push({ at: key * 80, text });
      await vi.advanceTimersByTimeAsync(80);
      if (key % 12 === 11) {
        await doc.journalSettled();
        // What the journal holds was typed no more than a second ago.
        const held = await journaled();
        const when = typed.find((t) => t.text === held)?.at;
        expect(when).toBeDefined();
        expect((key + 1) * 80 - when!).toBeLessThanOrEqual(1000);
      }
    }
    await vi.advanceTimersByTimeAsync(700);
    await doc.journalSettled();
    expect(await journaled()).toBe(text);
    expect(h.calls[0]!.name).toBe('journal.write');
    expect(h.calls.slice(1).every((c) => c.name === 'journal.edit' && c.chars < 400)).toBe(true);
    doc.dispose();
  });
});
