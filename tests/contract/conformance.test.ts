import { readFile, writeFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Envelope, type HostEvent } from '../../src/contract';
import { createHost } from '../../src/node/host-impl';
import { startHttpHost } from '../../src/node/http-host';
import { tempLibrary } from '../helpers/temp';
import { afterAll, beforeAll } from 'vitest';
import { startFilmApiServer, testToken, type FilmApiServer } from '../helpers/film-api-server';
import { startGhostServer, type GhostServer } from '../helpers/ghost-server';
import { stillsContractCases } from './stills-cases';
import { writingContractCases } from './writing-cases';

/** One way to call a host: the same suite runs in process and over HTTP (DESIGN §3). */
interface Harness {
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
  events: HostEvent[];
  close(): Promise<void>;
}

type Setup = (dirs: { root: string; userData: string; documents: string }) => Promise<Harness>;

const inProcess: Setup = async ({ root, userData, documents }) => {
  const events: HostEvent[] = [];
  const host = await createHost({
    kind: 'http',
    version: 'test',
    userDataDir: userData,
    documentsDir: documents,
    initialLibrary: root,
    emit: (event) => events.push(event),
  });
  return { call: (name, args) => dispatch(host.handlers, name, args, { via: 'direct' }), events, close: () => host.close() };
};

const overHttp: Setup = async ({ root, userData, documents }) => {
  const server = await startHttpHost({
    version: 'test',
    userDataDir: userData,
    documentsDir: documents,
    initialLibrary: root,
    rendererDir: join(root, 'no-renderer-here'),
  });
  const token = new URL(server.url).searchParams.get('token')!;
  const events: HostEvent[] = [];
  const stream = new AbortController();
  // Events arrive over server-sent events, as the renderer receives them.
  void fetch(`${server.origin}/api/events`, { headers: { 'x-intertitle-token': token }, signal: stream.signal })
    .then(async (response) => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        for (const line of decoder.decode(chunk).split('\n')) {
          if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as HostEvent);
        }
      }
    })
    .catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    async call(name, args) {
      const response = await fetch(`${server.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intertitle-token': token },
        body: JSON.stringify(args),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      return (await response.json()) as Envelope<unknown>;
    },
    events,
    async close() {
      stream.abort();
      await server.close();
    },
  };
};

async function value<T>(promise: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function errorCode(promise: Promise<Envelope<unknown>>): Promise<string> {
  const envelope = await promise;
  return envelope.ok ? 'ok' : envelope.error.code;
}

describe.each([
  ['in process', inProcess],
  ['over HTTP', overHttp],
])('host contract (%s)', (_name, setup) => {
  let dirs: Awaited<ReturnType<typeof tempLibrary>>;
  let host: Harness;

  beforeEach(async () => {
    dirs = await tempLibrary();
    host = await setup(dirs);
  });
  afterEach(async () => {
    await host.close();
    await dirs.cleanup();
  });

  stillsContractCases(() => host, () => dirs);
  writingContractCases(() => host, () => dirs);

  it('app.info names the host and the open library', async () => {
    const info = await value<{ host: string; library: { root: string; sample: boolean } }>(host.call('app.info', {}));
    expect(info.host).toBe('http');
    expect(info.library.root).toContain('library');
    expect(info.library.sample).toBe(false);
  });

  it('library.list lists page bundles and loose files, newest first, with a broken one flagged', async () => {
    const listing = await value<{ reviews: Array<{ path: string; title: string; problem?: string }> }>(host.call('library.list', {}));
    expect(listing.reviews.map((r) => r.path)).toEqual(['dear-comrades-2020/index.md', 'loose-review.md', 'notes/broken.md']);
    expect(listing.reviews[0]).toMatchObject({ title: 'The party line, in black and white', status: 'ready', film: { title: 'Dear Comrades!', year: 2020 } });
    expect(listing.reviews[2]!.problem).toMatch(/front matter does not parse \(line \d+/);
  });

  it('review.read returns the text and a revision; review.save writes it and returns the new revision', async () => {
    const file = await value<{ text: string; revision: string; bom: boolean }>(host.call('review.read', { path: 'loose-review.md' }));
    expect(file.text).toContain('A loose review');
    const text = file.text + '\nA new paragraph.\n';
    const saved = await value<{ revision: string }>(
      host.call('review.save', { path: 'loose-review.md', text, bom: false, baseRevision: file.revision }),
    );
    expect(saved.revision).not.toBe(file.revision);
    expect(await readFile(join(dirs.root, 'loose-review.md'), 'utf8')).toBe(text);
    const again = await value<{ revision: string }>(host.call('review.read', { path: 'loose-review.md' }));
    expect(again.revision).toBe(saved.revision);
  });

  it('review.save refuses to overwrite a file another program changed, and writes nothing', async () => {
    const file = await value<{ text: string; revision: string }>(host.call('review.read', { path: 'loose-review.md' }));
    await writeFile(join(dirs.root, 'loose-review.md'), 'Written by another editor\n');
    expect(await errorCode(host.call('review.save', { path: 'loose-review.md', text: 'mine', bom: false, baseRevision: file.revision }))).toBe('conflict');
    expect(await readFile(join(dirs.root, 'loose-review.md'), 'utf8')).toBe('Written by another editor\n');
  });

  it('review.save writes a review again when it was deleted on disk', async () => {
    const file = await value<{ revision: string }>(host.call('review.read', { path: 'dear-comrades-2020/index.md' }));
    const { rm } = await import('node:fs/promises');
    await rm(join(dirs.root, 'dear-comrades-2020'), { recursive: true });
    await value(host.call('review.save', { path: 'dear-comrades-2020/index.md', text: 'kept\n', bom: false, baseRevision: file.revision }));
    expect(await readFile(join(dirs.root, 'dear-comrades-2020/index.md'), 'utf8')).toBe('kept\n');
  });

  it('keeps a byte order mark and CRLF line endings through a read and a save', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\ntitle: BOM\r\n---\r\nBody\r\n')]);
    await writeFile(join(dirs.root, 'bom.md'), bytes);
    const file = await value<{ text: string; bom: boolean; revision: string }>(host.call('review.read', { path: 'bom.md' }));
    expect(file.bom).toBe(true);
    expect(file.text.startsWith('---\r\n')).toBe(true);
    await value(host.call('review.save', { path: 'bom.md', text: file.text.replace('Body', 'Body!'), bom: true, baseRevision: file.revision }));
    expect(await readFile(join(dirs.root, 'bom.md'))).toEqual(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\ntitle: BOM\r\n---\r\nBody!\r\n')]),
    );
  });

  it('opens a file that is not UTF-8 read-only, and refuses to save over it', async () => {
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Café" in Latin-1
    await writeFile(join(dirs.root, 'latin1.md'), latin1);
    const file = await value<{ readOnly: string | null; revision: string }>(host.call('review.read', { path: 'latin1.md' }));
    expect(file.readOnly).toMatch(/not valid UTF-8/);
    expect(await errorCode(host.call('review.save', { path: 'latin1.md', text: 'Café\n', bom: false, baseRevision: file.revision }))).toBe('conflict');
    expect(await readFile(join(dirs.root, 'latin1.md'))).toEqual(latin1);
  });

  it.each([
    ['../outside.md'],
    ['dear-comrades-2020/../../outside.md'],
    ['/etc/passwd.md'],
    ['C:/Windows/win.md'],
    ['a\\..\\..\\b.md'],
  ])('refuses the path %s', async (path) => {
    expect(await errorCode(host.call('review.read', { path }))).toBe('invalid-args');
    expect(await errorCode(host.call('review.save', { path, text: 'x', bom: false, baseRevision: null }))).toBe('invalid-args');
  });

  it('refuses a review path that leaves the library through a symlink', async () => {
    await mkdir(join(dirs.root, '..', 'elsewhere'), { recursive: true });
    await writeFile(join(dirs.root, '..', 'elsewhere', 'secret.md'), 'secret');
    await symlink(join(dirs.root, '..', 'elsewhere'), join(dirs.root, 'link'));
    expect(await errorCode(host.call('review.read', { path: 'link/secret.md' }))).toBe('invalid-args');
  });

  it('answers invalid-args for unknown requests and bad arguments', async () => {
    expect(await errorCode(host.call('review.delete', {}))).toBe('invalid-args');
    expect(await errorCode(host.call('review.read', { path: 5 }))).toBe('invalid-args');
    expect(await errorCode(host.call('review.create', { filmTitle: 'Nosferatu' }))).toBe('invalid-args');
  });

  it('review.create makes a folder and index.md from the template, with a suffix on collision', async () => {
    const first = await value<{ path: string }>(host.call('review.create', { filmTitle: 'Dear Comrades!', year: 2020 }));
    expect(first.path).toBe('dear-comrades-2020-2/index.md');
    const created = await value<{ path: string }>(host.call('review.create', { filmTitle: 'Дорогие товарищи!', year: 2020 }));
    expect(created.path).toBe('dorogie-tovarischi-2020/index.md');
    const text = await readFile(join(dirs.root, created.path), 'utf8');
    expect(text).toMatch(/^---\ntitle: ""\ndate: "\d{4}-\d\d-\d\d"\nstatus: draft\nfilm:\n  title: "Дорогие товарищи!"\n  year: 2020\n---\n/);
    const listing = await value<{ reviews: Array<{ path: string }> }>(host.call('library.list', {}));
    expect(listing.reviews.map((r) => r.path)).toContain(created.path);
    await expect.poll(() => host.events.some((e) => e.name === 'library.changed' && e.payload.reason === 'created')).toBe(true);
  });

  it('library.open explains a missing folder and a file that is not a folder', async () => {
    const missing = await host.call('library.open', { path: join(dirs.root, 'nope') });
    expect(missing.ok ? '' : missing.error.message).toMatch(/There is no folder at .*nope/);
    expect(missing.ok ? '' : missing.error.code).toBe('not-found');
    const file = await host.call('library.open', { path: join(dirs.root, 'loose-review.md') });
    expect(file.ok ? '' : file.error.message).toMatch(/is a file, not a folder/);
  });

  it('library.open switches the library and announces it', async () => {
    const other = join(dirs.root, 'notes');
    const opened = await value<{ root: string; name: string }>(host.call('library.open', { path: other }));
    expect(opened.name).toBe('notes');
    const listing = await value<{ reviews: Array<{ path: string }> }>(host.call('library.list', {}));
    expect(listing.reviews.map((r) => r.path)).toEqual(['broken.md']);
    await expect.poll(() => host.events.some((e) => e.name === 'library.changed' && e.payload.reason === 'opened')).toBe(true);
  });

  it('library.choose is unsupported where the host has no folder picker', async () => {
    expect(await errorCode(host.call('library.choose', {}))).toBe('unsupported');
  });

  it('library.search finds words in bodies and film facts, with snippets marking the matches', async () => {
    await expect.poll(async () => (await value<{ paths: string[] }>(host.call('library.search', { query: 'massacre' }))).paths).toEqual([
      'dear-comrades-2020/index.md',
    ]);
    const result = await value<{ snippets: Array<{ path: string; text: string; ranges: Array<[number, number]> }> }>(
      host.call('library.search', { query: 'novocherk' }),
    );
    const [snippet] = result.snippets;
    expect(snippet!.ranges.map(([a, b]) => snippet!.text.slice(a, b))).toEqual(['Novocherkassk']);
    const more = await value<Array<{ path: string }>>(host.call('library.snippets', { query: 'mirror', paths: ['loose-review.md'] }));
    expect(more.map((s) => s.path)).toEqual(['loose-review.md']);
  });

  it('review.rename renames a bundle folder and a loose file to portable slugs, refusing to overwrite', async () => {
    expect(await value(host.call('review.rename', { path: 'dear-comrades-2020/index.md', name: 'Dear Comrades! (Konchalovsky)' }))).toEqual({
      path: 'dear-comrades-konchalovsky/index.md',
    });
    expect(await readFile(join(dirs.root, 'dear-comrades-konchalovsky', 'stills', '01-march.png'))).toBeTruthy();
    expect(await value(host.call('review.rename', { path: 'loose-review.md', name: 'Mirror 1975' }))).toEqual({ path: 'mirror-1975.md' });
    // A name is a slug, never a path: it cannot move the review out of its folder.
    expect(await value(host.call('review.rename', { path: 'notes/broken.md', name: '../../escape' }))).toEqual({ path: 'notes/escape.md' });
    const listing = await value<{ reviews: Array<{ path: string }> }>(host.call('library.list', {}));
    expect(listing.reviews.map((r) => r.path).sort()).toEqual(['dear-comrades-konchalovsky/index.md', 'mirror-1975.md', 'notes/escape.md']);
    await writeFile(join(dirs.root, 'notes', 'other.md'), 'x');
    expect(await errorCode(host.call('review.rename', { path: 'notes/escape.md', name: 'other' }))).toBe('conflict');
    expect(await readFile(join(dirs.root, 'notes', 'other.md'), 'utf8')).toBe('x');
  });

  it('review.duplicate copies a whole bundle, stills included, beside it', async () => {
    const copy = await value<{ path: string }>(host.call('review.duplicate', { path: 'dear-comrades-2020/index.md' }));
    expect(copy.path).toBe('dear-comrades-2020-copy/index.md');
    expect(await readFile(join(dirs.root, copy.path), 'utf8')).toBe(await readFile(join(dirs.root, 'dear-comrades-2020/index.md'), 'utf8'));
    expect(await readFile(join(dirs.root, 'dear-comrades-2020-copy/stills/01-march.png'))).toBeTruthy();
    expect((await value<{ path: string }>(host.call('review.duplicate', { path: 'loose-review.md' }))).path).toBe('loose-review-copy.md');
    expect((await value<{ path: string }>(host.call('review.duplicate', { path: 'loose-review.md' }))).path).toBe('loose-review-copy-2.md');
  });

  it('review.trash moves the browser host’s reviews to a trash folder in user data, never in the library', async () => {
    const info = await value<{ trash: string }>(host.call('app.info', {}));
    expect(info.trash).toBe('app-folder');
    const { trashedTo } = await value<{ trashedTo: string }>(host.call('review.trash', { path: 'dear-comrades-2020/index.md' }));
    expect(trashedTo.startsWith(dirs.userData)).toBe(true);
    expect(await readFile(join(trashedTo, 'index.md'), 'utf8')).toContain('Dear Comrades!');
    expect(await readFile(join(trashedTo, 'stills', '01-march.png'))).toBeTruthy();
    const listing = await value<{ reviews: Array<{ path: string }> }>(host.call('library.list', {}));
    expect(listing.reviews.map((r) => r.path)).toEqual(['loose-review.md', 'notes/broken.md']);
    expect(await errorCode(host.call('review.trash', { path: 'dear-comrades-2020/index.md' }))).toBe('not-found');
  });

  it('review.keepMine keeps the disk version as a dated conflict copy, then saves mine', async () => {
    const file = await value<{ text: string; revision: string }>(host.call('review.read', { path: 'loose-review.md' }));
    await writeFile(join(dirs.root, 'loose-review.md'), 'Theirs, from a sync client.\n');
    const conflict = await host.call('review.save', { path: 'loose-review.md', text: 'Mine.\n', bom: false, baseRevision: file.revision });
    const theirs = conflict.ok ? '' : (conflict.error.details as { revision: string }).revision;
    expect(await errorCode(host.call('review.keepMine', { path: 'loose-review.md', text: 'Mine.\n', bom: false, theirsRevision: file.revision }))).toBe('conflict');
    const kept = await value<{ keptAs: string; revision: string }>(
      host.call('review.keepMine', { path: 'loose-review.md', text: 'Mine.\n', bom: false, theirsRevision: theirs }),
    );
    expect(kept.keptAs).toMatch(/^loose-review\.conflict-\d{4}-\d\d-\d\d-\d{6}\.md$/);
    expect(await readFile(join(dirs.root, kept.keptAs), 'utf8')).toBe('Theirs, from a sync client.\n');
    expect(await readFile(join(dirs.root, 'loose-review.md'), 'utf8')).toBe('Mine.\n');
  });

  it('journal.write keeps unsaved text in user data, journal.list offers it back, journal.clear and discard remove it', async () => {
    const file = await value<{ text: string; revision: string }>(host.call('review.read', { path: 'loose-review.md' }));
    const libraryBefore = await readFile(join(dirs.root, 'loose-review.md'), 'utf8');
    await value(host.call('journal.write', { path: 'loose-review.md', text: `${file.text}Unsaved words.`, bom: false, baseRevision: file.revision }));
    await value(host.call('journal.write', { path: 'loose-review.md', text: 'Set aside.', bom: false, baseRevision: file.revision, setAside: true }));
    const entries = await value<Array<{ id: string; path: string; text: string; kind: string; diskRevision: string }>>(host.call('journal.list', {}));
    expect(entries.map((e) => [e.kind, e.text.slice(-14)])).toEqual([
      ['unsaved', 'Unsaved words.'],
      ['set-aside', 'Set aside.'],
    ]);
    expect(entries[0]!.diskRevision).toBe(file.revision);
    expect(await readFile(join(dirs.root, 'loose-review.md'), 'utf8')).toBe(libraryBefore);
    await value(host.call('journal.clear', { path: 'loose-review.md' }));
    await value(host.call('journal.discard', { id: entries[1]!.id }));
    expect(await value(host.call('journal.list', {}))).toEqual([]);
    expect(await errorCode(host.call('journal.discard', { id: '../../settings' }))).toBe('invalid-args');
  });

  it('journal.list drops unsaved text that is already on disk', async () => {
    const file = await value<{ text: string; revision: string }>(host.call('review.read', { path: 'loose-review.md' }));
    await value(host.call('journal.write', { path: 'loose-review.md', text: file.text, bom: false, baseRevision: file.revision }));
    expect(await value(host.call('journal.list', {}))).toEqual([]);
  });

  it('journal.edit journals an edit of the text last written under its token, and refuses any other base', async () => {
    const path = 'loose-review.md';
    const base = { path, bom: false, baseRevision: 'r0' };
    const texts = async () => (await value<Array<{ text: string; kind: string }>>(host.call('journal.list', {}))).map((e) => e.text);
    // Nothing held yet: the renderer must send the whole text.
    expect(await errorCode(host.call('journal.edit', { ...base, base: 'a-1', token: 'a-2', from: 0, to: 0, insert: 'x' }))).toBe('conflict');
    await value(host.call('journal.write', { ...base, text: 'The train waits.', token: 'a-1' }));
    await value(host.call('journal.edit', { ...base, base: 'a-1', token: 'a-2', from: 10, to: 15, insert: 'stops, then goes on' }));
    expect(await texts()).toEqual(['The train stops, then goes on.']);
    await value(host.call('journal.edit', { ...base, base: 'a-2', token: 'a-3', from: 0, to: 0, insert: 'At dawn, t' }));
    await value(host.call('journal.edit', { ...base, base: 'a-3', token: 'a-4', from: 10, to: 11, insert: '' }));
    expect(await texts()).toEqual(['At dawn, the train stops, then goes on.']);
    // A stale base (another window journaled since) or a bad edit changes nothing.
    expect(await errorCode(host.call('journal.edit', { ...base, base: 'a-2', token: 'b-1', from: 0, to: 0, insert: 'lost? ' }))).toBe('conflict');
    expect(await errorCode(host.call('journal.edit', { ...base, base: 'a-4', token: 'b-1', from: 5, to: 400, insert: '' }))).toBe('invalid-args');
    expect(await errorCode(host.call('journal.edit', { ...base, base: 'a-4', token: 'b-1', from: 6, to: 5, insert: '' }))).toBe('invalid-args');
    expect(await errorCode(host.call('journal.edit', { ...base, base: 'A 4!', token: 'b-1', from: 0, to: 0, insert: '' }))).toBe('invalid-args');
    expect(await texts()).toEqual(['At dawn, the train stops, then goes on.']);
    // A set-aside version is its own entry: edits still build on the unsaved text.
    await value(host.call('journal.write', { ...base, text: 'Set aside.', setAside: true, token: 's-1' }));
    await value(host.call('journal.edit', { ...base, base: 'a-4', token: 'a-5', from: 38, to: 39, insert: '!' }));
    expect((await texts()).sort()).toEqual(['At dawn, the train stops, then goes on!', 'Set aside.']);
    // Once saved and cleared, there is nothing to build on.
    await value(host.call('journal.clear', { path }));
    expect(await errorCode(host.call('journal.edit', { ...base, base: 'a-5', token: 'a-6', from: 0, to: 0, insert: 'x' }))).toBe('conflict');
  });

  it('export.run answers the export’s text and the stills it would copy, writing nothing', async () => {
    const preview = await value<{ main: string; files: Array<{ path: string; content: string }>; assets: unknown[]; reviewPath: string }>(
      host.call('export.run', { path: 'dear-comrades-2020/index.md', target: 'wordpress-blocks' }),
    );
    expect(preview.main).toBe('the-party-line-in-black-and-white.html');
    expect(preview.reviewPath).toBe('dear-comrades-2020/index.md');
    expect(preview.files[0]!.content).toContain('<figcaption class="wp-element-caption">The workers march — Curzon</figcaption>');
    expect(preview.assets).toEqual([
      { from: 'dear-comrades-2020/stills/01-march.png', to: 'the-party-line-in-black-and-white/stills/01-march.png', href: 'the-party-line-in-black-and-white/stills/01-march.png' },
    ]);
    expect(await errorCode(host.call('export.run', { path: 'dear-comrades-2020/index.md', target: 'pdf' }))).toBe('invalid-args');
    expect(await errorCode(host.call('export.run', { path: '../outside.md', target: 'html' }))).toBe('invalid-args');
    expect(await errorCode(host.call('export.run', { path: 'gone.md', target: 'html' }))).toBe('not-found');
  });

  it('export.save writes into a typed folder outside the library, never inside it', async () => {
    const outDir = join(dirs.root, '..', 'exports');
    const saved = await value<{ outDir: string; written: string[] }>(
      host.call('export.save', { path: 'dear-comrades-2020/index.md', target: 'hugo', outDir }),
    );
    expect(saved.written.map((file) => file.slice(saved.outDir.length + 1))).toEqual([
      'the-party-line-in-black-and-white/stills/01-march.png',
      'the-party-line-in-black-and-white/index.md',
    ]);
    expect(await readFile(join(outDir, 'the-party-line-in-black-and-white', 'index.md'), 'utf8')).toContain('{{< figure src="stills/01-march.png"');
    expect(await errorCode(host.call('export.save', { path: 'dear-comrades-2020/index.md', target: 'hugo', outDir: join(dirs.root, 'notes') }))).toBe('invalid-args');
    // The browser host has no folder picker: the folder must be typed.
    expect(await errorCode(host.call('export.save', { path: 'dear-comrades-2020/index.md', target: 'hugo' }))).toBe('invalid-args');
  });

  it('clipboard.write is unsupported where the host has no clipboard, so the page copies', async () => {
    expect(await errorCode(host.call('clipboard.write', { html: '<p>x</p>', text: 'x' }))).toBe('unsupported');
  });
});

describe.each([
  ['in process', inProcess],
  ['over HTTP', overHttp],
])('film lookup contract (%s; local server with TMDb’s documented response shapes)', (_name, setup) => {
  const variables = ['INTERTITLE_TMDB_API', 'INTERTITLE_WIKIDATA_API', 'INTERTITLE_TMDB_TOKEN'] as const;
  const saved = Object.fromEntries(variables.map((v) => [v, process.env[v]]));
  let api: FilmApiServer;
  let dirs: Awaited<ReturnType<typeof tempLibrary>>;
  let host: Harness;

  beforeAll(async () => {
    api = await startFilmApiServer();
    process.env.INTERTITLE_TMDB_API = api.tmdbApi;
    process.env.INTERTITLE_WIKIDATA_API = api.wikidataApi;
    delete process.env.INTERTITLE_TMDB_TOKEN;
  });
  afterAll(async () => {
    for (const v of variables) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
    await api.close();
  });
  beforeEach(async () => {
    dirs = await tempLibrary();
    host = await setup(dirs);
  });
  afterEach(async () => {
    await host.close();
    await dirs.cleanup();
  });

  it('settings.status tells whether TMDb is set up, and settings.tmdbToken.set keeps the token without ever returning it', async () => {
    expect(await value(host.call('settings.status', {}))).toEqual({ tmdb: { configured: false, source: null, persistent: false } });
    expect(await errorCode(host.call('film.search', { title: 'Nosferatu', provider: 'tmdb' }))).toBe('auth');
    const status = await value(host.call('settings.tmdbToken.set', { token: testToken }));
    expect(status).toEqual({ tmdb: { configured: true, source: 'session', persistent: false } });
    expect(JSON.stringify(status)).not.toContain(testToken);
    expect(await errorCode(host.call('settings.tmdbToken.set', { token: '0123456789abcdef0123456789abcdef' }))).toBe('invalid-args');
    expect(await errorCode(host.call('settings.tmdbToken.set', {}))).toBe('invalid-args');
  });

  it('film.search lists TMDb candidates with a data: poster, and film.details maps the chosen one', async () => {
    await value(host.call('settings.tmdbToken.set', { token: testToken }));
    const found = await value<{ provider: string; candidates: Array<{ id: string; poster: string | null; directors: string[] }> }>(
      host.call('film.search', { title: 'Nosferatu', year: 1922, provider: 'tmdb' }),
    );
    expect(found.candidates.map((c) => [c.id, c.directors])).toEqual([['653', ['F. W. Murnau']]]);
    expect(found.candidates[0]!.poster).toMatch(/^data:image\/png;base64,/);
    const details = await value<{ film: { cast: unknown[]; ids: unknown } }>(host.call('film.details', { provider: 'tmdb', id: '653', castLimit: 2 }));
    expect(details.film.cast).toHaveLength(2);
    expect(details.film.ids).toEqual({ tmdb: 653, imdb: 'tt0013442', wikidata: 'Q151895', letterboxd: null });
    expect(await errorCode(host.call('film.details', { provider: 'tmdb', id: '999999' }))).toBe('not-found');
  });

  it('Wikidata needs no token; bad arguments are refused before anything is fetched', async () => {
    const found = await value<{ candidates: Array<{ id: string }> }>(host.call('film.search', { title: 'Nosferatu', provider: 'wikidata' }));
    expect(found.candidates.map((c) => c.id)).toEqual(['Q151895']);
    const sent = api.requests.length;
    expect(await errorCode(host.call('film.search', { title: ' ', provider: 'wikidata' }))).toBe('invalid-args');
    expect(await errorCode(host.call('film.search', { title: 'X', provider: 'imdb' }))).toBe('invalid-args');
    expect(await errorCode(host.call('film.details', { provider: 'wikidata', id: '../etc' }))).toBe('invalid-args');
    expect(await errorCode(host.call('film.details', { provider: 'tmdb', id: '653', castLimit: 0 }))).toBe('invalid-args');
    expect(api.requests.length).toBe(sent);
  });
});

describe.each([
  ['in process', inProcess],
  ['over HTTP', overHttp],
])('publishing contract (%s; local stand-in for Ghost’s Admin API)', (_name, setup) => {
  let ghost: GhostServer;
  let dirs: Awaited<ReturnType<typeof tempLibrary>>;
  let host: Harness;

  beforeEach(async () => {
    ghost = await startGhostServer();
    dirs = await tempLibrary();
    host = await setup(dirs);
  });
  afterEach(async () => {
    await host.close();
    await ghost.close();
    await dirs.cleanup();
  });

  it('publish.connection.save keeps the key in the host, never in an answer or in user data in clear; test connects', async () => {
    const secret = ghost.adminKey.split(':')[1]!;
    const saved = await value<{ id: string; credentials: string }>(host.call('publish.connection.save', { target: 'ghost', site: `${ghost.origin}/`, secret: ghost.adminKey }));
    expect(saved).toEqual({ id: `ghost:${ghost.origin}`, target: 'ghost', site: ghost.origin, user: null, credentials: 'session' });
    const listed = await value<unknown[]>(host.call('publish.connections', {}));
    expect(listed).toEqual([saved]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(await readFile(join(dirs.userData, 'publish-connections.json'), 'utf8')).not.toContain(secret);
    const check = await value<{ message: string }>(host.call('publish.connection.test', { id: saved.id }));
    expect(check.message).toBe('Connected to “Intertitle Ghost stand-in” (Ghost).');

    expect(await errorCode(host.call('publish.connection.save', { target: 'ghost', site: ghost.origin, secret: 'not-a-key' }))).toBe('invalid-args');
    expect(await errorCode(host.call('publish.connection.save', { target: 'wordpress', site: 'https://blog.example.org', secret: 'abcdEFGHijklMNOPqrstUVWX' }))).toBe('invalid-args');
    expect(await errorCode(host.call('publish.connection.save', { target: 'wordpress', site: 'http://blog.example.org', user: 'critic' }))).toBe('invalid-args');
    expect(await errorCode(host.call('publish.connection.test', { id: 'ghost:https://elsewhere.example' }))).toBe('not-found');
    expect(await value(host.call('publish.connection.remove', { id: saved.id }))).toBeNull();
    expect(await value(host.call('publish.connections', {}))).toEqual([]);
  });

  it('publish.run publishes the review as saved, records published.ghost in it, and reports progress', async () => {
    const { id } = await value<{ id: string }>(host.call('publish.connection.save', { target: 'ghost', site: ghost.origin, secret: ghost.adminKey }));
    const before = await value<{ revision: string }>(host.call('review.read', { path: 'dear-comrades-2020/index.md' }));
    const result = await value<{ created: boolean; uploaded: number; id: string; revision: string; url: string }>(
      host.call('publish.run', { path: 'dear-comrades-2020/index.md', connection: id }),
    );
    expect(result).toMatchObject({ target: 'ghost', site: ghost.origin, created: true, uploaded: 1, reused: 0 });
    expect(ghost.posts.get(result.id)!.html).toContain('<figcaption>The workers march — Curzon</figcaption>');
    const after = await value<{ text: string; revision: string }>(host.call('review.read', { path: 'dear-comrades-2020/index.md' }));
    expect(after.revision).toBe(result.revision);
    expect(after.text).toContain(`published:\n  ghost:\n    site: ${ghost.origin}\n    id: ${result.id}\n    url: ${result.url}\n`);
    expect(after.text.startsWith('---\ntitle: "The party line, in black and white"   # the headline\n')).toBe(true);
    // A buffer still based on the old revision cannot save over the record.
    expect(await errorCode(host.call('review.save', { path: 'dear-comrades-2020/index.md', text: 'x', bom: false, baseRevision: before.revision }))).toBe('conflict');
    await expect.poll(() => host.events.filter((e) => e.name === 'publish.progress').map((e) => (e.payload as { message: string }).message)).toEqual([
      'Connecting to Ghost…',
      'Uploading stills/01-march.png…',
      'Making the draft…',
      'Recording the post in the review…',
    ]);
    // The watcher sees the host's own writes and stays quiet about them.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(host.events.some((e) => e.name === 'review.changedOnDisk')).toBe(false);

    expect(await errorCode(host.call('publish.run', { path: 'dear-comrades-2020/index.md', connection: 'nowhere' }))).toBe('invalid-args');
    expect(await errorCode(host.call('publish.run', { path: '../outside.md', connection: id }))).not.toBe('ok');
    const broken = await errorCode(host.call('publish.run', { path: 'notes/broken.md', connection: id }));
    expect(broken).toBe('invalid-args');
    expect(ghost.posts.size).toBe(1);
  });
});
