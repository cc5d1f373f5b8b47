import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appCsp } from '../../electron/csp';
import { createAppHandler, createStillHandler, handleProtocols, registerSchemes } from '../../electron/protocols';
import { createHost, type Host } from '../../src/node/host';
import { protocol, resetElectronFake } from '../mocks/electron';

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'intertitle-protocols-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(() => resetElectronFake());

describe('the app scheme', () => {
  let root: string;
  let get: (url: string, init?: RequestInit) => Promise<Response>;

  beforeAll(async () => {
    const dist = path.join(tmp, 'dist');
    root = path.join(dist, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await mkdir(path.join(dist, 'electron'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Intertitle</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(root, 'assets', 'font.woff2'), 'wOF2');
    await writeFile(path.join(dist, 'electron', 'main.cjs'), 'secret main');
    await writeFile(path.join(tmp, 'outside.js'), 'outside');
    await symlink(path.join(tmp, 'outside.js'), path.join(root, 'assets', 'escape.js'));
    const handler = createAppHandler(root);
    get = (url, init) => handler(new Request(url, init));
  });

  it.each([
    ['intertitle://app/', 'text/html; charset=utf-8'],
    ['intertitle://app/index.html', 'text/html; charset=utf-8'],
    ['intertitle://app/assets/app.js', 'text/javascript; charset=utf-8'],
    ['intertitle://app/assets/app.css', 'text/css; charset=utf-8'],
    ['intertitle://app/assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('serves the file itself', async () => {
    expect(await (await get('intertitle://app/assets/app.js')).text()).toBe('console.log(1)');
  });

  it.each([
    ['..%2f..%2felectron%2fmain.cjs', 'intertitle://app/..%2f..%2felectron%2fmain.cjs', 404],
    ['..%2f encoded once more', 'intertitle://app/assets/..%2f..%2f..%2foutside.js', 404],
    ['%2e%2e/ (collapsed by the parser)', 'intertitle://app/%2e%2e/%2e%2e/outside.js', 404],
    ['..%5c (Windows separator)', 'intertitle://app/..%5c..%5celectron%5cmain.cjs', 404],
    ['a symlink out of dist/renderer', 'intertitle://app/assets/escape.js', 404],
    ['a missing file', 'intertitle://app/nope.js', 404],
    ['a NUL', 'intertitle://app/index.html%00.js', 400],
    ['a malformed escape', 'intertitle://app/%E0%A4%A', 400],
    ['another host', 'intertitle://evil/index.html', 404],
  ])('refuses %s', async (_label, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(await response.text()).not.toMatch(/secret main|outside/);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('intertitle://app/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('intertitle://app/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends the CSP and nosniff on every response, errors included', async () => {
    for (const url of [
      'intertitle://app/',
      'intertitle://app/assets/app.js',
      'intertitle://app/nope',
      'intertitle://app/%00',
      'intertitle://app/..%2fx',
      'intertitle://other/',
    ]) {
      const response = await get(url);
      expect(response.headers.get('content-security-policy'), url).toBe(appCsp);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('says so when the renderer was not built', async () => {
    const response = await createAppHandler(path.join(tmp, 'not-built'))(new Request('intertitle://app/'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(appCsp);
  });
});

describe('the stills scheme', () => {
  let library: string;
  let host: Host;
  let get: (url: string) => Promise<Response>;
  const errors: unknown[] = [];
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

  beforeAll(async () => {
    library = path.join(tmp, 'library');
    const stills = path.join(library, 'dear-comrades-2020', 'stills');
    await mkdir(stills, { recursive: true });
    await mkdir(path.join(tmp, 'secret'), { recursive: true });
    await writeFile(path.join(library, 'dear-comrades-2020', 'index.md'), '---\ntitle: x\n---\n');
    await writeFile(path.join(library, 'dear-comrades-2020', 'notes.txt'), 'notes');
    await writeFile(path.join(stills, '01-workers march.jpg'), jpeg);
    await writeFile(path.join(stills, 'frame.PNG'), 'png');
    await writeFile(path.join(stills, 'a%2e.jpg'), 'literal percent');
    await writeFile(path.join(tmp, 'secret', 'secret.jpg'), 'SECRET');
    await writeFile(path.join(tmp, 'passwd'), 'root:x:0:0');
    await symlink(path.join(tmp, 'secret', 'secret.jpg'), path.join(stills, 'link.jpg'));
    host = await createHost({
      kind: 'electron',
      version: '0.0.0-test',
      userDataDir: path.join(tmp, 'user-data'),
      documentsDir: path.join(tmp, 'documents'),
      initialLibrary: library,
      emit: () => {},
      bugSink: (error) => errors.push(error),
    });
    const handler = createStillHandler((p) => host.resolveAsset(p), (error) => errors.push(error));
    get = (url) => handler(new Request(url));
  });

  afterAll(async () => {
    await host?.close();
  });

  it('serves a still of the open library with its content type', async () => {
    const response = await get('intertitle-still://library/dear-comrades-2020/stills/01-workers%20march.jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(jpeg);
  });

  it('takes the content type from the extension, whatever its case', async () => {
    const response = await get('intertitle-still://library/dear-comrades-2020/stills/frame.PNG');
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('decodes exactly once', async () => {
    const response = await get('intertitle-still://library/dear-comrades-2020/stills/a%252e.jpg');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('literal percent');
  });

  it.each([
    ['..%2f..%2fetc%2fpasswd', 'intertitle-still://library/..%2f..%2fetc%2fpasswd', 404],
    ['..%2f to a sibling of the library', 'intertitle-still://library/..%2fpasswd', 404],
    ['..%2f hidden in a review folder', 'intertitle-still://library/dear-comrades-2020/..%2f..%2fsecret%2fsecret.jpg', 404],
    ['%2e%2e/ segments', 'intertitle-still://library/%2e%2e/%2e%2e/secret/secret.jpg', 404],
    ['%2e%2e%2f in one segment', 'intertitle-still://library/%2e%2e%2fsecret%2fsecret.jpg', 404],
    ['an encoded absolute path', 'intertitle-still://library/%2Fetc%2Fpasswd', 404],
    ['a Windows separator', 'intertitle-still://library/..%5c..%5csecret%5csecret.jpg', 404],
    ['%00.jpg', 'intertitle-still://library/%00.jpg', 400],
    ['a NUL before the extension', 'intertitle-still://library/dear-comrades-2020/stills/link.jpg%00.png', 400],
    ['a malformed escape', 'intertitle-still://library/%E0%A4%A.jpg', 400],
    ['a symlink out of the library', 'intertitle-still://library/dear-comrades-2020/stills/link.jpg', 404],
    ['a non-image file', 'intertitle-still://library/dear-comrades-2020/notes.txt', 404],
    ['the review itself', 'intertitle-still://library/dear-comrades-2020/index.md', 404],
    ['a missing still', 'intertitle-still://library/dear-comrades-2020/stills/gone.jpg', 404],
    ['a folder', 'intertitle-still://library/dear-comrades-2020/stills', 404],
    ['another host', 'intertitle-still://evil/dear-comrades-2020/stills/01-workers%20march.jpg', 404],
  ])('does not serve %s', async (_label, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toMatch(/SECRET|root:x/);
  });

  it('logged no bugs on the way', () => {
    expect(errors).toEqual([]);
  });
});

describe('the stills handler before the host', () => {
  it('asks the host for the decoded, normalised library path', async () => {
    const asked: string[] = [];
    const handler = createStillHandler(async (p) => {
      asked.push(p);
      return null;
    }, () => {});
    await handler(new Request('intertitle-still://library/a%20b/./stills/c%C3%A9.jpg'));
    await handler(new Request('intertitle-still://library/..%2f..%2fx.jpg'));
    await handler(new Request('intertitle-still://library/a/b.svg'));
    expect(asked).toEqual(['a b/stills/cé.jpg']);
  });

  it('reports a host failure as a bug and answers 404', async () => {
    const errors: unknown[] = [];
    const handler = createStillHandler(() => Promise.reject(new Error('boom')), (error) => errors.push(error));
    expect((await handler(new Request('intertitle-still://library/a.jpg'))).status).toBe(404);
    expect(errors).toHaveLength(1);
  });
});

describe('registration', () => {
  it('registers both schemes as privileged and handles both', async () => {
    registerSchemes(protocol as unknown as Protocol);
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['intertitle', 'intertitle-still']);
    expect(protocol.privileged.some((s) => s.privileges?.bypassCSP)).toBe(false);
    handleProtocols(protocol as unknown as Protocol, {
      rendererDir: path.join(tmp, 'nowhere'),
      resolveAsset: async () => null,
      onError: () => {},
    });
    expect([...protocol.handlers.keys()]).toEqual(['intertitle', 'intertitle-still']);
    expect((await protocol.fetch('intertitle-still://library/a.jpg')).status).toBe(404);
  });
});
