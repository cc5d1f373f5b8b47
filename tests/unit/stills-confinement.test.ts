import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStillHandler } from '../../electron/protocols';
import { createHost, type Host } from '../../src/node/host';
import { startHttpHost, type HttpHost } from '../../src/node/http-host';
import { tempLibrary } from '../helpers/temp';

/**
 * Stills reach the renderer only from inside the library (issue 4): the same attacks, written as
 * the path after the route, against both ways a still is served — the HTTP host's `/stills/` route
 * and Electron's `intertitle-still://library/` protocol — on one real temp library with a secret
 * picture beside it and a symlink pointing at it.
 */

let dirs: Awaited<ReturnType<typeof tempLibrary>>;
let http: HttpHost;
let token: string;
let electronHost: Host;
let secretPath: string;
const secret = 'SECRET-OUTSIDE-THE-LIBRARY';
const bugs: unknown[] = [];

beforeAll(async () => {
  dirs = await tempLibrary();
  secretPath = join(dirs.root, '..', 'secret.png');
  await writeFile(secretPath, secret);
  await writeFile(join(dirs.root, '..', 'secret.jpg'), secret);
  await symlink(secretPath, join(dirs.root, 'dear-comrades-2020', 'stills', 'escape.png'));
  // Not the folder with the secret: a path that fell out of /stills/ must not be served from it either.
  const rendererDir = join(dirs.root, '..', 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Intertitle</title>');
  http = await startHttpHost({ version: 'test', userDataDir: dirs.userData, documentsDir: dirs.documents, initialLibrary: dirs.root, rendererDir });
  token = new URL(http.url).searchParams.get('token')!;
  electronHost = await createHost({
    kind: 'electron',
    version: 'test',
    userDataDir: join(dirs.userData, '..', 'user-data-electron'),
    documentsDir: dirs.documents,
    initialLibrary: dirs.root,
    watchLibrary: false,
    emit: () => {},
    bugSink: (error) => bugs.push(error),
  });
});

afterAll(async () => {
  await http?.close();
  await electronHost?.close();
  await dirs?.cleanup();
});

/** The path sent exactly as written (no client-side normalising), as an attacker could. */
function viaHttp(rest: string): Promise<{ status: number; body: string }> {
  const url = new URL(http.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: `/stills/${rest}`, headers: { host: url.host, cookie: `intertitle_token=${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function viaElectron(rest: string): Promise<{ status: number; body: string }> {
  const handler = createStillHandler((p) => electronHost.resolveAsset(p), (error) => bugs.push(error));
  let req: Request;
  try {
    req = new Request(`intertitle-still://library/${rest}`);
  } catch {
    // A URL Chromium would not even send.
    return { status: 400, body: '' };
  }
  const response = await handler(req);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString('latin1') };
}

const surfaces = [
  ['the HTTP host’s /stills/ route', viaHttp],
  ['the Electron intertitle-still: protocol', viaElectron],
] as const;

const encodeAll = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

const attacks: Array<[string, () => string]> = [
  ['.. segments', () => '../secret.png'],
  ['.. after a review folder', () => 'dear-comrades-2020/../../secret.png'],
  ['%2e%2e%2f', () => '%2e%2e%2fsecret.png'],
  ['%2E%2E%2F in capitals', () => '%2E%2E%2Fsecret.png'],
  ['%2e%2e/ segments', () => '%2e%2e/secret.png'],
  ['a half-encoded .%2e/', () => 'dear-comrades-2020/.%2e/.%2e/secret.png'],
  ['..%2f inside a review folder', () => 'dear-comrades-2020/stills/..%2f..%2f..%2fsecret.png'],
  ['double encoding (decoded once only)', () => '%252e%252e%252fsecret.png'],
  ['overlong UTF-8 dots and slash', () => '%c0%ae%c0%ae%c0%afsecret.png'],
  ['every character encoded', () => encodeAll('../secret.png')],
  ['backslashes', () => '..\\secret.png'],
  ['backslashes after a review folder', () => 'dear-comrades-2020\\..\\..\\secret.png'],
  ['%5c backslashes', () => '..%5csecret.png'],
  ['an absolute path', () => secretPath.slice(1)],
  ['an encoded absolute path', () => encodeURIComponent(secretPath)],
  ['a doubled slash before an absolute path', () => `/${secretPath.slice(1)}`],
  ['a Windows drive path', () => 'C:%5Csecret.png'],
  ['a Windows drive with a slash', () => 'C:/secret.png'],
  ['a UNC path', () => '%5c%5cserver%5cshare%5csecret.png'],
  ['a symlink pointing outside the library', () => 'dear-comrades-2020/stills/escape.png'],
  ['a NUL byte', () => '%00'],
  ['a NUL before an image extension', () => 'dear-comrades-2020/stills/01-march.png%00.png'],
  ['a NUL after the name', () => 'dear-comrades-2020/stills/01-march.png%00'],
  ['a NUL with .. ', () => '..%00/secret.png'],
  ['a file that is not a picture', () => 'dear-comrades-2020/index.md'],
];

describe.each(surfaces)('stills confinement: %s', (_surface, get) => {
  it('serves a still inside the library (the control)', async () => {
    const response = await get('dear-comrades-2020/stills/01-march.png');
    expect(response.status).toBe(200);
    expect(response.body.slice(1, 4)).toBe('PNG');
  });

  it.each(attacks)('refuses %s', async (_label, path) => {
    const response = await get(path());
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain(secret);
  });
});

describe('stills confinement', () => {
  it('logged no bugs: every refusal was an expected answer', () => {
    expect(bugs).toEqual([]);
  });
});
