import { HostError } from '../contract/envelope';
import type { FilmCandidate, FilmDetails, FilmProvider, FilmSearchResult, LookupSettingsStatus } from '../contract/types';
import { getBytes } from '../metadata/http';
import { mapLimited } from '../metadata/json';
import { defaultTimeoutMs, lookupUserAgent, type LookupPorts } from '../metadata/ports';
import { defaultCastLimit, type MetadataProvider, type ProviderCandidate } from '../metadata/provider';
import { createTmdbProvider, tmdbApiBase } from '../metadata/tmdb';
import { createWikidataProvider, wikidataApi } from '../metadata/wikidata';
import { LookupCache } from './lookup-cache';
import { tmdbTokenEnv, tmdbTokenSecret, type SecretStore } from './lookup-secrets';

export interface LookupServiceOptions {
  userDataDir: string;
  version: string;
  secrets: SecretStore;
  /** Reads INTERTITLE_TMDB_TOKEN, INTERTITLE_TMDB_API and INTERTITLE_WIKIDATA_API. */
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /** Cache failures only slow lookups down; they are logged here. */
  onCacheError?: (error: unknown) => void;
}

/** A poster thumbnail larger than this is not shown (TMDb's w92 posters are 3–10 KB). */
export const maxPosterBytes = 64 * 1024;
const posterTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);
const posterMaxAge = 30 * 24 * 60 * 60 * 1000;

/**
 * Film lookup for a Node-side host (Electron main, the browser host, the CLI): the providers
 * with real `fetch`, timeouts, the cache in user data, the token from the secret store or the
 * environment, and poster thumbnails turned into small data: URLs for the renderer.
 */
export class LookupService {
  readonly cache: LookupCache;
  private readonly ports: LookupPorts;
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly options: LookupServiceOptions) {
    this.env = options.env ?? process.env;
    this.cache = LookupCache.inUserData(options.userDataDir, { now: options.now, onError: options.onCacheError });
    const fetchImpl = options.fetch ?? fetch;
    this.ports = {
      fetch: (url, init) => fetchImpl(url, init as RequestInit),
      timeoutSignal: (ms) => AbortSignal.timeout(ms),
      cache: this.cache,
      now: options.now ?? Date.now,
      userAgent: `${lookupUserAgent(options.version)} node/${process.versions.node}`,
      timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    };
  }

  /** Candidates for a title; `posters: false` skips the thumbnails (the CLI shows none). */
  async search(args: { title: string; year?: number; provider: FilmProvider }, { posters = true } = {}): Promise<FilmSearchResult> {
    const provider = await this.provider(args.provider);
    const found = await provider.search({ title: args.title, year: args.year });
    // A few posters at a time: quick for the critic, gentle on TMDb's image host.
    const candidates: FilmCandidate[] = await mapLimited(found, 3, async (candidate) =>
      posters ? this.withPoster(candidate) : { ...withoutPosterUrl(candidate), poster: null },
    );
    return { provider: args.provider, candidates };
  }

  /** Where a token would come from, without reading it into anything that leaves the host. */
  async hasTmdbToken(): Promise<boolean> {
    return (await this.status()).tmdb.configured;
  }

  async details(args: { provider: FilmProvider; id: string; castLimit?: number }): Promise<FilmDetails> {
    const provider = await this.provider(args.provider);
    return provider.details(args.id, { castLimit: args.castLimit ?? defaultCastLimit });
  }

  async status(): Promise<LookupSettingsStatus> {
    const stored = await this.options.secrets.get(tmdbTokenSecret);
    const fromEnv = this.env[tmdbTokenEnv]?.trim();
    const source = stored ? (this.options.secrets.persistent ? 'keychain' : 'session') : fromEnv ? 'environment' : null;
    return { tmdb: { configured: source !== null, source, persistent: this.options.secrets.persistent } };
  }

  /** Stores the token (null or "" removes it); the renderer only ever learns `configured`. */
  async setTmdbToken(token: string | null): Promise<LookupSettingsStatus> {
    const value = token?.trim() ?? '';
    if (value === '') {
      await this.options.secrets.delete(tmdbTokenSecret);
      return this.status();
    }
    checkTokenShape(value);
    await this.options.secrets.set(tmdbTokenSecret, value);
    return this.status();
  }

  private async provider(id: FilmProvider): Promise<MetadataProvider> {
    if (id === 'wikidata') return createWikidataProvider(this.ports, { baseUrl: this.baseUrl('INTERTITLE_WIKIDATA_API', wikidataApi) });
    const token = (await this.options.secrets.get(tmdbTokenSecret)) ?? (this.env[tmdbTokenEnv]?.trim() || null);
    return createTmdbProvider(this.ports, { token, baseUrl: this.baseUrl('INTERTITLE_TMDB_API', tmdbApiBase) });
  }

  private baseUrl(variable: string, fallback: string): string {
    const value = this.env[variable]?.trim();
    if (!value) return fallback;
    if (!/^https?:\/\/[^\s]+$/i.test(value)) {
      throw new HostError('invalid-args', `${variable} must be an http or https address, such as ${fallback}.`);
    }
    return value;
  }

  private async withPoster(candidate: ProviderCandidate): Promise<FilmCandidate> {
    return { ...withoutPosterUrl(candidate), poster: candidate.posterUrl ? await this.poster(candidate.posterUrl) : null };
  }

  /** The poster as a data: URL, or null when it cannot be had (the candidate is listed without one). */
  private async poster(url: string): Promise<string | null> {
    if (!isAllowedImageUrl(url)) return null;
    const key = `poster:${url}`;
    const cached = await this.cache.get(key);
    if (typeof cached === 'string') return cached;
    try {
      const { bytes, contentType } = await getBytes(this.ports, { url, service: 'TMDb', maxBytes: maxPosterBytes });
      if (!posterTypes.has(contentType)) return null;
      const dataUrl = `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`;
      await this.cache.set(key, dataUrl, posterMaxAge);
      return dataUrl;
    } catch (error) {
      // A missing thumbnail is not worth an error message; anything but a HostError is a bug.
      if (error instanceof HostError) return null;
      throw error;
    }
  }
}

function withoutPosterUrl(candidate: ProviderCandidate): Omit<ProviderCandidate, 'posterUrl'> {
  const { posterUrl: _posterUrl, ...rest } = candidate;
  return rest;
}

/** Posters only over HTTPS, or plain HTTP to this machine (a test server). */
export function isAllowedImageUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return true;
    return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

/** TMDb's API Read Access Token is a JWT ("eyJ…"); the 32-character v3 API key is the usual mix-up. */
export function checkTokenShape(token: string): void {
  if (/^[0-9a-f]{32}$/i.test(token)) {
    throw new HostError(
      'invalid-args',
      'That is TMDb’s short API key. Paste the API Read Access Token instead: the long one starting with “eyJ” on themoviedb.org → Settings → API.',
    );
  }
  if (!/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(token) || token.length > 4096) {
    throw new HostError(
      'invalid-args',
      'That does not look like a TMDb API Read Access Token. Copy the long token starting with “eyJ” from themoviedb.org → Settings → API.',
    );
  }
}
