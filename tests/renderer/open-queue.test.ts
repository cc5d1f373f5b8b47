import { describe, expect, test } from 'vitest';
import { createOpenQueue } from '../../renderer/open-queue';

/** An open the test finishes by hand, so it can be as slow as a case needs. */
function heldOpen(name: string, log: string[]) {
  let finish!: (ok: boolean) => void;
  const done = new Promise<boolean>((resolve) => (finish = resolve));
  const open = async () => {
    log.push(`start ${name}`);
    const ok = await done;
    log.push(`end ${name}`);
    if (!ok) throw new Error(`${name} failed`);
  };
  return { open, finish };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createOpenQueue', () => {
  test('a later choice waits for the slower earlier open and lands after it', async () => {
    const log: string[] = [];
    const inOrder = createOpenQueue();
    const first = heldOpen('first', log);
    const second = heldOpen('second', log);
    const firstDone = inOrder(first.open);
    await settle();
    const secondDone = inOrder(second.open);
    second.finish(true);
    await settle();
    // The second choice does not start while the first is still opening.
    expect(log).toEqual(['start first']);
    first.finish(true);
    await Promise.all([firstDone, secondDone]);
    expect(log).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  test('choices superseded before their turn are skipped: only the running one and the latest open', async () => {
    const log: string[] = [];
    const inOrder = createOpenQueue();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => heldOpen(name, log));
    const aDone = inOrder(a!.open);
    await settle();
    const bDone = inOrder(b!.open);
    const cDone = inOrder(c!.open);
    b!.finish(true);
    c!.finish(true);
    a!.finish(true);
    // The skipped choice's caller is told its turn is over, without an error.
    await expect(Promise.all([aDone, bDone, cDone])).resolves.toEqual([undefined, undefined, undefined]);
    expect(log).toEqual(['start a', 'end a', 'start c', 'end c']);
  });

  test('choices made in one go open only the last', async () => {
    const log: string[] = [];
    const inOrder = createOpenQueue();
    const opens = ['a', 'b', 'c'].map((name) => heldOpen(name, log));
    const done = opens.map((o) => inOrder(o.open));
    opens.forEach((o) => o.finish(true));
    await Promise.all(done);
    expect(log).toEqual(['start c', 'end c']);
  });

  test('a failed open rejects for its own caller and does not hold up the next', async () => {
    const log: string[] = [];
    const inOrder = createOpenQueue();
    const broken = heldOpen('broken', log);
    const next = heldOpen('next', log);
    const brokenDone = inOrder(broken.open);
    await settle();
    const nextDone = inOrder(next.open);
    next.finish(true);
    broken.finish(false);
    await expect(brokenDone).rejects.toThrow('broken failed');
    await expect(nextDone).resolves.toBeUndefined();
    expect(log).toEqual(['start broken', 'end broken', 'start next', 'end next']);
  });
});
