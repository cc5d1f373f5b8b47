import { useCallback, useRef } from 'react';

/** The pause in typing after which the editor hands its text on: the preview's debounce. */
export const SETTLE_MS = 30;

/**
 * A draft this long (about 40,000 words) is handed on only after a real pause. Every hand-over
 * costs time in proportion to the draft, not the edit (the whole text as one string, which the
 * sidebar, the stills and the preview then read: ~3 ms and 3 MB of garbage per keystroke at
 * 400,000 words), and the critic is looking at the editor while typing anyway.
 */
export const LONG_TEXT_CHARS = 256 * 1024;
export const LONG_TEXT_SETTLE_MS = 400;

/** How long the editor waits after a change to a text of `length` characters before handing it on. */
export function settleDelay(length: number): number {
  return length >= LONG_TEXT_CHARS ? LONG_TEXT_SETTLE_MS : SETTLE_MS;
}

/**
 * Runs `run` once the browser has drawn the next frame (a hidden page draws none: soon, then);
 * returns a function that cancels it.
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function' || globalThis.document?.visibilityState === 'hidden') {
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Wraps the app's handler of settled text so that a review's first text (the editor reports it
 * as the review opens) reaches the preview, sidebar and stills a frame later: the review is
 * drawn, and takes typing, first. A newer text for the same review goes out at once, dropping a
 * first one still waiting.
 */
export function useFirstSettleAfterPaint(onSettled: (path: string | null, text: string) => void): (path: string | null, text: string) => void {
  const latest = useRef(onSettled);
  latest.current = onSettled;
  const state = useRef<{ path: string | null | undefined; cancel: (() => void) | null }>({ path: undefined, cancel: null });
  return useCallback((path: string | null, text: string) => {
    const current = state.current;
    current.cancel?.();
    current.cancel = null;
    const first = path !== null && path !== current.path;
    current.path = path;
    if (!first) {
      latest.current(path, text);
      return;
    }
    current.cancel = afterPaint(() => {
      current.cancel = null;
      latest.current(path, text);
    });
  }, []);
}

/**
 * Wraps a handler of settled text that reads the whole text (the Stills panel parses the review
 * with markdown-it on the page) so that it runs when the page is idle, with the newest text only:
 * at a typing pause of 30 ms it would otherwise hold the page for the next keystroke (a 10,000-word
 * review: 30–60 ms each pause), and at start for its first frames. At most `maxWaitMs` late.
 */
export function useSettleWhenIdle(onSettled: (path: string | null, text: string) => void, maxWaitMs = 1000): (path: string | null, text: string) => void {
  const latest = useRef(onSettled);
  latest.current = onSettled;
  const pending = useRef<{ path: string | null; text: string } | null>(null);
  return useCallback(
    (path: string | null, text: string) => {
      const waiting = pending.current;
      if (waiting) {
        // A newer text replaces the one still waiting; the scheduled run takes it.
        waiting.path = path;
        waiting.text = text;
        return;
      }
      const next = { path, text };
      pending.current = next;
      const run = () => {
        pending.current = null;
        latest.current(next.path, next.text);
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: maxWaitMs });
      else setTimeout(run, 0);
    },
    [maxWaitMs],
  );
}
