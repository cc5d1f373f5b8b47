/** Starts one open; it settles when the review is in the editor (or the open failed). */
export type Open = () => Promise<void>;

/**
 * Runs opens one after another, and only the latest choice: an open asked for while another is
 * still running waits for it, so a slower earlier open can never land after a later one (a review
 * clicked while the first screen's review is still opening stays open), and an open superseded
 * before its turn comes is skipped. Each caller's promise settles when its own turn is over; a
 * failed open rejects for its caller only and does not hold up the ones after it.
 */
export function createOpenQueue(): (open: Open) => Promise<void> {
  let queue: Promise<unknown> = Promise.resolve();
  let latest = 0;
  return (open) => {
    const ticket = ++latest;
    const run = queue.catch(() => undefined).then(() => (ticket === latest ? open() : undefined));
    queue = run;
    return run;
  };
}
