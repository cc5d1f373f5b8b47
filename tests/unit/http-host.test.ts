import { mkdir, writeFile, symlink } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../src/node/http-host';
import { tempLibrary } from '../helpers/temp';

let dirs: Awaited<ReturnType<typeof tempLibrary>>;
let server: HttpHost;
let token: string;
let rendererDir: string;

/** A raw request, so tests can send any Host header and path, as an attacker could. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  const url = new URL(server.origin);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers: { host: url.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const authed = () => ({ cookie: `intertitle_token=${token}` });

beforeAll(async () => {
  dirs = await tempLibrary();
  rendererDir = join(dirs.root, '..', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Intertitle</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dirs.root, '..', 'secret.png'), 'not yours');
  await symlink(join(dirs.root, '..', 'secret.png'), join(dirs.root, 'dear-comrades-2020', 'stills', 'escape.png'));
  server = await startHttpHost({
    version: 'test',
    userDataDir: dirs.userData,
    documentsDir: dirs.documents,
    initialLibrary: dirs.root,
    rendererDir,
  });
  token = new URL(server.url).searchParams.get('token')!;
});

afterAll(async () => {
  await server.close();
  await dirs.cleanup();
});

describe('HTTP host', () => {
  it('listens on 127.0.0.1 only, with a token in the printed URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('trades the URL token for an HttpOnly, SameSite cookie', async () => {
    const response = await raw(`/?token=${token}`);
    expect(response.status).toBe(303);
    expect(String(response.headers['set-cookie'])).toMatch(/intertitle_token=.+; HttpOnly; SameSite=Strict/);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await raw('/')).status).toBe(403);
    expect((await raw('/?token=wrong')).status).toBe(403);
    expect((await raw('/api/app.info', { 'content-type': 'application/json', cookie: 'intertitle_token=nope' }, 'POST', '{}')).status).toBe(403);
  });

  it('requires the token for the events stream and the stills too', async () => {
    expect((await raw('/api/events')).status).toBe(403);
    expect((await raw('/stills/dear-comrades-2020/stills/01-march.png')).status).toBe(403);
    expect((await raw('/assets/app.js')).status).toBe(403);
  });

  it('answers no CORS: a preflight gets no Access-Control headers, and no response carries them', async () => {
    const preflight = await raw('/api/review.save', {
      ...authed(),
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    }, 'OPTIONS');
    expect(preflight.status).toBe(405);
    for (const response of [preflight, await raw('/', { ...authed(), origin: 'http://evil.example' })]) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await raw('/', { ...authed(), host: 'evil.example:80' })).status).toBe(421);
  });

  it('serves the renderer with the CSP on every response', async () => {
    const page = await raw('/', authed());
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Intertitle</title>');
    for (const response of [page, await raw('/assets/app.js', authed()), await raw('/missing', authed()), await raw('/')]) {
      expect(response.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
      expect(response.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../secret.png', '/%2e%2e/secret.png', '/assets/..%2f..%2fsecret.png']) {
      const response = await raw(path, authed());
      expect(response.status, path).toBe(404);
    }
  });

  it('serves a still from the library with its image type', async () => {
    const response = await raw('/stills/dear-comrades-2020/stills/01-march.png', authed());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.body.subarray(1, 4).toString()).toBe('PNG');
  });

  it.each([
    '/stills/..%2f..%2fsecret.png',
    '/stills/%2e%2e/secret.png',
    '/stills/dear-comrades-2020/stills/escape.png',
    '/stills/dear-comrades-2020/index.md',
    '/stills/loose-review.md',
    '/stills/%00.png',
    '/stills/%E0%A4%A.png',
    '/stills/..\\..\\secret.png',
  ])('does not serve %s', async (path) => {
    const response = await raw(path, authed());
    expect([400, 404]).toContain(response.status);
    expect(response.body.toString()).not.toContain('not yours');
  });

  it('takes API calls only as POST with a JSON body', async () => {
    expect((await raw('/api/app.info', authed())).status).toBe(405);
    expect((await raw('/api/app.info', { ...authed(), 'content-type': 'text/plain' }, 'POST', '{}')).status).toBe(405);
    const bad = await raw('/api/app.info', { ...authed(), 'content-type': 'application/json' }, 'POST', '{not json');
    expect(JSON.parse(bad.body.toString())).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });
});

describe('HTTP host request limits', () => {
  it('refuses a request body over the limit with 413 and a clear message, and keeps serving', async () => {
    const small = await startHttpHost({
      version: 'test',
      userDataDir: dirs.userData,
      documentsDir: dirs.documents,
      initialLibrary: dirs.root,
      rendererDir,
      maxBodyBytes: 1024,
    });
    try {
      const token = new URL(small.url).searchParams.get('token')!;
      const post = (body: string) =>
        fetch(`${small.origin}/api/review.save`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-intertitle-token': token },
          body,
        });
      const tooBig = await post(JSON.stringify({ path: 'loose-review.md', text: 'x'.repeat(5000), bom: false, baseRevision: null }));
      expect(tooBig.status).toBe(413);
      expect(await tooBig.json()).toMatchObject({ ok: false, error: { message: /too large/ } });
      const fine = await post('{}');
      expect((await fine.json()).ok).toBe(false); // invalid-args, but answered
    } finally {
      await small.close();
    }
  });
});

describe('HTTP host events', () => {
  it('tells a page whose event stream just opened that the library changed, so a listing it fetched before is asked for again', async () => {
    const url = new URL(server.origin);
    const first = await new Promise<string>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '/api/events', headers: { host: url.host, ...authed() } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += String(chunk);
          const data = /^data: (.*)$/m.exec(text);
          if (data) {
            resolve(data[1]!);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      setTimeout(() => reject(new Error('no event within 5 s')), 5000);
      req.end();
    });
    expect(JSON.parse(first)).toMatchObject({ name: 'library.changed', payload: { reason: 'changed', library: { root: expect.any(String) } } });
  });
});
