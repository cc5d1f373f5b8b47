/**
 * Scroll sync between the editor and the preview through the source line maps: every top-level
 * preview block carries `data-line` and `data-line-end` (0-based lines of the whole file).
 * Positions are measured in the scroller's content, so anything above the body (the masthead)
 * belongs to the lines before the first block (the front matter).
 */

interface Block {
  start: number;
  end: number;
  top: number;
  height: number;
}

function blocks(scroller: HTMLElement, article: HTMLElement): Block[] {
  const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const out: Block[] = [];
  for (const el of article.querySelectorAll<HTMLElement>(':scope > [data-line]')) {
    const start = Number(el.dataset.line);
    const end = Number(el.dataset.lineEnd ?? start + 1);
    if (!Number.isFinite(start)) continue;
    const rect = el.getBoundingClientRect();
    out.push({ start, end: Math.max(end, start + 1), top: rect.top - origin, height: rect.height });
  }
  return out;
}

const clamp01 = (t: number) => Math.max(0, Math.min(1, t));

/** The preview scroll position that shows source line `line` (fractional) at the top. */
export function previewOffsetForLine(scroller: HTMLElement, article: HTMLElement, line: number): number {
  const list = blocks(scroller, article);
  if (!list.length) return 0;
  let previousEnd = 0;
  let previousBottom = 0;
  for (const block of list) {
    if (line < block.start) {
      // Between blocks (blank lines, or the front matter before the first): across the gap.
      const t = block.start > previousEnd ? clamp01((line - previousEnd) / (block.start - previousEnd)) : 0;
      return previousBottom + t * (block.top - previousBottom);
    }
    if (line < block.end) return block.top + ((line - block.start) / (block.end - block.start)) * block.height;
    previousEnd = block.end;
    previousBottom = block.top + block.height;
  }
  return previousBottom;
}

/** The source line (fractional) shown at preview scroll position `offset`. */
export function lineForPreviewOffset(scroller: HTMLElement, article: HTMLElement, offset: number): number {
  const list = blocks(scroller, article);
  if (!list.length) return 0;
  let previousEnd = 0;
  let previousBottom = 0;
  for (const block of list) {
    if (offset < block.top) {
      const t = block.top > previousBottom ? clamp01((offset - previousBottom) / (block.top - previousBottom)) : 0;
      return previousEnd + t * (block.start - previousEnd);
    }
    if (offset < block.top + block.height) {
      return block.start + ((offset - block.top) / Math.max(block.height, 1)) * (block.end - block.start);
    }
    previousEnd = block.end;
    previousBottom = block.top + block.height;
  }
  return previousEnd;
}
