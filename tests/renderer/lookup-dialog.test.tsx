// @vitest-environment jsdom
import { undo, undoDepth } from '@codemirror/commands';
import { EditorView } from '@codemirror/view';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useCallback, useRef } from 'react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ReviewDocument } from '../../renderer/document/review-document';
import { EditorPane, type EditorHandle } from '../../renderer/editor/EditorPane';
import { AboutDialog } from '../../renderer/lookup/AboutDialog';
import { FilmLookup } from '../../renderer/lookup/FilmLookup';
import { composeSteps } from '../../renderer/lookup/lookup-apply';
import { useFrontMatter } from '../../renderer/sidebar/use-front-matter';
import type { Client, ReviewFile } from '../../src/contract';
import { HostError } from '../../src/contract';
import { applyChanges } from '../../src/review/front-matter-edit';
import { nosferatu } from '../../src/node/sample-library/nosferatu';
import { nosferatuDetailsFromTmdb } from '../helpers/tmdb-samples';

afterEach(cleanup);

beforeAll(() => {
  const empty = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= empty;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

function fakeClient(calls: Array<[string, unknown]>, failSearch?: HostError): Client {
  return {
    call: async (name: string, args: unknown) => {
      calls.push([name, args]);
      if (name === 'settings.status') return { tmdb: { configured: true, source: 'environment', persistent: false } };
      if (name === 'film.search') {
        if (failSearch) throw failSearch;
        return {
          provider: 'tmdb',
          candidates: [{ provider: 'tmdb', id: '653', title: 'Nosferatu', originalTitle: null, year: 1922, directors: ['F. W. Murnau'], poster: 'data:image/png;base64,AAAA', description: null }],
        };
      }
      if (name === 'film.details') return nosferatuDetailsFromTmdb;
      if (name === 'review.save') return { revision: 'r2' };
      throw new Error(`unexpected ${name}`);
    },
    on: () => () => {},
    assetUrl: () => null,
  } as unknown as Client;
}

function Harness({ document, client }: { document: ReviewDocument; client: Client }) {
  const editor = useRef<EditorHandle>(null);
  const frontMatter = useFrontMatter(editor, document.path);
  const onSettled = useCallback((path: string | null, text: string) => frontMatter.onTextSettled(path, text), [frontMatter.onTextSettled]);
  return (
    <>
      <EditorPane ref={editor} document={document} onTextSettled={onSettled} />
      <FilmLookup open="lookup" client={client} version="test" document={document} view={frontMatter.view} editor={editor} onClose={() => {}} />
    </>
  );
}

function open(text: string, client: Client) {
  const file = { path: 'nosferatu-1922/index.md', text, bom: false, revision: 'r1', readOnly: null } as unknown as ReviewFile;
  const document = new ReviewDocument(client as unknown as ConstructorParameters<typeof ReviewDocument>[0], file, { autosaveMs: 60_000, retryMs: 60_000 });
  render(<Harness document={document} client={client} />);
  const view = EditorView.findFromDOM(window.document.querySelector('.cm-editor') as HTMLElement)!;
  return { view, dialog: screen.getByRole('dialog', { name: 'Look up film', hidden: true }) };
}

describe('Look up film', () => {
  test('searches for the review’s film, compares, and applies the ticked fields as one undoable edit', async () => {
    const calls: Array<[string, unknown]> = [];
    const text = nosferatu.markdown.replace('spoilers: true\n', 'spoilers: true\nlocked: [film.runtime]\n');
    const { view, dialog } = open(text, fakeClient(calls));

    // Prefilled from the front matter, and searched at once.
    await waitFor(() => expect(calls.some(([name]) => name === 'film.search')).toBe(true));
    expect(calls.find(([name]) => name === 'film.search')![1]).toEqual({ title: 'Nosferatu', year: 1922, provider: 'tmdb' });
    const candidate = await within(dialog).findByRole('button', { name: 'Nosferatu (1922), directed by F. W. Murnau', hidden: true });
    expect(candidate.querySelector('img')!.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(within(dialog).getByText(/This product uses the TMDB API but is not endorsed or certified by TMDB\./)).toBeTruthy();

    await act(async () => fireEvent.click(candidate));
    const table = await within(dialog).findByRole('table', { hidden: true });
    const row = (key: string) => table.querySelector(`tr[data-field="${key}"]`) as HTMLTableRowElement;
    expect(row('runtime').textContent).toContain('Locked');
    expect(row('runtime').querySelector('input')).toBeNull();
    expect(row('directors').textContent).toContain('Same');
    expect((row('composers').querySelector('input') as HTMLInputElement).checked).toBe(true);
    expect((row('cast').querySelector('input') as HTMLInputElement).checked).toBe(true);

    // The critic keeps their own genres (none) and applies the rest.
    fireEvent.click(row('genres').querySelector('input')!);
    const before = view.state.doc.toString();
    const depth = undoDepth(view.state);
    const apply = within(dialog).getByRole('button', { name: /^Apply \d+ fields$/, hidden: true });
    await act(async () => fireEvent.click(apply));

    const after = view.state.doc.toString();
    expect(after).toContain('  composers: [Hans Erdmann]\n');
    expect(after).toContain('    - {name: Max Schreck, character: Count Orlok}\n');
    expect(after).not.toContain('genres:');
    expect(after).toContain('  runtime: 94 '); // locked: untouched
    expect(after.slice(after.indexOf('\n---\n'))).toBe(before.slice(before.indexOf('\n---\n')));
    expect(undoDepth(view.state)).toBe(depth + 1);
    undo(view);
    expect(view.state.doc.toString()).toBe(before);
  });

  test('a refused token shows the sentence and the token field', async () => {
    const calls: Array<[string, unknown]> = [];
    const { dialog } = open(nosferatu.markdown, fakeClient(calls, new HostError('auth', 'TMDb refused the read access token.')));
    expect(await within(dialog).findByRole('alert', { hidden: true })).toHaveProperty('textContent', 'TMDb refused the read access token.');
    expect(within(dialog).getByLabelText('TMDb API Read Access Token')).toBeTruthy();
  });
});

describe('About Intertitle', () => {
  test('carries TMDB’s notice and link, the Wikidata credit, and the token setting without the token', async () => {
    const calls: Array<[string, unknown]> = [];
    render(<AboutDialog open client={fakeClient(calls)} version="1.2.3" onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Intertitle 1.2.3', hidden: true });
    expect(dialog.textContent).toContain('This product uses the TMDB API but is not endorsed or certified by TMDB.');
    expect(within(dialog).getByRole('link', { name: 'The Movie Database (TMDB)', hidden: true }).getAttribute('href')).toBe('https://www.themoviedb.org');
    expect(dialog.textContent).toContain('CC0');
    expect(await within(dialog).findByText('TMDb token: set by INTERTITLE_TMDB_TOKEN.')).toBeTruthy();
    expect(calls.map(([name]) => name)).toEqual(['settings.status']);
  });
});

describe('composing the lookup’s steps', () => {
  test('sequential steps become one change set on the original text', () => {
    const original = 'abc\ndef\nghi\n';
    const steps = [
      [{ from: 4, to: 7, insert: 'DEFG' }],
      [{ from: 0, to: 0, insert: '>' }, { from: 10, to: 10, insert: 'X' }],
      [{ from: 12, to: 14, insert: 'HI!' }],
    ];
    let sequential = original;
    for (const step of steps) sequential = applyChanges(sequential, step);
    expect(applyChanges(original, composeSteps(original.length, steps))).toBe(sequential);
  });
});
