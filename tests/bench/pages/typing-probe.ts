/**
 * Injected into the app page (an init script) by the typing benchmark. Measures, on the page's
 * own clock (docs/performance.md, "How typing is measured"):
 * - keystroke → next frame: keydown `timeStamp` → rAF → a MessageChannel message (the frame that
 *   holds the keystroke has been produced by the main thread);
 * - keystroke → preview painted: the same probe after the preview's DOM mutation that first shows
 *   the typed character (read between the typing marks of the paragraph typed in);
 * - preview images removed (MutationObserver) and long animation frames.
 */

interface Probe {
  recording: boolean;
  mode: string;
  frames: Record<string, number[]>;
  painted: number[];
  removedImages: number;
  removedElements: number;
  longFrames: Record<string, number>;
  typed: number;
  pending: Array<{ t0: number; n: number }>;
  marks: { before: string; after: string };
  /** Watch the preview (call after it is shown). */
  observe(): void;
  reset(): void;
}

const afterNextFrame = (callback: (time: number) => void) =>
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(0);
  });

const probe: Probe = {
  recording: false,
  mode: 'editor',
  frames: {},
  painted: [],
  removedImages: 0,
  removedElements: 0,
  longFrames: {},
  typed: 0,
  pending: [],
  marks: { before: 'Qqq', after: 'Jjj' },
  observe,
  reset() {
    probe.frames = {};
    probe.painted = [];
    probe.removedImages = 0;
    probe.removedElements = 0;
    probe.longFrames = {};
    probe.pending = [];
  },
};
(window as unknown as { __bench: Probe }).__bench = probe;

addEventListener(
  'keydown',
  (event) => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey) return;
    probe.typed++;
    if (!probe.recording) return;
    const t0 = event.timeStamp;
    const mode = probe.mode;
    afterNextFrame((time) => (probe.frames[mode] ??= []).push(time - t0));
    if (mode === 'preview') probe.pending.push({ t0, n: probe.typed });
  },
  true,
);

new PerformanceObserver((list) => {
  if (!probe.recording) return;
  for (const entry of list.getEntries()) if (entry.duration > 50) probe.longFrames[probe.mode] = (probe.longFrames[probe.mode] ?? 0) + 1;
}).observe({ type: 'long-animation-frame', buffered: false });

let observer: MutationObserver | null = null;
let target: Element | null = null;

function observe(): void {
  observer?.disconnect();
  const article = document.querySelector('.preview-page');
  if (!article) throw new Error('no preview to observe');
  observer = new MutationObserver((records) => {
    if (!probe.recording) return;
    for (const record of records) {
      for (const node of record.removedNodes) {
        if (node.nodeType !== 1) continue;
        probe.removedElements++;
        const element = node as Element;
        probe.removedImages += (element.tagName === 'IMG' ? 1 : 0) + element.querySelectorAll('img').length;
      }
    }
    if (probe.pending.length) afterNextFrame(settle);
  });
  observer.observe(article, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** Resolves the keystrokes the preview now shows. */
function settle(time: number): void {
  const shown = shownCount();
  while (probe.pending.length && probe.pending[0]!.n <= shown) probe.painted.push(time - probe.pending.shift()!.t0);
}

/** How many typed characters the preview shows: the text between the marks. */
function shownCount(): number {
  if (!target?.isConnected || !target.textContent?.includes(probe.marks.before)) {
    target = [...(document.querySelector('.preview-page')?.children ?? [])].find((el) => el.textContent?.includes(probe.marks.before)) ?? null;
  }
  const text = target?.textContent ?? '';
  const start = text.indexOf(probe.marks.before);
  const end = text.indexOf(probe.marks.after, start);
  // Characters typed before the probe was installed are counted by the driver (see typing.ts).
  return start < 0 || end < 0 ? 0 : end - start - probe.marks.before.length;
}
