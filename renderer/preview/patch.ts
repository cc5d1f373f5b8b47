import morphdom from 'morphdom';
import { BLOCK_FIELDS } from './preview-protocol';

/** What the patcher needs of one rendering (see PreviewBlocks). */
export interface BlockSource {
  /** Ids are only comparable within one epoch (one worker). */
  epoch: number;
  /** id, `data-line`, `data-line-end` (-1: none) per block, in order. */
  blocks: ArrayLike<number>;
  /** Sanitised HTML of a block id. */
  safeHtml(id: number): string;
  /** Sanitises the blocks about to be drawn in one go (many at once when a review opens). */
  prepare?(ids: number[], inert: Document): void;
}

/** Maps an image's `src` as written (`stills/a.jpg`) to where the host serves it; null: not loaded. */
export type ImageUrl = (src: string) => string | null;

interface Segment {
  id: number;
  line: number;
  lineEnd: number;
  /** The top-level nodes the block's HTML parsed into (usually one element and a newline). */
  nodes: ChildNode[];
}

/**
 * Keeps the preview's DOM in step with the worker's blocks by patching, never replacing, it
 * (DESIGN §5): a block whose id the page already shows keeps its elements (only its line numbers
 * are updated), a changed block is morphed into its new form in place, so the images in it are
 * kept, and only blocks that are new are parsed. Typing in one paragraph touches that paragraph.
 */
export class PreviewPatcher {
  private segments: Segment[] = [];
  private imageUrl: ImageUrl | null = null;
  private epoch = -1;
  private readonly inert: Document;

  constructor(private readonly container: HTMLElement) {
    // Parsed in a document without a browsing context, so nothing loads before image URLs are
    // mapped. The HTML is the sanitiser's output, not raw review text.
    this.inert = container.ownerDocument.implementation.createHTMLDocument('');
  }

  /** Shows `source`, whose images resolve through `imageUrl` (a new function re-creates them all). */
  patch(source: BlockSource, imageUrl: ImageUrl): void {
    if (imageUrl !== this.imageUrl || source.epoch !== this.epoch) {
      this.clear();
      this.imageUrl = imageUrl;
      this.epoch = source.epoch;
    }
    const old = this.segments;
    const rows = source.blocks;
    const count = rows.length / BLOCK_FIELDS;
    const next: Segment[] = new Array(count);
    const row = (i: number, field: number) => rows[i * BLOCK_FIELDS + field]!;

    // A keystroke changes one block among hundreds: the unchanged ends are only checked (and
    // their line numbers updated), not matched.
    const ends = Math.min(old.length, count);
    let head = 0;
    while (head < ends && old[head]!.id === row(head, 0)) {
      next[head] = moveLines(old[head]!, row(head, 1), row(head, 2));
      head++;
    }
    let tail = 0;
    while (tail < ends - head && old[old.length - 1 - tail]!.id === row(count - 1 - tail, 0)) {
      const i = count - 1 - tail;
      next[i] = moveLines(old[old.length - 1 - tail]!, row(i, 1), row(i, 2));
      tail++;
    }

    const middle = old.slice(head, old.length - tail);
    const reused = matchById(middle, rows, head, count - tail);
    const used = new Uint8Array(middle.length);
    const fresh: number[] = [];
    reused.forEach((index, i) => {
      if (index >= 0) used[index] = 1;
      else fresh.push(row(head + i, 0));
    });
    if (fresh.length > 1) source.prepare?.(fresh, this.inert);
    let cursor = 0; // the old segment right after the last one kept: a changed block's old self
    for (let i = head; i < count - tail; i++) {
      const [id, line, lineEnd] = [row(i, 0), row(i, 1), row(i, 2)];
      const keep = reused[i - head]!;
      if (keep >= 0) {
        next[i] = moveLines(middle[keep]!, line, lineEnd);
        cursor = keep + 1;
        continue;
      }
      // A block's HTML holds the lines it had when the worker first sent it (or those of an
      // identical block elsewhere): the row's lines are the ones that count.
      const nodes = this.parse(source.safeHtml(id));
      setLines(nodes, line, lineEnd);
      while (cursor < middle.length && used[cursor]) cursor++;
      const previous = cursor < middle.length ? middle[cursor]! : null;
      const morphed = previous ? morphInto(previous.nodes, nodes) : null;
      if (morphed) used[cursor++] = 1;
      next[i] = { id, line, lineEnd, nodes: morphed ?? nodes };
    }

    middle.forEach((segment, index) => {
      if (!used[index]) for (const node of segment.nodes) node.remove();
    });
    this.place(next, head, count - tail);
    this.segments = next;
  }

  /** Empties the preview (no review open). */
  clear(): void {
    this.container.replaceChildren();
    this.segments = [];
  }

  private parse(html: string): ChildNode[] {
    const holder = this.inert.createElement('div');
    holder.innerHTML = html;
    for (const img of holder.querySelectorAll('img')) mapImage(img, this.imageUrl!);
    return [...holder.childNodes];
  }

  /**
   * Puts the nodes of segments [from, to) in order after those of the segments before `from`,
   * moving only nodes that are out of place. The segments from `to` on are already in place.
   */
  private place(segments: Segment[], from: number, to: number): void {
    const container = this.container;
    let at: ChildNode | null = container.firstChild;
    for (let i = from - 1; i >= 0; i--) {
      const nodes = segments[i]!.nodes;
      if (nodes.length) {
        at = nodes[nodes.length - 1]!.nextSibling;
        break;
      }
    }
    for (let i = from; i < to; i++) {
      for (const node of segments[i]!.nodes) {
        if (node === at) at = at.nextSibling;
        else container.insertBefore(node, at);
      }
    }
    // Anything else left before the unchanged tail is not ours.
    const tail = segments.slice(to).find((segment) => segment.nodes.length)?.nodes[0] ?? null;
    while (at && at !== tail) {
      const stray = at;
      at = at.nextSibling;
      stray.remove();
    }
  }
}

/** For each block in rows [from, to), the index of an old segment with its id (first unused), or -1. */
function matchById(old: Segment[], rows: ArrayLike<number>, from: number, to: number): Int32Array {
  const byId = new Map<number, number[]>();
  old.forEach((segment, index) => {
    const list = byId.get(segment.id);
    if (list) list.push(index);
    else byId.set(segment.id, [index]);
  });
  const reused = new Int32Array(to - from).fill(-1);
  for (let i = from; i < to; i++) {
    const list = byId.get(rows[i * BLOCK_FIELDS]!);
    if (list?.length) reused[i - from] = list.shift()!;
  }
  return reused;
}

function moveLines(segment: Segment, line: number, lineEnd: number): Segment {
  if (segment.line !== line || segment.lineEnd !== lineEnd) {
    setLines(segment.nodes, line, lineEnd);
    segment.line = line;
    segment.lineEnd = lineEnd;
  }
  return segment;
}

/** Writes a markdown block's source lines on its element (raw HTML has none: -1). */
function setLines(nodes: ChildNode[], line: number, lineEnd: number): void {
  if (line < 0) return;
  const element = nodes.find((node): node is Element => node.nodeType === 1);
  if (!element) return;
  if (element.getAttribute('data-line') !== String(line)) element.setAttribute('data-line', String(line));
  if (element.getAttribute('data-line-end') !== String(lineEnd)) element.setAttribute('data-line-end', String(lineEnd));
}

/**
 * Morphs a changed block's old element into the new one, when both are one element of the same
 * kind, and returns the nodes to keep; null when the block is better re-created.
 */
function morphInto(oldNodes: ChildNode[], newNodes: ChildNode[]): ChildNode[] | null {
  const before = soleElement(oldNodes);
  const after = soleElement(newNodes);
  if (!before || !after || before.nodeName !== after.nodeName || !sameText(oldNodes, newNodes)) return null;
  morphdom(before, after);
  return oldNodes;
}

/** The one element among `nodes`, if the rest is text; null otherwise. */
function soleElement(nodes: ChildNode[]): Element | null {
  let element: Element | null = null;
  for (const node of nodes) {
    if (node.nodeType === 1) {
      if (element) return null;
      element = node as Element;
    } else if (node.nodeType !== 3) return null;
  }
  return element;
}

/** The text around the element (the newline after a block) is the same. */
function sameText(a: ChildNode[], b: ChildNode[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((node, i) => node.nodeType === 1 || node.textContent === b[i]!.textContent);
}

function mapImage(img: HTMLImageElement, imageUrl: ImageUrl): void {
  const src = img.getAttribute('src') ?? '';
  const url = imageUrl(src);
  img.setAttribute('data-src', src);
  if (url === null) {
    // Outside the library (a remote URL): not loaded, and said so.
    img.removeAttribute('src');
    img.classList.add('blocked');
    img.title = `Not loaded: ${src}`;
  } else {
    img.setAttribute('src', url);
  }
}
