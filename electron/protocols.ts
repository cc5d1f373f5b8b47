import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import type { Host } from '../src/node/host';
import { imageTypeOf, normaliseRelative } from '../src/library/paths';
import { appHost, appScheme, stillHost, stillScheme } from './app-url';
import { appCsp, stillCsp } from './csp';

/**
 * Both schemes are standard (real origins, relative URLs) and secure (a secure context).
 * The app scheme also supports fetch. Neither bypasses CSP, and neither is corsEnabled: that
 * privilege would make a scheme readable from any origin.
 */
export const privilegedSchemes: CustomScheme[] = [
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: stillScheme, privileges: { standard: true, secure: true } },
];

/** Must run before the app is ready. */
export function registerSchemes(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
}

const appContentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

type Handler = (request: Request) => Promise<Response>;

function respond(status: number, headers: Record<string, string>, body: ConstructorParameters<typeof Response>[0] = null): Response {
  return new Response(body, { status, headers: { 'X-Content-Type-Options': 'nosniff', ...headers } });
}

function plain(status: number, text: string, csp: string): Response {
  return respond(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp }, text);
}

/** True when `target` is `root` or inside it (both absolute, already resolved). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Decodes a URL path once; null for a malformed escape or a NUL. */
function decodePath(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

/**
 * Serves the built renderer from `rootDir` at `intertitle://app/`. Every response, errors
 * included, carries the app CSP. Paths are decoded once, resolved and checked against the real
 * path of the root, so neither `..` nor a symlink leaves it.
 */
export function createAppHandler(rootDir: string): Handler {
  const csp = appCsp;
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return plain(404, 'Not found', csp);
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', csp);
    const decoded = decodePath(url.pathname);
    if (decoded === null) return plain(400, 'Bad request', csp);
    const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
    realRoot ??= realpath(rootDir);
    let root: string;
    try {
      root = await realRoot;
    } catch {
      realRoot = null;
      return plain(404, 'The app has not been built (dist/renderer is missing).', csp);
    }
    const lexical = path.resolve(root, relative);
    if (!isInside(root, lexical)) return plain(404, 'Not found', csp);
    let file: string;
    let body: Buffer;
    try {
      file = await realpath(lexical);
      if (!isInside(root, file)) return plain(404, 'Not found', csp);
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found', csp);
    }
    const type = appContentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return respond(
      200,
      { 'Content-Type': type, 'Content-Security-Policy': csp },
      request.method === 'HEAD' ? null : new Uint8Array(body),
    );
  };
}

/**
 * Serves stills at `intertitle-still://library/<library path>`. The path is decoded once and
 * normalised; the host confines it to the open library by real path and names the file and
 * its fixed content type. Anything else is a 404; a malformed escape or a NUL is a 400.
 */
export function createStillHandler(resolveAsset: Host['resolveAsset'], onError: (error: unknown) => void): Handler {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== stillHost) return plain(404, 'Not found', stillCsp);
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', stillCsp);
    const decoded = decodePath(url.pathname.replace(/^\//, ''));
    if (decoded === null) return plain(400, 'Bad request', stillCsp);
    const libraryPath = normaliseRelative(decoded);
    if (libraryPath === null || imageTypeOf(libraryPath) === null) return plain(404, 'Not found', stillCsp);
    let body: Buffer;
    let contentType: string;
    try {
      const asset = await resolveAsset(libraryPath);
      if (!asset) return plain(404, 'Not found', stillCsp);
      contentType = asset.contentType;
      body = await readFile(asset.file);
    } catch (error) {
      // A file that vanished between resolving and reading is ordinary; anything else is logged.
      if ((error as NodeJS.ErrnoException)?.code !== 'ENOENT') onError(error);
      return plain(404, 'Not found', stillCsp);
    }
    return respond(
      200,
      {
        'Content-Type': contentType,
        'Content-Security-Policy': stillCsp,
        // A still replaced on disk under the same name must show the new picture.
        'Cache-Control': 'no-cache',
      },
      request.method === 'HEAD' ? null : new Uint8Array(body),
    );
  };
}

export interface ProtocolOptions {
  rendererDir: string;
  resolveAsset: Host['resolveAsset'];
  onError: (error: unknown) => void;
}

/** Installs both handlers on the default session (after ready). */
export function handleProtocols(protocol: Protocol, { rendererDir, resolveAsset, onError }: ProtocolOptions): void {
  protocol.handle(appScheme, createAppHandler(rendererDir));
  protocol.handle(stillScheme, createStillHandler(resolveAsset, onError));
}
