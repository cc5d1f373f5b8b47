// @vitest-environment jsdom
import { undo, undoDepth } from '@codemirror/commands';
import { EditorView } from '@codemirror/view';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useCallback, useMemo, useRef } from 'react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ReviewDocument } from '../../renderer/document/review-document';
import { EditorPane, type EditorHandle } from '../../renderer/editor/EditorPane';
import { createStillsEditorBridge } from '../../renderer/stills/stills-editor';
import { StillsPanel } from '../../renderer/stills/StillsPanel';
import { useStills } from '../../renderer/stills/use-stills';
import type { Client, ReviewFile, StillInfo, StillsListing } from '../../src/contract';

afterEach(cleanup);
const settled = { timeout: 5000 };

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
  const empty = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= empty;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
});

const path = 'dear-comrades-2020/index.md';
const text = [
  '---',
  'title: "The party line"',
  'film:',
  '  title: "Dear Comrades!"',
  '  distributors: [{name: Curzon, country: "GB"}]',
  'stills:',
  '  stills/01-march.jpg: {credit: Curzon}',
  '---',
  '',
  '![Workers march](stills/01-march.jpg "The workers march")',
  '',
  'Konchalovsky films it in black and white.',
  '',
].join('\n');

const info = (src: string, extra: Partial<StillInfo> = {}): StillInfo => ({
  src,
  libraryPath: `dear-comrades-2020/${src}`,
  width: 1200,
  height: 800,
  bytes: 1000,
  derivative: null,
  ...extra,
});

/** A host that knows one still, a loose file in the folder, and adds pictures slowly when asked. */
function fakeHost() {
  const added: string[] = [];
  let release: (() => void) | null = null;
  const calls: Array<[string, Record<string, unknown>]> = [];
  const call = vi.fn(async (name: string, args: Record<string, unknown>) => {
    calls.push([name, args]);
    if (name === 'stills.list') {
      const listing: StillsListing = {
        files: [info('stills/01-march.jpg'), info('stills/02-lenin.jpg'), ...added.map((src) => info(src))],
        refs: Object.fromEntries((args['refs'] as string[]).map((src) => [src, src === 'stills/09-gone.jpg' ? null : info(src)])),
        settings: { webSize: 2000, defaultCredit: 'Courtesy of {distributor}' },
      };
      return listing;
    }
    if (name === 'stills.import') {
      await new Promise<void>((resolve) => (release = resolve));
      const src = `stills/0${3 + added.length}-${String(args['name']).replace(/\..*$/, '')}.jpg`;
      added.push(src);
      return { still: info(src) };
    }
    if (name === 'stills.trash') return { trashedTo: null };
    throw new Error(`unexpected ${name}`);
  });
  const client = { call, on: () => () => {}, assetUrl: (_: string, src: string) => `/stills/${src}` } as unknown as Client;
  return { client, calls, finishOne: () => release?.() };
}

function Harness({ document, client }: { document: ReviewDocument; client: Client }) {
  const editor = useRef<EditorHandle>(null);
  const bridge = useMemo(() => createStillsEditorBridge(), []);
  const stills = useStills({ client, bridge, path: document.path, readOnly: false, setImages: () => {} });
  const onSettled = useCallback((p: string | null, t: string) => stills.onTextSettled(p, t), [stills.onTextSettled]);
  return (
    <>
      <EditorPane ref={editor} document={document} onTextSettled={onSettled} extensions={bridge.extension} />
      <StillsPanel stills={stills} client={client} path={document.path} locked={null} trash="app-folder" onAdd={() => {}} />
    </>
  );
}

function open() {
  const host = fakeHost();
  const file: ReviewFile = { path, text, bom: false, revision: 'rev-1' as ReviewFile['revision'], readOnly: null };
  const saver = { call: async () => ({ revision: file.revision }) } as unknown as ConstructorParameters<typeof ReviewDocument>[0];
  const document = new ReviewDocument(saver, file, { autosaveMs: 60_000, retryMs: 60_000 });
  render(<Harness document={document} client={host.client} />);
  const view = EditorView.findFromDOM(window.document.querySelector('.cm-editor') as HTMLElement)!;
  const panel = screen.getByRole('region', { name: 'Stills' });
  return { view, panel, host };
}

const card = (panel: HTMLElement, name: string) => within(panel).getByRole('listitem', { name });

function commit(field: HTMLElement, value: string) {
  fireEvent.focus(field);
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
}

describe('the Stills panel and the editor, both ways', () => {
  test('shows each still with its alt text, caption and credit, and marks files nothing refers to', async () => {
    const { panel } = open();
    const march = card(panel, '01-march.jpg');
    expect(within(march).getByLabelText<HTMLInputElement>('Alt text').value).toBe('Workers march');
    expect(within(march).getByLabelText<HTMLTextAreaElement>('Caption').value).toBe('The workers march');
    expect(within(march).getByLabelText<HTMLInputElement>('Credit').value).toBe('Curzon');
    await waitFor(() => expect(within(card(panel, '02-lenin.jpg')).getByText('Not in the text')).toBeTruthy(), settled);
    expect(within(card(panel, '02-lenin.jpg')).getByRole('button', { name: 'Insert at cursor' })).toBeTruthy();
  });

  test.each([
    ['Alt text', 'A crowd with a portrait of Lenin', '![A crowd with a portrait of Lenin](stills/01-march.jpg "The workers march")'],
    ['Caption', 'They have Lenin; Lyudmila has Stalin', '![Workers march](stills/01-march.jpg "They have Lenin; Lyudmila has Stalin")'],
    ['Credit', 'Courtesy of Curzon', '  stills/01-march.jpg: {credit: Courtesy of Curzon}'],
  ])('%s: one undoable transaction in the editor', (label, value, line) => {
    const { view, panel } = open();
    const original = view.state.doc.toString();
    const depth = undoDepth(view.state);
    commit(within(card(panel, '01-march.jpg')).getByLabelText(label), value);
    expect(view.state.doc.toString().split('\n')).toContain(line);
    expect(undoDepth(view.state)).toBe(depth + 1);
    act(() => void undo(view));
    expect(view.state.doc.toString()).toBe(original);
  });

  test('editing the markdown updates the panel', async () => {
    const { view, panel } = open();
    const at = view.state.doc.toString().indexOf('The workers march');
    act(() => view.dispatch({ changes: { from: at, to: at + 'The workers'.length, insert: 'Strikers' } }));
    const caption = within(card(panel, '01-march.jpg')).getByLabelText<HTMLTextAreaElement>('Caption');
    await waitFor(() => expect(caption.value).toBe('Strikers march'), settled);
  });

  test('a missing file is marked, and the checks are shown under the still', async () => {
    const { view, panel } = open();
    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: '\n![](stills/09-gone.jpg)\n' } }));
    const gone = await waitFor(() => card(panel, '09-gone.jpg'), settled);
    await waitFor(() => expect(within(gone).getByText('Missing file')).toBeTruthy(), settled);
    expect(gone.textContent).toContain('This still has no alt text');
    expect(gone.textContent).toContain('This still is missing: there is no such file beside the review.');
  });

  test('pictures pasted into the editor are added in order, with progress, each with the default credit', async () => {
    const { view, panel, host } = open();
    act(() => view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf('Konchalovsky') } }));
    const files = [new File([new Uint8Array([1, 2, 3])], 'crowd.jpg', { type: 'image/jpeg' }), new File([new Uint8Array([4, 5])], 'square.jpg', { type: 'image/jpeg' })];
    // Pasted (a drop lands where the mouse is, which jsdom cannot lay out).
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.assign(paste, { clipboardData: { files, types: ['Files'], getData: () => '' } });
    act(() => void view.contentDOM.dispatchEvent(paste));
    expect(paste.defaultPrevented).toBe(true);

    await waitFor(() => expect(within(panel).getByRole('status').textContent).toContain('Adding stills: 1 of 2 — crowd.jpg'), settled);
    await waitFor(() => expect(host.calls.filter(([n]) => n === 'stills.import')).toHaveLength(1), settled);
    expect(host.calls.find(([n]) => n === 'stills.import')![1]).toEqual({ path, name: 'crowd.jpg', data: 'AQID' });
    act(() => host.finishOne());
    await waitFor(() => expect(host.calls.filter(([n]) => n === 'stills.import')).toHaveLength(2), settled);
    expect(within(panel).getByRole('status').textContent).toContain('2 of 2 — square.jpg');
    // The critic types while the second picture is on its way: it still lands after the first.
    act(() => view.dispatch({ changes: { from: 0, insert: '' }, selection: { anchor: 0 } }));
    act(() => host.finishOne());
    await waitFor(() => expect(within(panel).queryByRole('status')).toBeNull(), settled);

    const body = view.state.doc.toString();
    expect(body).toContain('![Workers march](stills/01-march.jpg "The workers march")\n\n![](stills/03-crowd.jpg)\n\n![](stills/04-square.jpg)\n\nKonchalovsky');
    expect(body).toContain('  stills/03-crowd.jpg:\n    credit: Courtesy of Curzon\n');
    // Each still is its own undoable step.
    act(() => void undo(view));
    expect(view.state.doc.toString()).not.toContain('04-square');
    expect(view.state.doc.toString()).toContain('03-crowd');
  });

  test.each([
    ['dropped on the panel', 'drop'],
    ['pasted while the panel has focus', 'paste'],
  ] as const)('a picture %s goes in at the editor’s cursor', async (_, how) => {
    const { view, panel, host } = open();
    act(() => view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf('Konchalovsky') } }));
    const files = [new File([new Uint8Array([1, 2, 3])], 'crowd.jpg', { type: 'image/jpeg' })];
    const transfer = { files, items: [], types: ['Files'], getData: () => '' };
    if (how === 'drop') fireEvent.drop(panel, { dataTransfer: transfer });
    else fireEvent.paste(within(panel).getByRole('button', { name: 'Add still…' }), { clipboardData: transfer });
    await waitFor(() => expect(host.calls.filter(([n]) => n === 'stills.import')).toHaveLength(1), settled);
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.dataset['src'] ?? this.tagName);
    };
    act(() => host.finishOne());
    await waitFor(() => expect(view.state.doc.toString()).toContain('![](stills/03-crowd.jpg)\n\nKonchalovsky'), settled);
    // The new still's card is brought into view; the focus stays where it was.
    await waitFor(() => expect(scrolled).toEqual(['stills/03-crowd.jpg']), settled);
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  test('text pasted into a field stays the field’s, even when the clipboard also holds a picture', () => {
    const { panel, host } = open();
    const field = within(card(panel, '01-march.jpg')).getByLabelText('Caption');
    const files = [new File([new Uint8Array([1])], 'image.png', { type: 'image/png' })];
    const event = fireEvent.paste(field, { clipboardData: { files, items: [], types: ['Files', 'text/plain'], getData: () => 'image.png' } });
    expect(event).toBe(true);
    expect(host.calls.some(([n]) => n === 'stills.import')).toBe(false);
  });

  test('Remove… asks first, then trashes the file and takes the figure and its credit out', async () => {
    const { view, panel, host } = open();
    const remove = within(card(panel, '01-march.jpg')).getByRole<HTMLButtonElement>('button', { name: 'Remove…' });
    // Not before the host has said whether the file is there.
    await waitFor(() => expect(remove.disabled).toBe(false), settled);
    fireEvent.click(remove);
    expect(host.calls.some(([n]) => n === 'stills.trash')).toBe(false);
    const dialog = await waitFor(() => screen.getByRole('dialog', { name: 'Move this still to the trash?', hidden: true }), settled);
    expect(dialog.textContent).toContain('Undo (Ctrl+Z) puts the figure back');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move to Trash', hidden: true }));
    await waitFor(() => expect(view.state.doc.toString()).not.toContain('01-march'), settled);
    expect(host.calls.find(([n]) => n === 'stills.trash')![1]).toEqual({ path, src: 'stills/01-march.jpg' });
    expect(view.state.doc.toString()).toContain('\n---\n\nKonchalovsky films');
  });
});
