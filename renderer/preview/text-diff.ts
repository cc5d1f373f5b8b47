const CHUNKS = [4096, 512, 64, 8, 1];

/** Length of the common start of two strings, compared a chunk at a time (natively). */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  for (const step of CHUNKS) {
    while (at + step <= max && a.slice(at, at + step) === b.slice(at, at + step)) at += step;
  }
  return at;
}

/** Length of the common end of two strings, at most `max` (pass what the prefix leaves). */
export function commonSuffix(a: string, b: string, max: number): number {
  let at = 0;
  for (const step of CHUNKS) {
    while (at + step <= max && a.slice(a.length - at - step, a.length - at) === b.slice(b.length - at - step, b.length - at)) {
      at += step;
    }
  }
  return at;
}

/** The one replacement that turns `before` into `after`: characters [from, to) become `insert`. */
export function textEdit(before: string, after: string): { from: number; to: number; insert: string } {
  const from = commonPrefix(before, after);
  const kept = commonSuffix(before, after, Math.min(before.length, after.length) - from);
  return { from, to: before.length - kept, insert: after.slice(from, after.length - kept) };
}
