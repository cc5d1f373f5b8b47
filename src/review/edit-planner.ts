import { isMap, isScalar, isSeq, type CST, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FieldPath } from './review-check';
import {
  blockLines,
  fitsOnOneLine,
  flowText,
  isPlainValue,
  keyText,
  preferredType,
  scalarText,
  valueAfterKey,
  type Plain,
  type WriteOptions,
} from './yaml-text';

/** Replace `from`–`to` of the whole file with `insert`. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The edit cannot be made without touching more than its field; the message says why. */
export class EditRefused extends Error {}

type Collection = YAMLMap | YAMLSeq;
type Span = { start: number; end: number };

/** Where a node sits: the collection holding it and its index there (null for the root). */
interface Place {
  node: Node | null;
  parent: Collection | null;
  index: number;
  path: FieldPath;
}

/**
 * Turns one edit of the front matter's data into text changes that touch only that field's
 * lines. Works from the node ranges and parser tokens of the `yaml` Document; everything outside
 * the changed ranges (comments, quoting, flow or block style, line breaks) is left as it was.
 */
export class EditPlanner {
  readonly changes: TextChange[] = [];

  constructor(
    private readonly yaml: string,
    /** Offset of the YAML text in the whole file. */
    private readonly base: number,
    private readonly doc: Document.Parsed,
    private readonly options: WriteOptions,
    private readonly fieldOrder: (path: FieldPath) => readonly string[] | null,
  ) {}

  set(path: FieldPath, value: unknown): void {
    if (value === undefined) return this.remove(path);
    const found = this.locate(path);
    if (found.place.path.length === path.length) return this.replace(found.place, value);
    const { place } = found;
    const rest = path.slice(place.path.length);
    const node = place.node;
    if (node === null && place.path.length > 0) throw new EditRefused('That field has no place in the text to change.');
    if (node === null || isMap(node)) return this.insertPair(node as YAMLMap | null, place.path, String(rest[0]), build(rest.slice(1), value));
    if (isSeq(node) && rest[0] === node.items.length) return this.insertItem(place, node.items.length, build(rest.slice(1), value));
    // A scalar where a group of fields belongs (`film:` left empty, or `film: ~`).
    return this.replace(place, build(rest, value));
  }

  remove(path: FieldPath): void {
    const { place } = this.locate(path);
    if (place.path.length !== path.length || !place.parent) return;
    const { parent, index } = place;
    // The last line of a block list or record would leave `key:` (null): write `key: []` instead.
    if (!parent.flow && parent.items.length === 1 && parent !== this.doc.contents) {
      return this.replace(this.locate(path.slice(0, -1)).place, isMap(parent) ? {} : []);
    }
    this.removeAt(parent, index);
  }

  private removeAt(parent: Collection, index: number): void {
    if (parent.flow) return this.removeFlowItem(parent, index);
    const span = isMap(parent) ? this.pairLines(parent, index) : this.itemLines(parent, index);
    this.change(span.start, span.end, '');
  }

  insert(path: FieldPath, index: number, value: unknown): void {
    const { place } = this.locate(path);
    const node = place.path.length === path.length ? place.node : null;
    if (!isSeq(node) || (isScalar(node) && node.value === null)) return this.set(path, [value]);
    this.insertItem(place, index, value);
  }

  move(path: FieldPath, from: number, to: number): void {
    const { place } = this.locate(path);
    const seq = place.node;
    if (!isSeq(seq) || from === to) return;
    const spans = seq.items.map((_, i) => (seq.flow ? this.flowItem(seq, i) : this.itemLines(seq, i)));
    const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
    const order = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
    order.splice(to - lo, 0, ...order.splice(from - lo, 1));
    let text = '';
    order.forEach((item, k) => {
      text += this.yaml.slice(spans[item]!.start, spans[item]!.end);
      if (k < order.length - 1) text += this.yaml.slice(spans[lo + k]!.end, spans[lo + k + 1]!.start);
    });
    this.change(spans[lo]!.start, spans[hi]!.end, text);
  }

  // --- finding nodes -------------------------------------------------------------------------

  /** The deepest node along `path` that exists. */
  private locate(path: FieldPath): { place: Place } {
    let place: Place = { node: this.doc.contents, parent: null, index: -1, path: [] };
    for (const segment of path) {
      const node = place.node;
      let next: Place | null = null;
      if (isMap(node) && typeof segment === 'string') {
        const index = node.items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === segment);
        if (index >= 0) next = { node: (node.items[index]!.value as Node | null) ?? null, parent: node, index, path: [...place.path, segment] };
      } else if (isSeq(node) && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
        next = { node: node.items[segment] as Node, parent: node, index: segment, path: [...place.path, segment] };
      }
      if (!next) break;
      place = next;
    }
    return { place };
  }

  // --- replacing values ----------------------------------------------------------------------

  private replace(place: Place, value: unknown): void {
    const { node } = place;
    if (isScalar(node) && isPlainValue(value)) return this.replaceScalar(node, value, place);
    if (isMap(node) && isRecord(value) && Object.keys(value).length > 0) return this.mergeMap(node, place.path, value);
    if (isSeq(node) && Array.isArray(value) && value.length > 0 && value.length === node.items.length) {
      value.forEach((item, i) => this.set([...place.path, i], item));
      return;
    }
    if (!node || !node.range) throw new EditRefused('That field has no place in the text to change.');
    const [start, valueEnd] = node.range;
    const inFlow = this.inFlow(place);
    const isBlock = (isMap(node) || isSeq(node)) && !node.flow;
    const sharesLine = !/^[ \t]*$/.test(this.yaml.slice(this.lineStart(start), start));
    if (inFlow || fitsOnOneLine(value)) {
      const text = flowText(value, this.options, preferredType(place.path.at(-1)));
      if (!isBlock) return this.replaceInline(start, valueEnd, text);
      if (sharesLine) return this.change(start, this.blockEnd(node), text + this.options.newline);
      // A block list or record moves up onto its key's line: `key: []`.
      const colon = this.colonOf(place);
      this.change(colon + 1, colon + 1, ` ${text}`);
      return this.change(this.lineStart(start), this.blockEnd(node), '');
    }
    const indent = isBlock && !sharesLine ? this.column(start) : this.contentColumn(start) + this.options.indentUnit;
    const lines = blockLines(value, indent, this.options);
    if (isBlock && !sharesLine) {
      return this.change(start, this.blockEnd(node), lines.join(this.options.newline).slice(indent) + this.options.newline);
    }
    // A scalar (often an empty `film:`) becomes block lines under its key.
    this.change(start, valueEnd, '');
    const end = this.lineEnd(start);
    this.change(end, end, lines.map((line) => this.options.newline + line).join(''));
  }

  private replaceScalar(node: Scalar, value: Plain, place: Place): void {
    if (node.value === value || !node.range) return;
    const [start, end] = node.range;
    const type = typeof value === 'string' ? (node.source === '' ? preferredType(place.path.at(-1)) : node.type) : undefined;
    const text = scalarText(value, { type, inFlow: this.inFlow(place), indent: this.contentColumn(start) }, this.options);
    const wasBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    const isBlock = /^[|>]/.test(text);
    if (wasBlock && !isBlock) return this.change(start, end, text + this.options.newline);
    this.replaceInline(start, end, text);
  }

  /** Replaces a flow value; an empty one (`key:`) gets the spaces YAML needs around it. */
  private replaceInline(start: number, end: number, text: string): void {
    const aligned = /^( {2,})#/.exec(this.yaml.slice(end, end + 200));
    if (start < end && aligned) {
      // Keep a comment lined up with its neighbours: take the length change out of the spaces.
      const spaces = aligned[1]!.length;
      const growth = text.length - (end - start);
      const shift = growth < 0 ? growth : Math.min(growth, spaces - 1);
      if (shift > 0) return this.change(start, end + shift, text);
      return this.change(start, end, text + ' '.repeat(-shift));
    }
    if (start < end) return this.change(start, end, text);
    const before = /[ \t]/.test(this.yaml[start - 1] ?? ' ') ? '' : ' ';
    const after = this.yaml[start] === '#' ? ' ' : '';
    this.change(start, end, before + text + after);
  }

  private mergeMap(map: YAMLMap, path: FieldPath, value: Record<string, unknown>): void {
    const keys = new Set(Object.keys(value));
    map.items.forEach((pair, i) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key !== null && !keys.has(key)) this.removeAt(map, i);
    });
    for (const [key, child] of Object.entries(value)) this.set([...path, key], child);
  }

  // --- adding --------------------------------------------------------------------------------

  private insertPair(map: YAMLMap | null, path: FieldPath, key: string, value: unknown): void {
    const { newline } = this.options;
    if (!map || map.items.length === 0) {
      if (map?.flow && map.range) return this.change(map.range[0] + 1, map.range[0] + 1, `${keyText(key, this.options)}: ${flowText(value, this.options, preferredType(key))}`);
      if (map) throw new EditRefused('That group of fields is written in a way Intertitle cannot edit.');
      // The root of an empty front matter (or one of comments only).
      const at = this.yaml.length;
      const lead = at > 0 && !this.yaml.endsWith('\n') ? newline : '';
      return this.change(at, at, `${lead}${keyText(key, this.options)}:${valueAfterKey(key, value, 0, this.options)}${newline}`);
    }
    const order = this.fieldOrder(path) ?? [];
    const rank = (name: string) => order.indexOf(name);
    const names = map.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
    const own = rank(key);
    let after = -1;
    let before = -1;
    if (own >= 0) {
      names.forEach((name, i) => {
        if (rank(name) >= 0 && rank(name) < own) after = i;
      });
      if (after < 0) before = names.findIndex((name) => rank(name) > own);
    }
    if (after < 0 && before < 0) after = map.items.length - 1;
    if (map.flow) {
      const text = `${keyText(key, this.options)}: ${flowText(value, this.options, preferredType(key))}`;
      if (after >= 0) {
        const end = this.flowItem(map, after).end;
        return this.change(end, end, `, ${text}`);
      }
      const start = this.flowItem(map, before).start;
      return this.change(start, start, `${text}, `);
    }
    const first = this.keyStart(map.items[0]!);
    const indent = this.column(first);
    const line = `${' '.repeat(indent)}${keyText(key, this.options)}:${valueAfterKey(key, value, indent, this.options)}${newline}`;
    // The first field of a record in a block list shares the dash's line: add after it instead.
    if (before >= 0 && !/^[ \t]*$/.test(this.yaml.slice(this.lineStart(this.keyStart(map.items[before]!)), this.keyStart(map.items[before]!)))) {
      after = before;
      before = -1;
    }
    const at = after >= 0 ? this.pairLines(map, after).end : this.pairLines(map, before).start;
    const lead = at === this.yaml.length && !this.yaml.endsWith('\n') ? newline : '';
    this.change(at, at, lead + line);
  }

  private insertItem(place: Place, index: number, value: unknown): void {
    const seq = place.node as YAMLSeq;
    const count = seq.items.length;
    if (index < 0 || index > count) throw new EditRefused('There is no such place in the list.');
    const last = seq.items[count - 1];
    const siblingType = isScalar(last) && typeof last.value === 'string' ? last.type : preferredType(place.path.at(-1));
    if (seq.flow) {
      const text = flowText(value, this.options, siblingType);
      if (count === 0) return this.change(seq.range![0] + 1, seq.range![0] + 1, text);
      if (index === count) {
        const end = this.flowItem(seq, count - 1).end;
        return this.change(end, end, `, ${text}`);
      }
      const start = this.flowItem(seq, index).start;
      return this.change(start, start, `${text}, `);
    }
    const dash = this.dashOf(seq, 0);
    const pad = ' '.repeat(this.column(dash));
    let lines: string[];
    if (isRecord(value) && Object.keys(value).length > 0 && isMap(last) && !last.flow) {
      // Match records written as block lines under the dash.
      const inner = blockLines(value, this.column(dash) + 2, this.options);
      lines = inner.map((line, i) => (i === 0 ? `${pad}- ${line.trimStart()}` : line));
    } else {
      lines = [`${pad}- ${flowText(value, this.options, siblingType)}`];
    }
    const at = index === count ? this.itemLines(seq, count - 1).end : this.itemLines(seq, index).start;
    this.change(at, at, lines.map((line) => line + this.options.newline).join(''));
  }

  private removeFlowItem(parent: Collection, index: number): void {
    const count = parent.items.length;
    const item = this.flowItem(parent, index);
    if (count === 1) return this.change(item.start, item.end, '');
    if (index < count - 1) return this.change(item.start, this.flowItem(parent, index + 1).start, '');
    this.change(this.flowItem(parent, index - 1).end, item.end, '');
  }

  // --- positions -----------------------------------------------------------------------------

  private change(from: number, to: number, insert: string): void {
    if (from === to && insert === '') return;
    this.changes.push({ from: this.base + from, to: this.base + to, insert });
  }

  private inFlow(place: Place): boolean {
    return Boolean(place.parent?.flow) || this.ancestorsFlow(place.path);
  }

  private ancestorsFlow(path: FieldPath): boolean {
    for (let i = 1; i < path.length; i++) {
      const node = this.locate(path.slice(0, i)).place.node;
      if ((isMap(node) || isSeq(node)) && node.flow) return true;
    }
    return false;
  }

  private keyStart(pair: Pair): number {
    const key = pair.key as Node | null;
    if (!key?.range) throw new EditRefused('A field without a name cannot be edited here.');
    return key.range[0];
  }

  /** Start and end of item `i` of a flow collection, without the commas around it. */
  private flowItem(collection: Collection, i: number): Span {
    const item = collection.items[i];
    if (isMap(collection)) {
      const pair = item as Pair;
      const end = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node | null)?.range?.[1];
      if (end === undefined) throw new EditRefused('That record is written in a way Intertitle cannot edit.');
      return { start: this.keyStart(pair), end };
    }
    const node = item as Node;
    if (!node.range) throw new EditRefused('That list is written in a way Intertitle cannot edit.');
    return { start: node.range[0], end: node.range[1] };
  }

  /** The whole lines of pair `i` of a block map: its key line through its value's last line. */
  private pairLines(map: YAMLMap, i: number): Span {
    const pair = map.items[i]!;
    const key = this.keyStart(pair);
    const value = pair.value as Node | null;
    const end = value?.range ? value.range[1] : (pair.key as Node).range![1];
    return { start: this.lineStart(key), end: this.throughLineEnd(end) };
  }

  /** The whole lines of item `i` of a block list, from its dash. */
  private itemLines(seq: YAMLSeq, i: number): Span {
    const dash = this.dashOf(seq, i);
    const start = this.lineStart(dash);
    if (!/^[ \t]*$/.test(this.yaml.slice(start, dash))) throw new EditRefused('Lists inside lists on one line cannot be edited here.');
    const node = seq.items[i] as Node | null;
    return { start, end: this.throughLineEnd(node?.range ? node.range[1] : dash + 1) };
  }

  private dashOf(seq: YAMLSeq, i: number): number {
    const token = seq.srcToken as CST.BlockSequence | undefined;
    const dash = token?.items[i]?.start.find((t) => t.type === 'seq-item-ind');
    if (!dash) throw new EditRefused('That list is written in a way Intertitle cannot edit.');
    return dash.offset;
  }

  /** The colon of the field holding `place`'s value, in a block map. */
  private colonOf(place: Place): number {
    const parent = place.parent;
    const token = parent?.srcToken as CST.BlockMap | undefined;
    const colon = token?.items?.[place.index]?.sep?.find((t) => t.type === 'map-value-ind');
    if (!colon) throw new EditRefused('That field is written in a way Intertitle cannot edit.');
    return colon.offset;
  }

  private blockEnd(node: Node): number {
    return this.throughLineEnd(node.range![1]);
  }

  /** `offset` if it already starts a line, else the start of the next line. */
  private throughLineEnd(offset: number): number {
    if (offset === 0 || this.yaml[offset - 1] === '\n') return offset;
    const newline = this.yaml.indexOf('\n', offset);
    return newline < 0 ? this.yaml.length : newline + 1;
  }

  private lineStart(offset: number): number {
    return this.yaml.lastIndexOf('\n', offset - 1) + 1;
  }

  /** End of the line's text, before its line break. */
  private lineEnd(offset: number): number {
    const newline = this.yaml.indexOf('\n', offset);
    if (newline < 0) return this.yaml.length;
    return this.yaml[newline - 1] === '\r' ? newline - 1 : newline;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Column where the line's text starts (after indentation and any list dashes). */
  private contentColumn(offset: number): number {
    const start = this.lineStart(offset);
    const indent = /^[ \t-]*/.exec(this.yaml.slice(start, offset))![0].length;
    return indent;
  }
}

function build(rest: FieldPath, value: unknown): unknown {
  if (rest.length === 0) return value;
  const [head, ...tail] = rest;
  if (typeof head === 'number') {
    if (head !== 0) throw new EditRefused('There is no such place in the list.');
    return [build(tail, value)];
  }
  return { [head!]: build(tail, value) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
