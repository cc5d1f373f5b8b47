import { HostError } from '../contract/envelope';
import type { LookupPorts } from './ports';

/** One GET of a provider's API. */
export interface GetRequest {
  url: string;
  headers?: Record<string, string>;
  /** The service's name as the critic knows it: "TMDb", "Wikidata". */
  service: string;
  /** What a 404 means here, as a sentence ("TMDb has no film with id 12."). */
  notFound?: string;
  /** What a 401 means here (a bad token), as a sentence. */
  unauthorized?: string;
}

export interface CachedGet extends GetRequest {
  /** Cache a good answer under `key` (the URL without secrets) for at most `maxAgeMs`. */
  cache?: { key: string; maxAgeMs: number };
}

/** Details of a failed lookup, for the renderer and the CLI (`retryAfterSeconds` on a 429). */
export interface LookupErrorDetails {
  service: string;
  status?: number;
  retryAfterSeconds?: number | null;
  serviceMessage?: string;
}

/** GETs JSON, from the cache when it has a fresh copy; every failure is a HostError with a sentence. */
export async function getJson(ports: LookupPorts, request: CachedGet): Promise<unknown> {
  if (request.cache && ports.cache) {
    const hit = await ports.cache.get(request.cache.key);
    if (hit !== undefined) return hit;
  }
  const text = await send(ports, request, 'application/json', async (response) => response.text());
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HostError(
      'network',
      `${request.service} sent an answer Intertitle could not read (it was not JSON). Try again in a few minutes.`,
      { service: request.service } satisfies LookupErrorDetails,
    );
  }
  if (request.cache && ports.cache) await ports.cache.set(request.cache.key, value, request.cache.maxAgeMs);
  return value;
}

/** GETs a small binary file (a poster thumbnail); larger than `maxBytes` is refused. */
export async function getBytes(
  ports: LookupPorts,
  request: GetRequest & { maxBytes: number },
): Promise<{ bytes: Uint8Array; contentType: string }> {
  return send(ports, request, 'image/*', async (response) => {
    const declared = Number(response.headers.get('content-length') ?? '0');
    const tooLarge = () =>
      new HostError('network', `The image from ${request.service} is larger than ${Math.round(request.maxBytes / 1024)} KB.`, {
        service: request.service,
      } satisfies LookupErrorDetails);
    if (declared > request.maxBytes) throw tooLarge();
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > request.maxBytes) throw tooLarge();
    return { bytes, contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() };
  });
}

async function send<T>(
  ports: LookupPorts,
  request: GetRequest,
  accept: string,
  read: (response: Awaited<ReturnType<LookupPorts['fetch']>>) => Promise<T>,
): Promise<T> {
  const signal = ports.timeoutSignal(ports.timeoutMs);
  const { service } = request;
  const seconds = Math.round(ports.timeoutMs / 1000);
  const allowed = ports.timeoutMs < 1000 ? `${ports.timeoutMs} ms` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  const failed = (error: unknown): HostError => {
    if (error instanceof HostError) return error;
    if (signal.aborted) {
      return new HostError(
        'network',
        `${service} did not answer within ${allowed}. Try again, or check the internet connection.`,
        { service } satisfies LookupErrorDetails,
      );
    }
    return new HostError(
      'network',
      `Intertitle could not reach ${service} (${hostOf(request.url)}). Check the internet connection and try again.`,
      { service, serviceMessage: errorText(error) } satisfies LookupErrorDetails,
    );
  };
  try {
    const response = await ports.fetch(request.url, {
      method: 'GET',
      headers: { Accept: accept, 'User-Agent': ports.userAgent, ...request.headers },
      signal,
    });
    if (response.status >= 200 && response.status < 300) return await read(response);
    const body = await response.text().catch(() => '');
    throw statusError(ports, request, response.status, response.headers.get('retry-after'), serviceMessage(body));
  } catch (error) {
    throw failed(error);
  }
}

function statusError(ports: LookupPorts, request: GetRequest, status: number, retryAfter: string | null, message: string | undefined): HostError {
  const { service } = request;
  const details: LookupErrorDetails = { service, status, ...(message ? { serviceMessage: message } : {}) };
  if (status === 401) {
    return new HostError('auth', request.unauthorized ?? `${service} refused Intertitle's credentials.`, details);
  }
  if (status === 404) return new HostError('not-found', request.notFound ?? `${service} has nothing at that address.`, details);
  if (status === 429) {
    const wait = retryAfterSeconds(retryAfter, ports.now());
    const when = wait === null ? 'in a minute' : `in ${describeWait(wait)}`;
    return new HostError(
      'network',
      `${service} is getting too many requests from Intertitle right now. Try again ${when}.`,
      { ...details, retryAfterSeconds: wait },
    );
  }
  if (status === 403) {
    return new HostError('auth', `${service} refused the request (HTTP 403)${message ? `: ${message}` : ''}.`, details);
  }
  if (status >= 500) {
    return new HostError('network', `${service} is not working properly right now (HTTP ${status}). Try again in a few minutes.`, details);
  }
  return new HostError('network', `${service} refused the request (HTTP ${status})${message ? `: ${message}` : ''}.`, details);
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function describeWait(seconds: number): string {
  if (seconds < 1) return 'a moment';
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/** TMDb's `status_message` or the Action API's `error.info`, when the body has one. */
function serviceMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    if (typeof parsed.status_message === 'string') return parsed.status_message.slice(0, 300);
    const error = parsed.error as Record<string, unknown> | undefined;
    if (error && typeof error.info === 'string') return error.info.slice(0, 300);
  } catch {
    // Not JSON: an HTML error page from a proxy; nothing worth showing.
  }
  return undefined;
}

function hostOf(url: string): string {
  const match = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
  return match ? match[1]! : url;
}

function errorText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
