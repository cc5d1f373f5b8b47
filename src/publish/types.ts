/**
 * Publishing a review to a blog through its API (docs/publishing.md). Everything here is pure:
 * the host passes in `fetch`, a timeout signal, the clock, HMAC, and a way to keep progress in
 * the review, so the same code runs in Electron main, the browser host, the CLI and tests.
 */

export const publishTargets = ['wordpress', 'ghost'] as const;

export type PublishTarget = (typeof publishTargets)[number];

export function isPublishTarget(value: unknown): value is PublishTarget {
  return typeof value === 'string' && (publishTargets as readonly string[]).includes(value);
}

export const publishTargetLabels: Readonly<Record<PublishTarget, string>> = {
  wordpress: 'WordPress',
  ghost: 'Ghost',
};

/** One still the post shows, read by the host, ready to upload. */
export interface StillUpload {
  /** How the exported markup refers to it (`<img src>`). */
  href: string;
  /** Its name in the record: the uploaded file's path relative to the review (`stills/01.jpg`). */
  key: string;
  /** An ASCII file name for the upload (WordPress does not read RFC 5987 names). */
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, hex: a changed file is uploaded again. */
  sha256: string;
}

/** The post as the exporter made it, with what the platform needs besides the body. */
export interface PublishPost {
  title: string;
  slug: string;
  excerpt: string | null;
  tags: string[];
  /** The exported body (`wordpress-blocks` or `ghost-html`), stills referred to by their `href`. */
  content: string;
  stills: StillUpload[];
}

/** An uploaded still as the review remembers it. */
export interface MediaRecord {
  /** WordPress's attachment id (Ghost images have none). */
  id?: number;
  url: string;
  /** The first 16 hex digits of the file's SHA-256. */
  hash: string;
}

/**
 * `published.<target>` in the front matter: where the post is, and what was uploaded for it,
 * so publishing again updates the same post and reuses the stills.
 */
export interface PublishedRecord {
  site: string;
  id?: number | string;
  url?: string;
  /** When Intertitle last published it (UTC, ISO 8601, seconds). */
  at?: string;
  /** WordPress: the post's `modified_gmt` after that publish. */
  modified_gmt?: string;
  /** Ghost: the post's `updated_at` after that publish. */
  updated_at?: string;
  media?: Record<string, MediaRecord>;
}

export interface PublishProgress {
  /** What is happening, as a sentence for the dialog and the CLI. */
  message: string;
  done: number;
  total: number;
}

export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface PublishFetchInit {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Always manual: redirects are followed by the client, which decides where credentials may go. */
  redirect: 'manual';
  signal: AbortSignalLike;
}

export interface PublishResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type PublishFetch = (url: string, init: PublishFetchInit) => Promise<PublishResponse>;

export interface PublishPorts {
  fetch: PublishFetch;
  /** A signal that aborts after `ms` (the host's `AbortSignal.timeout`). */
  timeoutSignal(ms: number): AbortSignalLike;
  /** How long one request may take, its body included. */
  timeoutMs: number;
  now(): Date;
  userAgent: string;
  /** HMAC-SHA256 (Ghost's token); node:crypto in the host. */
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  progress?(progress: PublishProgress): void;
  /**
   * Keeps what exists on the site so far in the review, called after each upload and after the
   * post is made: a failure later, or a crash, leaves a record a retry reuses.
   */
  checkpoint(record: PublishedRecord): Promise<void>;
}

/** The credentials of one site; never written to a library or a log. */
export type SiteCredentials =
  | { target: 'wordpress'; user: string; appPassword: string }
  | { target: 'ghost'; adminKey: string };

export interface PublishRequest {
  /** The site as the critic gave it (normalised by `normaliseSiteUrl`). */
  site: string;
  credentials: SiteCredentials;
  post: PublishPost;
  /** The review's `published.<target>` before this publish, if any. */
  previous: PublishedRecord | null;
  /** Update the post even though it changed on the site since the last publish. */
  force?: boolean;
}

export interface PublishOutcome {
  record: PublishedRecord;
  /** A new post was made (false: the recorded one was updated). */
  created: boolean;
  uploaded: number;
  reused: number;
  warnings: string[];
}

/** What `test connection` found. */
export interface SiteCheck {
  /** The site's own name. */
  name: string;
  /** Who the credentials belong to (WordPress), when the API says. */
  user: string | null;
  /** The API address Intertitle talks to. */
  api: string;
}

/** `details` of the `conflict` error when the post changed on the site since the last publish. */
export interface ChangedOnSite {
  reason: 'changed-on-site';
  url: string | null;
  recorded: string | null;
  current: string | null;
}
