import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { dispatch, type HostEvent } from '../contract';
import { assetContentSecurityPolicy, contentSecurityPolicy } from '../security/csp';
import type { Host, HostOptions } from './host';
import { createHost } from './host-impl';
import { isInside } from './library-paths';

/**
 * The browser host (DESIGN §3): the same renderer and handlers as Electron, over
 * `POST /api/<name>` and server-sent events on `/api/events`, bound to 127.0.0.1 and locked
 * with a per-run token. Stills are served from `/stills/<library path>`, confined to the library.
 */
export interface HttpHostOptions extends Omit<HostOptions, 'kind' | 'emit' | 'chooseFolder' | 'chooseStills'> {
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  port?: number;
  /** Largest request body accepted (a whole review travels in one save). */
  maxBodyBytes?: number;
}

export interface HttpHost {
  /** The URL to open, carrying the token. */
  url: string;
  origin: string;
  host: Host;
  emit(event: HostEvent): void;
  close(): Promise<void>;
}

const staticTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const defaultMaxBody = 64 * 1024 * 1024;

class BodyTooLarge extends Error {}
const cookieName = 'intertitle_token';

function secureHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy());
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, maxBody: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBody) {
        // Stop buffering; the rest of the body is read and dropped so the answer can be sent.
        refused = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return rest.join('=');
  }
  return undefined;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = randomBytes(24).toString('base64url');
  const clients = new Set<ServerResponse>();
  const emit = (event: HostEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) client.write(line);
  };
  const host = await createHost({ ...options, kind: 'http', emit });
  const bugSink = options.bugSink ?? ((error, where) => console.error(`[intertitle] bug in ${where}:`, error));
  const rendererRoot = await realpath(options.rendererDir).catch(() => options.rendererDir);
  let origin = '';
  let allowedHosts = new Set<string>();

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = join(rendererRoot, relative);
    try {
      const real = await realpath(file);
      if (!isInside(rendererRoot, real) || !(await stat(real)).isFile()) throw new Error('outside');
      const type = staticTypes[extname(real)] ?? 'application/octet-stream';
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': relative.startsWith('assets/') ? 'max-age=31536000, immutable' : 'no-cache',
      });
      res.end(await readFile(real));
    } catch {
      if (relative === 'index.html') {
        sendText(res, 500, 'The renderer is not built. Run `npm run web` (it builds first) or `npm run build`.');
      } else {
        sendText(res, 404, 'Not found');
      }
    }
  }

  async function serveStill(res: ServerResponse, pathname: string): Promise<void> {
    let libraryPath: string;
    try {
      libraryPath = decodeURIComponent(pathname.slice('/stills/'.length));
    } catch {
      sendText(res, 400, 'Bad path');
      return;
    }
    const asset = await host.resolveAsset(libraryPath);
    if (!asset) {
      sendText(res, 404, 'Not found');
      return;
    }
    res.setHeader('Content-Security-Policy', assetContentSecurityPolicy);
    res.writeHead(200, { 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache' });
    createReadStream(asset.file).on('error', () => res.destroy()).pipe(res);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    // A JSON content type cannot be sent cross-origin without a preflight, which we never answer.
    if (req.method !== 'POST' || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendText(res, 405, 'Use POST with a JSON body');
      return;
    }
    let args: unknown;
    try {
      const body = await readBody(req, options.maxBodyBytes ?? defaultMaxBody);
      args = body ? JSON.parse(body) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
        res.end(JSON.stringify({ ok: false, error: { code: 'invalid-args', message: 'The request is too large for Intertitle to accept.' } }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'invalid-args', message: 'The request body is not JSON.' } }));
      return;
    }
    const envelope = await dispatch(host.handlers, name, args, { via: 'http' }, bugSink);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(envelope));
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    // Changes the host took in before this stream opened reached nobody: the page may hold a
    // listing from before them. Telling it the library changed makes it ask again, once.
    const library = host.library();
    if (library) res.write(`data: ${JSON.stringify({ name: 'library.changed', payload: { library, reason: 'changed' } } satisfies HostEvent)}\n\n`);
  }

  const server = createServer((req, res) => {
    secureHeaders(res);
    // DNS rebinding: only answer requests addressed to our own loopback origin.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendText(res, 421, 'Wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (!tokenMatches(token, url.searchParams.get('token') ?? undefined)) {
        sendText(res, 403, 'This link has an old token. Open the URL that `npm run web` printed last.');
        return;
      }
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      res.end();
      return;
    }
    if (!tokenMatches(token, cookieToken(req) ?? (req.headers['x-intertitle-token'] as string | undefined))) {
      sendText(res, 403, 'Open the URL that `npm run web` printed (it carries a per-run token).');
      return;
    }
    const work = url.pathname === '/api/events'
      ? Promise.resolve(serveEvents(req, res))
      : url.pathname.startsWith('/api/')
        ? serveApi(req, res, url.pathname.slice('/api/'.length))
        : url.pathname.startsWith('/stills/')
          ? serveStill(res, url.pathname)
          : req.method === 'GET' || req.method === 'HEAD'
            ? serveStatic(res, url.pathname)
            : Promise.resolve(sendText(res, 405, 'Method not allowed'));
    work.catch((error) => {
      bugSink(error, `http ${url.pathname}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    url: `${origin}/?token=${token}`,
    origin,
    host,
    emit,
    async close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await host.close();
    },
  };
}
