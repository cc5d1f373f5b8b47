import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { publishPorts } from '../../src/node/publish-ports';
import { publishReview, testConnection } from '../../src/node/publish-service';
import { SiteClient } from '../../src/publish/site-client';
import { normaliseSiteUrl } from '../../src/publish/site-url';
import { startGhostServer } from '../helpers/ghost-server';
import { hostFailure } from '../helpers/host-failure';
import { publishFixture } from '../helpers/publish-fixture';

// Where credentials may go: local servers on 127.0.0.1 and 127.0.0.2 (both loopback, but
// different hosts), each recording what reached it. Every request is bounded in time.

interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
}

interface LocalServer {
  origin: string;
  requests: Recorded[];
  close(): Promise<void>;
}

const open: LocalServer[] = [];

async function serve(host: string, handle: (req: IncomingMessage, res: ServerResponse, self: LocalServer) => void): Promise<LocalServer> {
  const sockets = new Set<Socket>();
  const requests: Recorded[] = [];
  const self = { origin: '', requests } as LocalServer;
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => handle(req, res, self));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  self.origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  self.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  open.push(self);
  return self;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

const ghostKey = `0123456789abcdef01234567:${'ab'.repeat(32)}`;
const wordpress = { target: 'wordpress' as const, user: 'critic', appPassword: 'abcdEFGHijklMNOPqrstUVWX' };

describe('site addresses', () => {
  it.each([
    ['example.org', 'https://example.org'],
    ['https://Example.org/?q=1#top', 'https://example.org'],
    ['https://example.org/blog/', 'https://example.org/blog'],
    ['http://127.0.0.1:8080/blog/', 'http://127.0.0.1:8080/blog'],
    ['http://localhost:2368', 'http://localhost:2368'],
    ['http://[::1]:2368', 'http://[::1]:2368'],
    ['http://127.10.0.3', 'http://127.10.0.3'],
  ])('%s is published to as %s', (typed, site) => {
    expect(normaliseSiteUrl(typed)).toBe(site);
  });

  it.each([
    ['http://example.org', /only over https.*https:\/\/example\.org/],
    ['http://192.168.1.10/wp', /only over https/],
    ['https://critic:secret@example.org', /Leave the user name and password out of the address/],
    ['ftp://example.org', /cannot be published to/],
    ['   ', /Type the address/],
    ['https://', /not a web address/],
  ])('%j is refused: %s', (typed, message) => {
    expect(() => normaliseSiteUrl(typed)).toThrow(message);
  });

  it('plain http to another computer is refused before anything is sent', async () => {
    const fixture = await publishFixture();
    let sent = 0;
    const spy: typeof fetch = async () => {
      sent++;
      throw new Error('must not be called');
    };
    try {
      const error = await hostFailure(
        publishReview({ root: fixture.root, path: 'dear-comrades-2020/index.md', target: 'wordpress', site: 'http://blog.example.org', credentials: wordpress, version: 'test', fetch: spy }),
      );
      expect(error.message).toMatch(/publishes only over https/);
      expect(sent).toBe(0);
    } finally {
      await fixture.cleanup();
    }
  });
});

describe('credentials never follow a redirect to another host', () => {
  it('Ghost: a redirect of the site check to another host is not followed, and that host hears nothing', async () => {
    const trap = await serve('127.0.0.2', (_req, res) => res.end('{}'));
    const site = await serve('127.0.0.1', (req, res) => {
      res.writeHead(302, { Location: `${trap.origin}${req.url}` });
      res.end();
    });
    const error = await hostFailure(testConnection({ site: site.origin, credentials: { target: 'ghost', adminKey: ghostKey }, version: 'test', timeoutMs: 5000 }));
    expect(error.message).toBe(
      `Ghost at 127.0.0.1 sends Intertitle on to ${trap.origin.slice(7)}. Intertitle does not send your credentials to another host; if that is your site's real address, connect to ${trap.origin} instead.`,
    );
    expect(trap.requests).toEqual([]);
  });

  it('Ghost: an authenticated request redirected elsewhere stops there; the token went only to the site', async () => {
    const ghost = await startGhostServer();
    const trap = await serve('127.0.0.2', (_req, res) => res.end('{}'));
    // A proxy in front of the stand-in that sends the posts request away.
    const proxy = await serve('127.0.0.1', (req, res) => {
      if (req.url?.startsWith('/ghost/api/admin/posts/')) {
        res.writeHead(307, { Location: `${trap.origin}${req.url}` });
        res.end();
        return;
      }
      void fetch(`${ghost.origin}${req.url}`).then(async (upstream) => {
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(await upstream.text());
      });
    });
    try {
      const error = await hostFailure(testConnection({ site: proxy.origin, credentials: { target: 'ghost', adminKey: ghost.adminKey }, version: 'test', timeoutMs: 5000 }));
      expect(error.message).toContain('Intertitle does not send your credentials to another host');
      expect(proxy.requests.map((r) => [r.path, Boolean(r.authorization)])).toEqual([
        ['/ghost/api/admin/site/', false],
        ['/ghost/api/admin/posts/?limit=1&fields=id', true],
      ]);
      expect(trap.requests).toEqual([]);
    } finally {
      await ghost.close();
    }
  });

  it('WordPress: an API root on another host (in the Link header) gets no request at all', async () => {
    const trap = await serve('127.0.0.2', (_req, res) => res.end('{"namespaces":["wp/v2"]}'));
    const site = await serve('127.0.0.1', (_req, res) => {
      res.writeHead(200, { Link: `<${trap.origin}/wp-json/>; rel="https://api.w.org/"`, 'content-type': 'text/html' });
      res.end('<html></html>');
    });
    const error = await hostFailure(testConnection({ site: site.origin, credentials: wordpress, version: 'test', timeoutMs: 5000 }));
    expect(error.message).toBe(`WordPress at 127.0.0.1 named another host (${trap.origin.slice(7)}) for its API; Intertitle sends your credentials only to 127.0.0.1.`);
    expect(trap.requests).toEqual([]);
    expect(site.requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  it('a redirect on the same host is followed with the credentials; a POST is never turned into a GET', async () => {
    const site = await serve('127.0.0.1', (req, res) => {
      if (req.url === '/moved') {
        res.writeHead(307, { Location: '/here' });
        res.end();
      } else if (req.url === '/upload') {
        res.writeHead(301, { Location: '/uploads/' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
      }
    });
    const ports = publishPorts({ version: 'test', timeoutMs: 5000, checkpoint: async () => {} });
    const client = new SiteClient(ports, 'WordPress', site.origin, () => 'Basic c2VjcmV0', () => ({ message: null, code: null }));
    expect(await client.json({ method: 'GET', url: `${site.origin}/moved`, auth: true }, 'reading')).toEqual({ authorization: 'Basic c2VjcmV0' });
    const error = await hostFailure(client.json({ method: 'POST', url: `${site.origin}/upload`, body: 'x', auth: true }, 'uploading'));
    expect(error.message).toContain("redirected Intertitle's POST to /uploads/ (HTTP 301)");
    expect(site.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /moved', 'GET /here', 'POST /upload']);
  });

  it('redirects that go round in circles stop after five', async () => {
    const site = await serve('127.0.0.1', (req, res) => {
      res.writeHead(302, { Location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    });
    const ports = publishPorts({ version: 'test', timeoutMs: 5000, checkpoint: async () => {} });
    const client = new SiteClient(ports, 'Ghost', site.origin, () => 'Ghost x', () => ({ message: null, code: null }));
    expect((await hostFailure(client.send({ method: 'GET', url: `${site.origin}/a` }))).message).toContain('round in redirects');
    expect(site.requests).toHaveLength(6);
  });
});

describe('a site that does not answer', () => {
  it('is given up on after the timeout, with a sentence', async () => {
    const silent = await serve('127.0.0.1', () => {
      // never answers
    });
    const started = Date.now();
    const error = await hostFailure(testConnection({ site: silent.origin, credentials: { target: 'ghost', adminKey: ghostKey }, version: 'test', timeoutMs: 300 }));
    expect(error.code).toBe('network');
    expect(error.message).toBe('Ghost at 127.0.0.1 did not answer within 300 ms. Try again, or check the connection.');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a refused connection names the reason', async () => {
    const gone = await serve('127.0.0.1', () => {});
    await gone.close();
    const error = await hostFailure(testConnection({ site: gone.origin, credentials: wordpress, version: 'test', timeoutMs: 2000 }));
    expect(error.message).toBe('Intertitle could not reach WordPress at 127.0.0.1 (ECONNREFUSED). Check the address and the connection.');
  });
});
