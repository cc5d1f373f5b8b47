/**
 * Scroll sync between the editor and the preview through the source line maps: every top-level
 * preview block carries `data-line` and `data-line-end` (0-based lines of the whole file).
 * Positions are measured in the scroller's content, so anything above the body (the masthead)
 * belongs to the lines before the first block (the front matter).
 *
 * The blocks are found by binary search and only the one or two that matter are measured: a
 * 400,000-word draft has 16,000 blocks, and measuring them all on every scroll took 100 ms.
 */

interface Block {
  start: number;
  end: number;
  top: number;
  height: number;
}

/**
 * The article's top-level blocks with line numbers, in order, each measured only when asked for.
 * Read straight from `children` (no query over 16,000 elements); children without numbers (raw
 * HTML, the footnotes) lie between numbered blocks and are skipped.
 */
function blocks(scroller: HTMLElement, article: HTMLElement) {
  const children = article.children;
  const numbered = (i: number) => children[i]!.hasAttribute('data-line');
  const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const lines = (i: number) => {
    const element = children[i] as HTMLElement;
    const start = Number(element.dataset.line);
    const end = Number(element.dataset.lineEnd ?? start + 1);
    return { start, end: Math.max(end, start + 1) };
  };
  const measure = (i: number): Block => {
    const rect = children[i]!.getBoundingClientRect();
    return { ...lines(i), top: rect.top - origin, height: rect.height };
  };
  /** The numbered block at or after i (or the count), and the one before i (or -1). */
  const nextNumbered = (i: number) => {
    while (i < children.length && !numbered(i)) i++;
    return i;
  };
  const previousNumbered = (i: number) => {
    i--;
    while (i >= 0 && !numbered(i)) i--;
    return i;
  };
  /** The first index whose `test` holds (they hold from some index on), or the count. */
  const first = (test: (i: number) => boolean) => {
    let low = 0;
    let high = children.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (test(mid)) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  return { count: children.length, lines, measure, first, nextNumbered, previousNumbered };
}

const clamp01 = (t: number) => Math.max(0, Math.min(1, t));

/** The preview scroll position that shows source line `line` (fractional) at the top. */
export function previewOffsetForLine(scroller: HTMLElement, article: HTMLElement, line: number): number {
  const list = blocks(scroller, article);
  // The first numbered block that ends after the line (an unnumbered child answers as the
  // numbered block before it, which keeps the test in order).
  const k = list.nextNumbered(
    list.first((i) => {
      const at = list.nextNumbered(i) === i ? i : list.previousNumbered(i);
      return at >= 0 && line < list.lines(at).end;
    }),
  );
  const p = list.previousNumbered(k);
  const previous = p >= 0 ? list.measure(p) : null;
  const previousEnd = previous?.end ?? 0;
  const previousBottom = previous ? previous.top + previous.height : 0;
  if (k >= list.count) return previousBottom;
  const block = list.measure(k);
  if (line < block.start) {
    // Between blocks (blank lines, or the front matter before the first): across the gap.
    const t = block.start > previousEnd ? clamp01((line - previousEnd) / (block.start - previousEnd)) : 0;
    return previousBottom + t * (block.top - previousBottom);
  }
  return block.top + ((line - block.start) / (block.end - block.start)) * block.height;
}

/** The source line (fractional) shown at preview scroll position `offset`. */
export function lineForPreviewOffset(scroller: HTMLElement, article: HTMLElement, offset: number): number {
  const list = blocks(scroller, article);
  // The first numbered block whose bottom is below the offset (bottoms grow down the page).
  const k = list.nextNumbered(
    list.first((i) => {
      const block = list.measure(i);
      return offset < block.top + block.height;
    }),
  );
  const p = list.previousNumbered(k);
  const previous = p >= 0 ? list.measure(p) : null;
  const previousEnd = previous?.end ?? 0;
  const previousBottom = previous ? previous.top + previous.height : 0;
  if (k >= list.count) return p >= 0 ? previousEnd : 0;
  const block = list.measure(k);
  if (offset < block.top) {
    const t = block.top > previousBottom ? clamp01((offset - previousBottom) / (block.top - previousBottom)) : 0;
    return previousEnd + t * (block.start - previousEnd);
  }
  return block.start + ((offset - block.top) / Math.max(block.height, 1)) * (block.end - block.start);
}
