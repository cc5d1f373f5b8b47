/**
 * Scroll sync between the editor and the preview through the source line maps: every top-level
 * preview block carries `data-line` and `data-line-end` (0-based lines of the whole file).
 */

interface Block {
  start: number;
  end: number;
  top: number;
  height: number;
}

function blocks(container: HTMLElement): Block[] {
  const origin = container.getBoundingClientRect().top - container.scrollTop;
  const out: Block[] = [];
  for (const el of container.querySelectorAll<HTMLElement>(':scope > [data-line]')) {
    const start = Number(el.dataset.line);
    const end = Number(el.dataset.lineEnd ?? start + 1);
    if (!Number.isFinite(start)) continue;
    const rect = el.getBoundingClientRect();
    out.push({ start, end: Math.max(end, start + 1), top: rect.top - origin, height: rect.height });
  }
  return out;
}

/** The preview scroll position that shows source line `line` (fractional) at the top. */
export function previewOffsetForLine(container: HTMLElement, line: number): number {
  const list = blocks(container);
  if (!list.length) return 0;
  let previous: Block | null = null;
  for (const block of list) {
    if (line < block.start) {
      if (!previous) return 0;
      // Between blocks (blank lines): interpolate across the gap.
      const gapLines = block.start - previous.end;
      const gapTop = previous.top + previous.height;
      const t = gapLines > 0 ? (line - previous.end) / gapLines : 0;
      return gapTop + Math.max(0, Math.min(1, t)) * (block.top - gapTop);
    }
    if (line < block.end) {
      return block.top + ((line - block.start) / (block.end - block.start)) * block.height;
    }
    previous = block;
  }
  const last = list[list.length - 1]!;
  return last.top + last.height;
}

/** The source line (fractional) shown at preview scroll position `offset`. */
export function lineForPreviewOffset(container: HTMLElement, offset: number): number {
  const list = blocks(container);
  if (!list.length) return 0;
  let previous: Block | null = null;
  for (const block of list) {
    if (offset < block.top) {
      if (!previous) return block.start * (offset / Math.max(block.top, 1));
      const gapTop = previous.top + previous.height;
      const t = block.top > gapTop ? (offset - gapTop) / (block.top - gapTop) : 0;
      return previous.end + Math.max(0, Math.min(1, t)) * (block.start - previous.end);
    }
    if (offset < block.top + block.height) {
      return block.start + ((offset - block.top) / Math.max(block.height, 1)) * (block.end - block.start);
    }
    previous = block;
  }
  return list[list.length - 1]!.end;
}
