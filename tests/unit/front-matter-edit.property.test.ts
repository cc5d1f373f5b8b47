import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { applyChanges, editFrontMatter, type FieldPath, type FrontMatterEdit } from '../../src/review/front-matter-edit';
import { parseFrontMatter } from '../../src/review/front-matter';

/*
 * Random front matter written the ways critics write it (comments, plain and quoted strings, flow
 * and block lists and records, LF or CRLF), a random sidebar edit, and three promises: the file
 * reads back as the edited data, only the edited field's lines differ, and line breaks stay.
 */

type Scalar = { kind: 'scalar'; value: string | number | boolean; quote: 'plain' | 'double' | 'single'; comment: string | null };
type List = { kind: 'list'; items: Model[]; flow: boolean };
type Record_ = { kind: 'map'; entries: Array<[string, Model]>; flow: boolean };
type Model = Scalar | List | Record_;

const words = ['Max', 'Schreck', 'Count Orlok', 'Ellen', 'Hutter', 'Knock', 'Wisborg', 'Greta', 'Schröder', 'Дорогие', 'Murnau', 'silent film', 'O’Brien'];
const comments = ['note', 'out of 5', 'check this', 'draft | ready | published', 'минуты'];

const arbComment = fc.option(fc.constantFrom(...comments), { nil: null, freq: 2 });
const arbText: fc.Arbitrary<Scalar> = fc.record({
  kind: fc.constant('scalar' as const),
  value: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  quote: fc.constantFrom('plain' as const, 'double' as const, 'single' as const),
  comment: arbComment,
});
const arbNumber: fc.Arbitrary<Scalar> = fc.record({
  kind: fc.constant('scalar' as const),
  value: fc.oneof(fc.integer({ min: 1, max: 2100 }), fc.integer({ min: 0, max: 10 }).map((n) => n / 2)),
  quote: fc.constant('plain' as const),
  comment: arbComment,
});
const arbScalar = fc.oneof({ arbitrary: arbText, weight: 3 }, { arbitrary: arbNumber, weight: 1 });
const arbTextList: fc.Arbitrary<List> = fc.record({
  kind: fc.constant('list' as const),
  items: fc.array(arbText.map((s) => ({ ...s, comment: null })), { minLength: 1, maxLength: 4 }),
  flow: fc.boolean(),
});
const arbPerson: fc.Arbitrary<Record_> = fc.record({
  kind: fc.constant('map' as const),
  entries: fc.tuple(arbText, arbText).map(([name, character]): Array<[string, Model]> => [
    ['name', { ...name, comment: null }],
    ['character', { ...character, comment: null }],
  ]),
  flow: fc.constant(true),
});
const arbCast: fc.Arbitrary<List> = fc.record({
  kind: fc.constant('list' as const),
  items: fc.array(arbPerson, { minLength: 1, maxLength: 4 }),
  flow: fc.constant(false),
});

function arbMap(fields: Record<string, fc.Arbitrary<Model>>, flow: fc.Arbitrary<boolean>): fc.Arbitrary<Record_> {
  const keys = Object.keys(fields);
  return fc
    .tuple(fc.subarray(keys, { minLength: 1 }), fc.record(fields), flow)
    .chain(([chosen, values, isFlow]) =>
      fc.shuffledSubarray(chosen, { minLength: chosen.length }).map((order): Record_ => ({
        kind: 'map',
        // Flow records hold no comments and only flow values.
        entries: order.map((key) => [key, isFlow ? flowOnly(values[key]!) : values[key]!]),
        flow: isFlow,
      })),
    );
}

const flowOnly = (model: Model): Model =>
  model.kind === 'scalar' ? { ...model, comment: null } : { ...model, flow: true, ...(model.kind === 'list' ? { items: model.items.map(flowOnly) } : {}) } as Model;

const arbFilm = arbMap({ title: arbText, year: arbNumber, directors: arbTextList, cast: arbCast, countries: arbTextList, ids: arbMap({ tmdb: arbNumber, imdb: arbText }, fc.boolean()) }, fc.constant(false));
const arbRoot = arbMap({ title: arbText, status: arbText, rating: arbNumber, tags: arbTextList, summary: arbScalar, film: arbFilm }, fc.constant(false));

// --- writing the model as YAML ----------------------------------------------------------------

function scalarText(s: Scalar): string {
  if (typeof s.value !== 'string' || s.quote === 'plain') return String(s.value);
  return s.quote === 'double' ? JSON.stringify(s.value) : `'${s.value.replaceAll("'", "''")}'`;
}

function flowText(m: Model): string {
  if (m.kind === 'scalar') return scalarText(m);
  if (m.kind === 'list') return `[${m.items.map(flowText).join(', ')}]`;
  return `{${m.entries.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

function blockLines(m: Record_, indent: number, withComments: boolean[]): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of m.entries) {
    if (withComments.shift()) lines.push(`${pad}# about ${key}`);
    if (value.kind === 'scalar') lines.push(`${pad}${key}: ${scalarText(value)}${value.comment ? `   # ${value.comment}` : ''}`);
    else if (value.flow) lines.push(`${pad}${key}: ${flowText(value)}`);
    else if (value.kind === 'list') lines.push(`${pad}${key}:`, ...value.items.map((item) => `${pad}  - ${flowText(item)}`));
    else lines.push(`${pad}${key}:`, ...blockLines(value, indent + 2, withComments));
  }
  return lines;
}

const arbSource = fc
  .tuple(arbRoot, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.boolean())
  .map(([root, withComments, crlf]) => {
    const text = ['---', ...blockLines(root, 0, withComments), '---', '', 'The body.', ''].join('\n');
    return crlf ? text.replaceAll('\n', '\r\n') : text;
  });

// --- random edits -----------------------------------------------------------------------------

const specialStrings = ['', 'true', '1917', 'null', '~', 'a: b', 'x # y', '- dash', '[x]', '{y}', "it's", 'say "hi"', '  lead', 'tail ', '#hash', '@at', '%pc', '!bang', '&amp', '*star', '|pipe', '>gt', '? q', 'Дорогие товарищи!', 'tab\there', 'two\nlines', 'back\\slash', 'a, b'];
const arbValue = fc.oneof(
  fc.constantFrom(...specialStrings),
  fc.constantFrom(...words),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -5, max: 3000 }),
  fc.boolean(),
);
const arbNewValue = fc.oneof(
  arbValue,
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
  fc.array(fc.record({ name: fc.constantFrom(...words), character: arbValue }), { minLength: 1, maxLength: 2 }),
  fc.record({ tmdb: fc.integer({ min: 1, max: 99999 }) }),
);

interface Shape {
  scalars: FieldPath[];
  lists: Array<{ path: FieldPath; length: number }>;
  removable: FieldPath[];
  missing: FieldPath[];
}

function shapeOf(data: Record<string, unknown>): Shape {
  const shape: Shape = { scalars: [], lists: [], removable: [], missing: [] };
  const pool = ['title', 'date', 'slug', 'editors', 'genres', 'runtime', 'ids', 'wikidata', 'letterboxd'];
  const walk = (value: unknown, path: FieldPath) => {
    if (path.length > 0) shape.removable.push(path);
    if (Array.isArray(value)) {
      shape.lists.push({ path, length: value.length });
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const key of pool) if (!(key in value)) shape.missing.push([...path, key]);
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    } else {
      shape.scalars.push(path);
    }
  };
  walk(data, []);
  return shape;
}

function arbEdit(shape: Shape): fc.Arbitrary<FrontMatterEdit> {
  const options: Array<fc.Arbitrary<FrontMatterEdit>> = [];
  if (shape.scalars.length) options.push(fc.tuple(fc.constantFrom(...shape.scalars), arbValue).map(([path, value]) => ({ kind: 'set', path, value })));
  if (shape.missing.length) options.push(fc.tuple(fc.constantFrom(...shape.missing), arbNewValue).map(([path, value]) => ({ kind: 'set', path, value })));
  if (shape.removable.length) options.push(fc.constantFrom(...shape.removable).map((path) => ({ kind: 'remove', path })));
  if (shape.lists.length) {
    const list = fc.constantFrom(...shape.lists);
    options.push(list.chain(({ path, length }) => fc.tuple(fc.integer({ min: 0, max: length }), arbNewValue).map(([index, value]) => ({ kind: 'insert', path, index, value }))));
    options.push(list.chain(({ path, length }) => fc.tuple(fc.nat(length - 1), fc.nat(length - 1)).map(([from, to]) => ({ kind: 'move', path, from, to }))));
  }
  return fc.oneof(...options);
}

// --- what the edit should do, computed independently ------------------------------------------

function expectedData(data: Record<string, unknown>, edit: FrontMatterEdit): unknown {
  const root = structuredClone(data);
  const parentOf = (path: FieldPath) => path.slice(0, -1).reduce<any>((node, key) => node[key], root);
  const last = edit.path.at(-1)!;
  if (edit.kind === 'set') parentOf(edit.path)[last] = edit.value;
  else if (edit.kind === 'remove') {
    const parent = parentOf(edit.path);
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const list = parentOf(edit.path)[last] as unknown[];
    if (edit.kind === 'insert') list.splice(edit.index, 0, edit.value);
    else list.splice(edit.to, 0, ...list.splice(edit.from, 1));
  }
  return root;
}

/** Lines of the old text the edit may touch: the edited node's, from its key's line. */
function allowedLines(source: string, edit: FrontMatterEdit): [number, number] {
  const yamlStart = source.indexOf('\n') + 1;
  const yaml = source.slice(yamlStart, source.indexOf('\n---', yamlStart) + 1);
  const doc = parseDocument(yaml, { keepSourceTokens: true });
  let path = edit.kind === 'set' || edit.kind === 'remove' ? edit.path : edit.path;
  const lineOf = (offset: number) => source.slice(0, yamlStart + offset).split('\n').length - 1;
  const find = (p: FieldPath) => doc.getIn(p, true) as Node | undefined;
  while (path.length > 0 && !find(path)) path = path.slice(0, -1);
  // Removing the last item of a block list or record rewrites its key line as `key: []`.
  const parent = path.length > 0 ? (path.length === 1 ? doc.contents : find(path.slice(0, -1))) : null;
  if (edit.kind === 'remove' && (isSeq(parent) || isMap(parent)) && parent.items.length === 1 && path.length > 1) path = path.slice(0, -1);
  const node = path.length === 0 ? doc.contents : find(path);
  const [start, end] = node!.range!;
  let first = lineOf(start);
  const key = path.at(-1);
  const holder = path.length === 0 ? null : path.length === 1 ? doc.contents : find(path.slice(0, -1));
  if (typeof key === 'string' && isMap(holder)) {
    const pair = holder.items.find((p) => (p.key as { value?: unknown }).value === key);
    first = Math.min(first, lineOf((pair!.key as Node).range![0]));
  }
  return [first, lineOf(Math.max(start, end - 1))];
}

function changedOldLines(before: string, after: string): [number, number] {
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return [prefix, a.length - suffix - 1];
}

describe('sidebar edits on random front matter', () => {
  test('read back as the edited data, touch only the field’s lines, keep line breaks', () => {
    fc.assert(
      fc.property(
        arbSource.chain((source) => fc.tuple(fc.constant(source), arbEdit(shapeOf(parseFrontMatter(source).data!)))),
        ([source, edit]) => {
          const before = parseFrontMatter(source);
          expect(before.error).toBeNull();
          const result = editFrontMatter(source, edit);
          if (!result.ok) throw new Error(`${result.message}\n${source}\n${JSON.stringify(edit)}`);
          const after = applyChanges(source, result.changes);
          const reread = parseFrontMatter(after);
          expect(reread.error).toBeNull();
          expect(reread.data).toEqual(expectedData(before.data!, edit));
          expect(reread.block.body).toBe(before.block.body);

          const [first, last] = changedOldLines(source, after);
          if (first <= last) {
            const [from, to] = allowedLines(source, edit);
            expect(first, `${source}\n${after}`).toBeGreaterThanOrEqual(from);
            expect(last, `${source}\n${after}`).toBeLessThanOrEqual(to);
          }
          if (source.includes('\r\n')) expect(after).not.toMatch(/(?<!\r)\n/);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('setting a field to the value it has changes nothing', () => {
    fc.assert(
      fc.property(
        arbSource.chain((source) => {
          const data = parseFrontMatter(source).data!;
          const paths = [...shapeOf(data).scalars, ...shapeOf(data).lists.map((l) => l.path)];
          return fc.tuple(fc.constant(source), fc.constantFrom(...paths));
        }),
        ([source, path]) => {
          const data = parseFrontMatter(source).data!;
          const value = path.reduce<any>((node, key) => node[key], data);
          expect(editFrontMatter(source, { kind: 'set', path, value })).toEqual({ ok: true, changes: [] });
        },
      ),
      { numRuns: 200 },
    );
  });
});
