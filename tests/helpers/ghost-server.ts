import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/*
 * A LOCAL STAND-IN for Ghost's Admin API on 127.0.0.1 (not a real Ghost: Ghost 6 needs Node 22
 * and a native SQLite build). It implements the documented shapes publishing uses, as
 * docs.ghost.org/admin-api describes them: `Authorization: Ghost <jwt>` checked like Ghost's
 * api-key/admin.js (HS256 signed with the key's hex secret, `kid` naming the key, audience
 * `/admin/`, at most five minutes), `GET site/`, `POST images/upload/` (multipart), posts created
 * with `?source=html` and updated with PUT carrying the current `updated_at` (409
 * UpdateCollisionError when stale), and Ghost's `{errors: [...]}` bodies.
 */

export interface GhostPost {
  id: string;
  uuid: string;
  title: string;
  slug: string;
  html: string | null;
  status: string;
  custom_excerpt: string | null;
  tags: Array<{ id: string; name: string; slug: string }>;
  url: string;
  created_at: string;
  updated_at: string;
}

export interface GhostServer {
  origin: string;
  /** The Admin API key, `<id>:<hex secret>`, as Ghost shows it for a custom integration. */
  adminKey: string;
  posts: Map<string, GhostPost>;
  images: Map<string, { bytes: Buffer; contentType: string; ref: string | null }>;
  requests: Array<{ method: string; path: string; authorized: boolean }>;
  /** An edit made in Ghost's own editor: the post's `updated_at` moves on. */
  editInGhost(id: string, fields: Partial<Pick<GhostPost, 'title' | 'html'>>): void;
  /** Answers the next `method` request whose path contains `path` with this status (then behaves again). */
  failNext(method: string, path: string, status: number): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const adminBase = '/ghost/api/admin/';

function hexId(): string {
  return randomBytes(12).toString('hex');
}

function send(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Version': 'v5.0' });
  res.end(JSON.stringify(body));
}

function ghostError(res: ServerResponse, status: number, type: string, message: string, code?: string): void {
  send(res, status, { errors: [{ message, context: null, type, details: null, property: null, help: null, code: code ?? null, id: hexId() }] });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function slugOf(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'untitled';
}

/** Checks a Ghost Admin token as Ghost does; null when it is good, else why not. */
function checkToken(header: string | undefined, keyId: string, secret: Buffer, now: number): { status: number; type: string; code: string; message: string } | null {
  if (!header?.startsWith('Ghost ')) return { status: 401, type: 'UnauthorizedError', code: 'INVALID_AUTH_HEADER', message: 'Authorization header format is "Authorization: Ghost [token]"' };
  const parts = header.slice(6).split('.');
  const invalid = (message: string) => ({ status: 401, type: 'UnauthorizedError', code: 'INVALID_JWT', message: `Invalid token: ${message}` });
  if (parts.length !== 3) return invalid('jwt malformed');
  let head: Json;
  let payload: Json;
  try {
    head = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Json;
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Json;
  } catch {
    return invalid('jwt malformed');
  }
  if (!head['kid']) return { status: 400, type: 'BadRequestError', code: 'MISSING_ADMIN_API_KID', message: 'Admin API kid missing.' };
  if (head['kid'] !== keyId) return { status: 401, type: 'UnauthorizedError', code: 'UNKNOWN_ADMIN_API_KEY', message: 'Unknown Admin API Key' };
  if (head['alg'] !== 'HS256') return invalid('invalid algorithm');
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid('invalid signature');
  if (typeof payload['aud'] !== 'string' || !/^\/?admin\/?$/.test(payload['aud'])) return invalid('jwt audience invalid. expected: /admin/');
  const iat = payload['iat'];
  const exp = payload['exp'];
  if (typeof iat !== 'number' || typeof exp !== 'number') return invalid('jwt must have iat and exp');
  if (exp - iat > 5 * 60) return invalid('maxAge exceeded');
  if (now >= exp) return invalid('jwt expired');
  if (iat > now + 60) return invalid('jwt issued in the future');
  return null;
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startGhostServer(options: { now?: () => number; /** Each image upload takes this long (progress can be watched). */ uploadDelayMs?: number } = {}): Promise<GhostServer> {
  const keyId = hexId();
  const secret = randomBytes(32);
  const posts = new Map<string, GhostPost>();
  const images = new Map<string, { bytes: Buffer; contentType: string; ref: string | null }>();
  const requests: GhostServer['requests'] = [];
  const failures: Array<{ method: string; path: string; status: number }> = [];
  const now = options.now ?? (() => Date.now());
  let origin = '';
  let clock = 0;
  /** Strictly increasing times, as a real edit always moves updated_at on. */
  const tick = () => {
    clock = Math.max(now(), clock + 1);
    return new Date(clock).toISOString();
  };

  const tags = new Map<string, { id: string; name: string; slug: string }>();
  const tagOf = (value: unknown) => {
    const name = typeof value === 'string' ? value : String((value as Json)?.['name'] ?? '');
    const slug = slugOf(name);
    const tag = tags.get(slug) ?? { id: hexId(), name, slug };
    tags.set(slug, tag);
    return tag;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    requests.push({ method: req.method ?? 'GET', path: `${path}${url.search}`, authorized: Boolean(req.headers.authorization) });
    const failure = failures.findIndex((f) => f.method === req.method && path.includes(f.path));
    if (failure >= 0) {
      const { status } = failures.splice(failure, 1)[0]!;
      ghostError(res, status, status >= 500 ? 'InternalServerError' : 'BadRequestError', `Failed on purpose (${status}).`);
      return;
    }
    if (req.method === 'GET' && path.startsWith('/content/images/')) {
      const image = images.get(path);
      if (!image) return ghostError(res, 404, 'NotFoundError', 'Image not found');
      res.writeHead(200, { 'Content-Type': image.contentType, 'Content-Length': image.bytes.length });
      res.end(image.bytes);
      return;
    }
    if (!path.startsWith(adminBase)) return ghostError(res, 404, 'NotFoundError', 'Resource not found');
    const route = path.slice(adminBase.length);
    if (req.method === 'GET' && route === 'site/') {
      send(res, 200, { site: { title: 'Intertitle Ghost stand-in', description: 'Film reviews', url: `${origin}/`, version: '5.0' } });
      return;
    }
    const refused = checkToken(req.headers.authorization, keyId, secret, Math.floor(now() / 1000));
    if (refused) return ghostError(res, refused.status, refused.type, refused.message, refused.code);

    if (req.method === 'POST' && route === 'images/upload/') {
      const body = await readBody(req);
      if (options.uploadDelayMs) await new Promise((resolve) => setTimeout(resolve, options.uploadDelayMs));
      const form = await new Request(url, { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: new Uint8Array(body) }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob) || !('name' in file)) return ghostError(res, 422, 'ValidationError', 'Please select an image.');
      if (!['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/svg+xml'].includes(file.type)) {
        return ghostError(res, 415, 'UnsupportedMediaTypeError', 'Please select a valid image.');
      }
      const name = String((file as File).name);
      let imagePath = `/content/images/2026/11/${name}`;
      for (let n = 1; images.has(imagePath); n++) imagePath = `/content/images/2026/11/${name.replace(/(\.[^.]+)?$/, `-${n}$1`)}`;
      const ref = form.get('ref');
      images.set(imagePath, { bytes: Buffer.from(await file.arrayBuffer()), contentType: file.type, ref: typeof ref === 'string' ? ref : null });
      send(res, 201, { images: [{ url: `${origin}${imagePath}`, ref: typeof ref === 'string' ? ref : null }] });
      return;
    }

    if (route === 'posts/' && req.method === 'GET') {
      // NQL, only as far as Intertitle uses it: `status:<status>` (and `slug:<slug>`); newest first.
      const filter = url.searchParams.get('filter');
      const terms = Object.fromEntries((filter ?? '').split('+').filter(Boolean).map((term) => term.split(':') as [string, string]));
      const found = [...posts.values()].filter((p) => (!terms['slug'] || p.slug === terms['slug']) && (!terms['status'] || p.status === terms['status'])).reverse();
      const page = filter ? found : found.slice(0, 1);
      send(res, 200, { posts: page, meta: { pagination: { page: 1, limit: page.length, pages: 1, total: found.length } } });
      return;
    }
    const match = /^posts\/([0-9a-f]{24})\/$/.exec(route);
    if (req.method === 'GET' && match) {
      const post = posts.get(match[1]!);
      if (!post) return ghostError(res, 404, 'NotFoundError', 'Post not found.');
      send(res, 200, { posts: [post] });
      return;
    }
    if ((req.method === 'POST' && route === 'posts/') || (req.method === 'PUT' && match)) {
      let input: Json;
      try {
        input = ((JSON.parse((await readBody(req)).toString('utf8')) as { posts?: Json[] }).posts ?? [])[0] ?? {};
      } catch {
        return ghostError(res, 400, 'BadRequestError', 'Request not understood error, cannot parse body.');
      }
      // Without ?source=html Ghost ignores `html` and expects Lexical.
      const html = url.searchParams.get('source') === 'html' && typeof input['html'] === 'string' ? input['html'] : null;
      const title = typeof input['title'] === 'string' ? input['title'] : '';
      if (title.length > 255) return ghostError(res, 422, 'ValidationError', 'Validation error, cannot save post.', 'title');
      const excerpt = typeof input['custom_excerpt'] === 'string' ? input['custom_excerpt'] : null;
      if (excerpt && excerpt.length > 300) return ghostError(res, 422, 'ValidationError', 'Validation error, cannot save post.', 'custom_excerpt');
      if (req.method === 'POST') {
        if (!title) return ghostError(res, 422, 'ValidationError', 'Validation error, cannot save post.', 'title');
        const id = hexId();
        const uuid = randomBytes(16).toString('hex');
        const at = tick();
        const post: GhostPost = {
          id,
          uuid,
          title,
          slug: typeof input['slug'] === 'string' ? input['slug'] : slugOf(title),
          html,
          status: typeof input['status'] === 'string' ? input['status'] : 'draft',
          custom_excerpt: excerpt,
          tags: Array.isArray(input['tags']) ? input['tags'].map(tagOf) : [],
          url: `${origin}/p/${uuid}/`,
          created_at: at,
          updated_at: at,
        };
        posts.set(id, post);
        send(res, 201, { posts: [post] });
        return;
      }
      const post = posts.get(match![1]!);
      if (!post) return ghostError(res, 404, 'NotFoundError', 'Post not found.');
      if (input['updated_at'] !== post.updated_at) {
        return ghostError(res, 409, 'UpdateCollisionError', 'Saving failed! Someone else is editing this post.', 'UPDATE_COLLISION');
      }
      if (title) post.title = title;
      if (html !== null) post.html = html;
      if (typeof input['slug'] === 'string') post.slug = input['slug'];
      if ('custom_excerpt' in input) post.custom_excerpt = excerpt;
      if (Array.isArray(input['tags'])) post.tags = input['tags'].map(tagOf);
      post.updated_at = tick();
      send(res, 200, { posts: [post] });
      return;
    }
    ghostError(res, 404, 'NotFoundError', 'Resource not found');
  }

  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => ghostError(res, 500, 'InternalServerError', String(error)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    adminKey: `${keyId}:${secret.toString('hex')}`,
    posts,
    images,
    requests,
    editInGhost(id, fields) {
      const post = posts.get(id);
      if (!post) throw new Error(`no post ${id}`);
      Object.assign(post, fields);
      post.updated_at = tick();
    },
    failNext(method, path, status) {
      failures.push({ method, path, status });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
