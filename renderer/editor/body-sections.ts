import { MountedTree, NodeProp, Tree, TreeFragment, type Input, type NodeType, type Parser, type PartialParse } from '@lezer/common';

/**
 * Where a review's body is cut into sections, each parsed as markdown on its own. Lezer's
 * markdown parser rebuilds its whole tree on every re-parse (it re-takes each earlier block one
 * by one), so a keystroke in a 400,000-word draft cost ~10 ms and megabytes of garbage; parsed
 * in sections, a keystroke re-parses one section and takes the others whole.
 *
 * The cuts depend only on the text, so an edited draft gets the sections a fresh parse would
 * give (tests/renderer/front-matter-language.test.ts checks that): a section ends at the first
 * "cut line" at least `minChars` after its start that follows a blank line, starts with a letter
 * or a quote (a paragraph, never a list, fence, quote or indented line), and whose first
 * characters hash to 0 modulo `every` — chosen by content, so an edit moves no cut but its own
 * section's. A cut is taken only if the section's markdown has ended before the blank line
 * (an open fence or HTML comment runs on), so each section parses as the whole text would.
 */
export interface SectionOptions {
  /** The least length of a section. */
  minChars: number;
  /** About one in `every` candidate lines is a cut. */
  every: number;
}

export const defaultSections: SectionOptions = { minChars: 2048, every: 4 };

/** How many characters of a cut line its hash reads (and how far past a section a reused one must be unchanged). */
const HASH_CHARS = 16;
const START = /^[\p{L}"'“‘]/u;
const BLANK_BEFORE = /\n[ \t]*\r?\n$/;

interface Section {
  from: number;
  to: number;
  tree: Tree;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Whether the line before `pos` (a line start) is blank. */
function afterBlankLine(input: Input, pos: number, floor: number): boolean {
  return BLANK_BEFORE.test(input.read(Math.max(floor, pos - 64), pos));
}

/** The body parse: sections taken whole from the previous parse where unchanged, the rest parsed. */
export class SectionedParse {
  stoppedAt: number | null = null;
  readonly sections: Section[] = [];
  private pos: number;
  private current: { parse: PartialParse; to: number } | null = null;
  private readonly reusable = new Map<number, Section>();
  /** The previous parse's section trees as fragments, for markdown's own reuse inside an edited section. */
  private readonly inner: TreeFragment[] = [];

  constructor(
    private readonly input: Input,
    fragments: readonly TreeFragment[],
    private readonly from: number,
    private readonly to: number,
    private readonly content: Parser,
    private readonly options: SectionOptions,
    private readonly types: { body: NodeType; section: NodeType },
  ) {
    this.pos = from;
    for (const frag of fragments) this.collect(frag);
  }

  /** The end of the last whole section: what may be kept of this parse if it stops now. */
  get parsedPos(): number {
    return this.pos;
  }

  stopAt(pos: number): void {
    this.stoppedAt = pos;
  }

  private get finished(): boolean {
    return this.pos >= this.to || (this.stoppedAt !== null && this.pos >= this.stoppedAt);
  }

  /** One step; true once the body is parsed (or stopped). */
  advance(): boolean {
    if (this.current) {
      if (this.finished) {
        this.current = null;
        return true;
      }
      const tree = this.current.parse.advance();
      if (!tree) return false;
      const end = this.current.to;
      if (end < this.to && !endsBeforeBlank(tree, this.pos, end, this.input)) {
        // Something open (a fence) runs over the cut: the section goes on to the next one.
        this.startSection(this.nextCut(end + 1));
        return false;
      }
      this.sections.push({ from: this.pos, to: end, tree });
      this.pos = end;
      this.current = null;
    }
    for (let old = this.reusable.get(this.pos); old && !this.finished; old = this.reusable.get(this.pos)) {
      this.sections.push(old);
      this.pos = old.to;
    }
    if (this.finished) return true;
    this.startSection(this.nextCut(this.pos + this.options.minChars));
    return false;
  }

  /** Body(Section*): each section a node holding its markdown tree, as long as the parse got. */
  tree(): Tree {
    const { body, section } = this.types;
    const children = this.sections.map(
      (s) => new Tree(section, [], [], s.to - s.from, [[NodeProp.mounted, new MountedTree(s.tree, null, this.content)]]),
    );
    return new Tree(body, children, this.sections.map((s) => s.from - this.from), this.pos - this.from);
  }

  private startSection(to: number): void {
    const from = this.pos;
    const fragments = this.inner.filter((f) => f.from < to && f.to > from);
    this.current = { parse: this.content.startParse(this.input, fragments, [{ from, to }]), to };
  }

  /** The first cut line starting at or after `at`, or the end of the body. */
  private nextCut(at: number): number {
    let scan = at - 1; // each line break from here on is followed by a line start
    let chunk = 16384;
    while (scan < this.to) {
      const end = Math.min(this.to, scan + chunk);
      const text = this.input.read(scan, end);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        const start = scan + i + 1;
        if (start >= this.to) return this.to;
        if (this.isCut(start)) return start;
      }
      scan = end;
      chunk = Math.min(chunk * 2, 1 << 20);
    }
    return this.to;
  }

  private isCut(pos: number): boolean {
    const head = this.input.read(pos, Math.min(this.to, pos + HASH_CHARS)).split('\n')[0]!;
    if (!START.test(head) || hash(head) % this.options.every !== 0) return false;
    return afterBlankLine(this.input, pos, this.from);
  }

  /** The sections of a previous parse that this text still holds unchanged, with their new positions. */
  private collect(frag: TreeFragment): void {
    const found = findChild(frag.tree, this.types.body);
    if (!found) return;
    const { tree: body, pos } = found;
    for (let i = 0; i < body.children.length; i++) {
      const node = body.children[i];
      if (!(node instanceof Tree) || node.type !== this.types.section) continue;
      const mount = node.prop(NodeProp.mounted);
      if (!mount || mount.parser !== this.content) continue;
      const from = pos + body.positions[i]! - frag.offset;
      const to = from + node.length;
      // What of it lies in the unchanged fragment (positions in its tree are relative to `from`).
      const start = Math.max(frag.from, from);
      const end = Math.min(frag.to, to);
      if (start < end) this.inner.push(new TreeFragment(start, end, mount.tree, -from, frag.from > from || frag.openStart, frag.to < to || frag.openEnd));
      // Unchanged: the section, and the start of the cut line after it (its hash); or it ran to
      // the end of the text and still does.
      if (from < this.from || to > this.to) continue;
      if (frag.from > from || frag.to < Math.min(this.to, to + HASH_CHARS)) continue;
      this.reusable.set(from, { from, to, tree: mount.tree });
    }
  }
}

/** The first node of `type` in `tree`, with its position (our trees: Document › Body). */
function findChild(tree: Tree, type: NodeType): { tree: Tree; pos: number } | null {
  for (let i = 0; i < tree.children.length; i++) {
    const child = tree.children[i];
    if (child instanceof Tree && child.type === type) return { tree: child, pos: tree.positions[i]! };
  }
  return null;
}

/** Whether the section's last block ended before the blank line in front of the cut at `end`. */
function endsBeforeBlank(tree: Tree, from: number, end: number, input: Input): boolean {
  const cursor = tree.cursor();
  if (!cursor.lastChild()) return true;
  const tail = input.read(from + cursor.to, end);
  return /\n[ \t]*\r?\n/.test(tail);
}
