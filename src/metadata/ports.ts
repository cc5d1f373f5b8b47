/**
 * What the metadata providers need from their host, passed in so the same code runs in Electron
 * main, the Node hosts and tests. `src/` sees no DOM or Node globals, so the shapes below are the
 * small part of WHATWG `fetch` and `AbortSignal` the providers use; the global `fetch` and
 * `AbortSignal.timeout` of Node 20+ and Electron satisfy them through a one-line adapter.
 */

export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface FetchInit {
  method: 'GET';
  headers: Record<string, string>;
  signal: AbortSignalLike;
}

export interface FetchResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FetchPort = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/**
 * Remembers successful JSON answers. The host decides where (user data) and enforces the longest
 * age the providers' terms allow; `maxAgeMs` is the provider's own wish, never longer.
 */
export interface ResponseCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, maxAgeMs: number): Promise<void>;
}

export interface LookupPorts {
  fetch: FetchPort;
  /** A signal that aborts after `ms` (the host's `AbortSignal.timeout`). */
  timeoutSignal(ms: number): AbortSignalLike;
  /** Absent: nothing is cached. */
  cache?: ResponseCache;
  /** Milliseconds since the epoch; for Retry-After dates. */
  now(): number;
  /** Sent on every request; Wikimedia's policy requires a descriptive one. */
  userAgent: string;
  /** How long one request may take, including reading its body. */
  timeoutMs: number;
}

/** Intertitle's User-Agent, in the form Wikimedia's User-Agent policy asks for. */
export function lookupUserAgent(version: string): string {
  return `Intertitle/${version} (https://intertitle.example; lookup@intertitle.example)`;
}

export const defaultTimeoutMs = 10_000;
