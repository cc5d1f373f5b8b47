// @vitest-environment jsdom
import { undo, undoDepth } from '@codemirror/commands';
import { EditorView } from '@codemirror/view';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useCallback, useRef } from 'react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ReviewDocument } from '../../renderer/document/review-document';
import { EditorPane, type EditorHandle } from '../../renderer/editor/EditorPane';
import { MetadataSidebar } from '../../renderer/sidebar/MetadataSidebar';
import { useFrontMatter } from '../../renderer/sidebar/use-front-matter';
import { nosferatu } from '../../src/node/sample-library/nosferatu';
import type { ReviewFile } from '../../src/contract';

afterEach(cleanup);

// The editor reports settled text after a pause; give it time when the machine is busy.
const settled = { timeout: 5000 };

// jsdom lays nothing out; CodeMirror measures text ranges, so give them empty boxes.
beforeAll(() => {
  const empty = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= empty;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
});

/** The App's wiring of editor and sidebar, around a real CodeMirror view. */
function Harness({ document }: { document: ReviewDocument }) {
  const editor = useRef<EditorHandle>(null);
  const frontMatter = useFrontMatter(editor, document.path);
  const onSettled = useCallback((path: string | null, text: string) => frontMatter.onTextSettled(path, text), [frontMatter.onTextSettled]);
  return (
    <>
      <EditorPane ref={editor} document={document} onTextSettled={onSettled} />
      <MetadataSidebar view={frontMatter.view} locked={null} onEdit={frontMatter.edit} />
    </>
  );
}

function open(text: string, readOnly: string | null = null) {
  const file: ReviewFile = { path: 'nosferatu-1922/index.md', text, bom: false, revision: 'rev-1' as ReviewFile['revision'], readOnly };
  // Saving is not under test here: the fake host accepts every save.
  const client = { call: async () => ({ revision: file.revision }) } as unknown as ConstructorParameters<typeof ReviewDocument>[0];
  const document = new ReviewDocument(client, file, { autosaveMs: 60_000, retryMs: 60_000 });
  render(<Harness document={document} />);
  const view = EditorView.findFromDOM(window.document.querySelector('.cm-editor') as HTMLElement)!;
  const sidebar = screen.getByRole('region', { name: 'Film metadata' });
  return { view, sidebar, document };
}

describe('sidebar and editor, both ways', () => {
  test('a sidebar edit is one undoable transaction that changes one line', async () => {
    const { view, sidebar } = open(nosferatu.markdown);
    const director = within(sidebar).getByLabelText<HTMLInputElement>('Director 1');
    expect(director.value).toBe('F. W. Murnau');
    const original = view.state.doc.toString();
    const depth = undoDepth(view.state);

    fireEvent.focus(director);
    fireEvent.change(director, { target: { value: 'Friedrich Wilhelm Murnau' } });
    fireEvent.blur(director);

    const after = view.state.doc.toString();
    const changed = original.split('\n').flatMap((line, i) => (line === after.split('\n')[i] ? [] : [[line, after.split('\n')[i]]]));
    expect(changed).toEqual([['  directors: [F. W. Murnau]', '  directors: [Friedrich Wilhelm Murnau]']]);
    expect(director.value).toBe('Friedrich Wilhelm Murnau');
    expect(undoDepth(view.state)).toBe(depth + 1);

    act(() => void undo(view));
    expect(view.state.doc.toString()).toBe(original);
    await waitFor(() => expect(within(sidebar).getByLabelText<HTMLInputElement>('Director 1').value).toBe('F. W. Murnau'), settled);
  });

  test('two quick moves act on what the sidebar shows, and each undoes on its own', () => {
    const { view, sidebar } = open(nosferatu.markdown);
    const original = view.state.doc.toString();
    fireEvent.click(within(sidebar).getByRole('button', { name: 'Move Max Schreck down' }));
    fireEvent.click(within(sidebar).getByRole('button', { name: 'Move Max Schreck down' }));
    const castLines = (text: string) => text.split('\n').filter((line) => line.startsWith('    - {name:')).map((line) => /name: ([^,]+)/.exec(line)![1]);
    expect(castLines(view.state.doc.toString()).slice(0, 3)).toEqual(['Gustav von Wangenheim', 'Greta Schröder', 'Max Schreck']);
    act(() => void undo(view));
    expect(castLines(view.state.doc.toString()).slice(0, 3)).toEqual(['Gustav von Wangenheim', 'Max Schreck', 'Greta Schröder']);
    act(() => void undo(view));
    expect(view.state.doc.toString()).toBe(original);
  });

  test('typing a cast member in the YAML shows in the sidebar', async () => {
    const { view, sidebar } = open(nosferatu.markdown);
    const at = view.state.doc.toString().indexOf('  runtime:');
    act(() => view.dispatch({ changes: { from: at, insert: '    - {name: Ruth Landshoff, character: Ruth}\n' }, userEvent: 'input.type' }));
    const cast = within(sidebar).getByRole('group', { name: 'Cast' });
    await waitFor(() => expect(within(cast).getByLabelText<HTMLInputElement>('Actor, row 7').value).toBe('Ruth Landshoff'), settled);
    expect(within(cast).getByLabelText<HTMLInputElement>('Character, row 7').value).toBe('Ruth');
  });

  test('breaking the YAML shows the error and makes the sidebar read-only; fixing it brings it back', async () => {
    const { view, sidebar } = open(nosferatu.markdown);
    const at = view.state.doc.toString().indexOf('year: 1922') + 'year: '.length;
    act(() => view.dispatch({ changes: { from: at, insert: '[' } }));
    await waitFor(() => expect(within(sidebar).getByRole('alert').textContent).toMatch(/does not parse \(line \d+\)/), settled);
    const broken = view.state.doc.toString();
    const title = within(sidebar).getByLabelText<HTMLInputElement>('Title');
    expect(title.matches(':disabled')).toBe(true);
    fireEvent.click(within(sidebar).getByRole('button', { name: 'Move Max Schreck down' }));
    expect(view.state.doc.toString()).toBe(broken);

    act(() => view.dispatch({ changes: { from: at, to: at + 1 } }));
    await waitFor(() => expect(within(sidebar).queryByRole('alert')).toBeNull(), settled);
    expect(within(sidebar).getByLabelText<HTMLInputElement>('Title').matches(':disabled')).toBe(false);
  });

  test('a CRLF file is edited in the editor’s own line breaks and saved with CRLF', () => {
    const { view, sidebar, document } = open(nosferatu.markdown.replaceAll('\n', '\r\n'));
    expect(document.lineBreak).toBe('\r\n');
    const add = within(sidebar).getByRole('textbox', { name: 'Add genre' });
    fireEvent.change(add, { target: { value: 'Horror' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    const saved = view.state.doc.sliceString(0, view.state.doc.length, document.lineBreak);
    expect(saved).toContain('\r\n  genres: [Horror]\r\n');
    expect(saved).not.toMatch(/(?<!\r)\n/);
  });
});
