import { readFile, writeFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Envelope, type HostEvent } from '../../src/contract';
import { createHost } from '../../src/node/host-impl';
import { startHttpHost } from '../../src/node/http-host';
import { tempLibrary } from '../helpers/temp';

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
});
