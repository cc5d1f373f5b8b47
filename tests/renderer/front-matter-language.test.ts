import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { yamlLanguage } from '@codemirror/lang-yaml';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { IterMode, NodeProp, type Tree } from '@lezer/common';
import { classHighlighter, highlightTree } from '@lezer/highlight';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import type { SectionOptions } from '../../renderer/editor/body-sections';
import { findFrontMatter, frontMatter } from '../../renderer/editor/front-matter-language';
import { splitFrontMatter } from '../../src/review/front-matter';

/**
 * The editor's parse of `doc`, finished (as the view's background parsing would: a busy machine
 * leaves the first parse of a new state unfinished), in the state's own syntax tree.
 */
function parsed(doc: string | EditorState, sections?: SectionOptions): EditorState {
  const state = typeof doc === 'string' ? EditorState.create({ doc, extensions: frontMatter({ content: markdown({ base: markdownLanguage }), sections }) }) : doc;
  ensureSyntaxTree(state, state.doc.length, 1e9);
  const done = state.update({}).state;
  expect(syntaxTree(done).length).toBe(done.doc.length);
  return done;
}

const treeOf = (state: EditorState) => syntaxTree(state);

/** Every node, nested languages included, as `Name from-to`. */
function nodes(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({ enter: (node) => void out.push(`${node.name} ${node.from}-${node.to}`) });
  return out;
}

/** The highlighting classes over `text` in the parsed state. */
function classesAt(state: EditorState, text: string, after = 0): string[] {
  const from = state.doc.toString().indexOf(text, after);
  if (from < 0) throw new Error(`no ${text} in the document`);
  const found = new Set<string>();
  highlightTree(treeOf(state), classHighlighter, (start, end, classes) => {
    if (start < from + text.length && end > from) found.add(classes);
  });
  return [...found];
}

/** What the preview and the sidebar read as YAML: the text between the fences. */
function yamlOf(text: string): string | null {
  const span = findFrontMatter((from, to) => text.slice(from, to), text.length, 8);
  return span ? text.slice(span.content.from, span.content.to) : null;
}

describe('findFrontMatter agrees with splitFrontMatter', () => {
  const cases: Array<[string, string]> = [
    ['LF', '---\ntitle: A\n---\nBody\n'],
    ['CRLF', '---\r\ntitle: A\r\n---\r\nBody\r\n'],
    ['a BOM', '\uFEFF---\ntitle: A\n---\nBody'],
    ['trailing spaces on the fences', '---  \ntitle: A\n--- \t\nBody'],
    ['a `...` closing fence', '---\ntitle: A\n...\nBody'],
    ['empty front matter', '---\n---\nBody'],
    ['the closing fence ends the file', '---\na: 1\n---'],
    ['no closing fence: all body', '---\ntitle: A\nBody\n'],
    ['`---js` is not a fence', '---js\nmodule.exports = {}\n---\nBody'],
    ['a fence not on the first line', '\n---\na: 1\n---\n'],
    ['only an opening fence', '---'],
    ['an empty text', ''],
    ['a long first line', `${'word '.repeat(2000)}\n---\n`],
    ['a fence with many trailing spaces', `---${' '.repeat(40)}\na: 1\n---\nBody`],
    ['a front matter longer than the first window', `---\n${'key: value\n'.repeat(3000)}---\nBody`],
  ];
  test.each(cases)('%s', (_name, text) => {
    expect(yamlOf(text)).toBe(splitFrontMatter(text).yaml);
    const span = findFrontMatter((from, to) => text.slice(from, to), text.length);
    expect(span ? text.slice(span.content.from, span.content.to) : null).toBe(splitFrontMatter(text).yaml);
  });

  test('for any text made of fences, YAML and prose lines', () => {
    const line = fc.constantFrom('---', '--- ', '...', '---js', 'title: A', '', 'Prose.', '- item', '\uFEFF---');
    const text = fc.array(line, { maxLength: 8 }).chain((lines) => fc.constantFrom('\n', '\r\n').map((br) => lines.join(br)));
    fc.assert(fc.property(text, fc.boolean(), (source, trailing) => {
      const full = trailing ? `${source}\n` : source;
      expect(yamlOf(full)).toBe(splitFrontMatter(full).yaml);
    }));
  });

  test('reads only as far as the closing fence, however long the body', () => {
    const text = `---\ntitle: A\n---\n${'A paragraph of the review.\n\n'.repeat(40_000)}`;
    let furthest = 0;
    findFrontMatter((from, to) => ((furthest = Math.max(furthest, to)), text.slice(from, to)), text.length);
    expect(furthest).toBeLessThanOrEqual(4096);
  });
});

describe('the review language', () => {
  const review = '---\ntitle: "The party line"\nrating: 4.5\n# a comment\n---\n\n# Heading\n\nSome *prose* here.\n';

  test('highlights the front matter as YAML and the body as markdown', () => {
    const state = parsed(review);
    const at = (text: string) => review.indexOf(text) + 1;
    expect(yamlLanguage.isActiveAt(state, at('title'))).toBe(true);
    expect(yamlLanguage.isActiveAt(state, at('prose'))).toBe(false);
    expect(markdownLanguage.isActiveAt(state, at('prose'))).toBe(true);
    expect(classesAt(state, 'title')).toContain('tok-propertyName tok-definition');
    expect(classesAt(state, '"The party line"')).toContain('tok-string');
    expect(classesAt(state, '# a comment')).toContain('tok-comment');
    expect(classesAt(state, 'Heading')).toContain('tok-heading');
    expect(classesAt(state, 'prose')).toContain('tok-emphasis');
    // The fences are markup, not a markdown rule or a setext heading.
    expect(classesAt(state, '---')).toEqual(['tok-meta']);
    expect(classesAt(state, '---', 1)).toEqual(['tok-meta']);
    expect(nodes(treeOf(state)).filter((node) => /Setext|HorizontalRule/.test(node))).toEqual([]);
  });

  test.each([
    ['no closing fence', '---\ntitle: A\n\nSome prose.\n'],
    ['a `---js` block', '---js\nmodule.exports = {}\n---\nSome prose.\n'],
  ])('%s: all of it is markdown', (_name, text) => {
    const state = parsed(text);
    expect(yamlLanguage.isActiveAt(state, text.indexOf('module') + 1 || 5)).toBe(false);
    expect(nodes(treeOf(state)).some((node) => node.startsWith('Frontmatter'))).toBe(false);
  });

  test('after any edits, the tree is the one a fresh parse gives', () => {
    const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} with *emphasis* and a [link](https://example.org).\n\n`).join('');
    const start = `---\ntitle: A\ntags: [a, b]\n---\n\n${body}`;
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.constantFrom('x', '\n', '---\n', '*', ': ', '\n\n# H\n', '') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let state = parsed(start);
        for (const { at, remove, insert } of edits) {
          const from = at % (state.doc.length + 1);
          const to = Math.min(state.doc.length, from + remove);
          state = parsed(state.update({ changes: { from, to, insert } }).state);
        }
        expect(nodes(treeOf(state))).toEqual(nodes(treeOf(parsed(state.doc.toString()))));
      }),
      { numRuns: 60 },
    );
  });
});

describe('parsing in slices, as a busy editor does', () => {
  test('a parse stopped anywhere and resumed gives the tree of a parse in one go', () => {
    const body = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} with *emphasis*.\n\n`).join('');
    const text = `---\ntitle: A\ntags: [a, b]\n---\n\n${body}`;
    // Every time check says the slice is used up: the parse advances one step per slice.
    let now = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    let state: EditorState;
    try {
      state = EditorState.create({ doc: text, extensions: frontMatter({ content: markdown({ base: markdownLanguage }) }) });
      state = state.update({ changes: { from: text.length - 5, insert: 'x' } }).state;
    } finally {
      clock.mockRestore();
    }
    expect(nodes(treeOf(parsed(state)))).toEqual(nodes(treeOf(parsed(state.doc.toString()))));
  });
});

describe('the body in sections (as a long draft is parsed)', () => {
  // Small sections, so that a short text has many: about every second paragraph may end one.
  const small: SectionOptions = { minChars: 64, every: 2 };
  const words = ['Murnau', 'shadow', 'stairs', 'Orlok', 'Ellen', 'harbour', 'plague', 'window', '“Nosferatu”', 'dawn'];
  const body = Array.from({ length: 60 }, (_, i) => `${words[i % 10]} lingers in paragraph ${i}, *slowly*, then ${words[(i * 7) % 10]}.\n\n`).join('');
  const start = `---\ntitle: A\n---\n\n${body}`;
  /** The sections themselves (iterating enters each one's markdown tree in its place). */
  const sectionsOf = (state: EditorState) => {
    const out: string[] = [];
    treeOf(state).iterate({ mode: IterMode.IgnoreMounts, enter: (node) => void (node.name === 'Section' && out.push(`${node.from}-${node.to}`)) });
    return out;
  };

  test('a long body is cut into sections, and parses as the whole text would', () => {
    const state = parsed(start, small);
    expect(sectionsOf(state).length).toBeGreaterThan(5);
    // Inside the sections, the same markdown nodes as one parse of the whole body.
    const whole = parsed(start);
    const markdownNodes = (tree: Tree) => nodes(tree).filter((node) => !/^(Section|Body|Document) /.test(node));
    expect(markdownNodes(treeOf(state))).toEqual(markdownNodes(treeOf(whole)));
  });

  test('an edit re-parses its own section and takes the others whole', () => {
    const state = parsed(start, small);
    const at = start.indexOf('paragraph 30');
    const next = parsed(state.update({ changes: { from: at, insert: 'long ' } }).state);
    const mounts = (s: EditorState) => {
      const out = new Map<number, unknown>();
      treeOf(s).iterate({ mode: IterMode.IgnoreMounts, enter: (node) => void (node.name === 'Section' && out.set(node.from, node.tree?.prop(NodeProp.mounted)?.tree)) });
      return out;
    };
    const before = mounts(state);
    const after = mounts(next);
    let same = 0;
    for (const [from, tree] of after) if (before.get(from < at ? from : from - 5) === tree) same++;
    expect(after.size).toBe(before.size);
    expect(same).toBe(after.size - 1);
  });

  test('a fence opened in one section runs on over the cuts, as in one parse', () => {
    const at = start.indexOf('paragraph 20');
    const text = `${start.slice(0, at)}\n\n\`\`\`\n${start.slice(at)}`;
    const state = parsed(text, small);
    const whole = parsed(text);
    const fence = (s: EditorState) => nodes(treeOf(s)).filter((node) => node.startsWith('FencedCode'));
    expect(fence(state)).toEqual(fence(whole));
    expect(fence(state)[0]).toMatch(new RegExp(`-${text.length}$`));
  });

  test('after any edits, the sections and their trees are those of a fresh parse', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.constantFrom('x', '\n', '\n\n', '```\n', '\n\n```\n', '<!-- ', ' -->', '- ', '    ', 'Zebra crossing ', '---\n', ''),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        let state = parsed(start, small);
        for (const { at, remove, insert } of edits) {
          const from = at % (state.doc.length + 1);
          const to = Math.min(state.doc.length, from + remove);
          state = parsed(state.update({ changes: { from, to, insert } }).state);
        }
        const fresh = parsed(state.doc.toString(), small);
        expect(sectionsOf(state)).toEqual(sectionsOf(fresh));
        expect(nodes(treeOf(state))).toEqual(nodes(treeOf(fresh)));
      }),
      { numRuns: 80 },
    );
  });

  test('stopped anywhere and resumed, the same tree as a parse in one go', () => {
    let now = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    let state: EditorState;
    try {
      state = EditorState.create({ doc: start, extensions: frontMatter({ content: markdown({ base: markdownLanguage }), sections: small }) });
      state = state.update({ changes: { from: start.length - 5, insert: 'x' } }).state;
      state = state.update({ changes: { from: 40, insert: 'Word ' } }).state;
    } finally {
      clock.mockRestore();
    }
    expect(nodes(treeOf(parsed(state)))).toEqual(nodes(treeOf(parsed(state.doc.toString(), small))));
  });
});
