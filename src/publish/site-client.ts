import { HostError } from '../contract/envelope';
import { checkTransport } from './site-url';
import type { AbortSignalLike, PublishPorts } from './types';
import { parseUrl } from './web-globals';

export interface SiteRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the credentials (only ever to the site's own host). */
  auth?: boolean;
}

export interface SiteResponse {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
  /** Where the answer came from, after redirects. */
  url: string;
}

/** What a platform says about a failed request: its message and code, read from its error body. */
export type ErrorReader = (body: string) => { message: string | null; code: string | null };

const maxRedirects = 5;

/**
 * Requests to one site. Every request, and every redirect, must stay on the host the critic
 * connected to, over https (or http to this computer): credentials never follow a redirect to
 * another host, because redirects are followed here, by hand, and checked before each hop.
 */
export class SiteClient {
  private readonly hostname: string;

  constructor(
    private readonly ports: PublishPorts,
    /** The platform as the critic knows it: "WordPress", "Ghost". */
    readonly service: string,
    site: string,
    private readonly authorization: () => string,
    private readonly readError: ErrorReader,
  ) {
    const url = parseUrl(site);
    if (!url) throw new HostError('invalid-args', `“${site}” is not a web address.`);
    this.hostname = url.hostname.toLowerCase();
  }

  /** Sends a request, following redirects on the same host; answers whatever status came back. */
  async send(request: SiteRequest): Promise<SiteResponse> {
    let url = this.checked(request.url);
    const method = request.method;
    for (let hop = 0; ; hop++) {
      const signal = this.ports.timeoutSignal(this.ports.timeoutMs);
      const response = await this.once(url, request, signal);
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) {
        let text: string;
        try {
          text = await response.text();
        } catch (error) {
          throw this.networkError(error, signal.aborted);
        }
        return { status: response.status, headers: response.headers, text, url };
      }
      // The redirect's own body is not needed; reading it frees the connection.
      void response.text().catch(() => {});
      if (hop >= maxRedirects) throw new HostError('network', `${this.service} at ${this.hostname} sent Intertitle round in redirects; check the site's address.`);
      const next = parseUrl(location, url);
      if (!next) throw new HostError('network', `${this.service} at ${this.hostname} answered with a redirect Intertitle could not read.`);
      if (next.hostname.toLowerCase() !== this.hostname) {
        throw new HostError(
          'network',
          `${this.service} at ${this.hostname} sends Intertitle on to ${next.host}. Intertitle does not send your credentials to another host; if that is your site's real address, connect to ${next.origin} instead.`,
          { redirectTo: next.origin },
        );
      }
      if (response.status === 307 || response.status === 308 || method === 'GET') {
        url = this.checked(next.toString());
        continue;
      }
      // 301/302/303 turn a POST into a GET, which would drop the upload or the post silently.
      throw new HostError(
        'network',
        `${this.service} at ${this.hostname} redirected Intertitle's ${method} to ${next.pathname} (HTTP ${response.status}). Check the site's address (https, with or without www).`,
      );
    }
  }

  /** Sends a request and parses a 2xx JSON answer; anything else becomes a HostError with a sentence. */
  async json(request: SiteRequest, doing: string): Promise<unknown> {
    const response = await this.send(request);
    if (response.status < 200 || response.status >= 300) throw this.statusError(response, doing);
    return this.parse(response, doing);
  }

  parse(response: SiteResponse, doing: string): unknown {
    try {
      return JSON.parse(response.text);
    } catch {
      throw new HostError(
        'network',
        `${this.service} at ${this.hostname} answered ${doing} with something that is not JSON (HTTP ${response.status}). Is this the site's address, and is nothing (a login page, a security plugin) in the way?`,
        { status: response.status },
      );
    }
  }

  /** A failed answer as a sentence the critic can act on. */
  statusError(response: SiteResponse, doing: string): HostError {
    const { status } = response;
    const said = this.readError(response.text);
    const details = { status, ...(said.code ? { serviceCode: said.code } : {}), ...(said.message ? { serviceMessage: said.message } : {}) };
    const why = said.message ? `: ${said.message.replace(/\.$/, '')}` : '';
    if (status === 401 || status === 403) {
      return new HostError('auth', `${this.service} at ${this.hostname} refused ${doing} (HTTP ${status}${why}). Check the credentials in Connections.`, details);
    }
    if (status === 404) return new HostError('not-found', `${this.service} at ${this.hostname} found nothing for ${doing} (HTTP 404${why}).`, details);
    if (status === 409) return new HostError('conflict', `${this.service} at ${this.hostname} refused ${doing} because of a conflict (HTTP 409${why}).`, details);
    if (status === 413) {
      return new HostError('network', `${this.service} at ${this.hostname} refused ${doing}: it is larger than the site accepts (HTTP 413). Add a smaller web-size copy of the still.`, details);
    }
    if (status === 429) return new HostError('network', `${this.service} at ${this.hostname} is getting too many requests; try again in a minute.`, details);
    if (status >= 500) {
      return new HostError('network', `${this.service} at ${this.hostname} failed while ${doing} (HTTP ${status}${why}). Try again in a few minutes.`, details);
    }
    return new HostError('network', `${this.service} at ${this.hostname} refused ${doing} (HTTP ${status}${why}).`, details);
  }

  private checked(url: string): string {
    const parsed = parseUrl(url);
    if (!parsed) throw new HostError('internal', `Not a URL: ${url}`);
    checkTransport(parsed);
    if (parsed.hostname.toLowerCase() !== this.hostname) {
      throw new HostError('network', `${this.service} at ${this.hostname} named another host (${parsed.host}) for its API; Intertitle sends your credentials only to ${this.hostname}.`);
    }
    return parsed.toString();
  }

  private async once(url: string, request: SiteRequest, signal: AbortSignalLike) {
    const { method, body } = request;
    const headers: Record<string, string> = { 'User-Agent': this.ports.userAgent, ...request.headers };
    if (request.auth) headers['Authorization'] = this.authorization();
    try {
      return await this.ports.fetch(url, { method, headers, ...(body === undefined ? {} : { body }), redirect: 'manual', signal });
    } catch (error) {
      throw this.networkError(error, signal.aborted);
    }
  }

  private networkError(error: unknown, timedOut: boolean): HostError {
    if (error instanceof HostError) return error;
    const seconds = Math.round(this.ports.timeoutMs / 1000);
    if (timedOut) {
      return new HostError('network', `${this.service} at ${this.hostname} did not answer within ${seconds >= 1 ? `${seconds} s` : `${this.ports.timeoutMs} ms`}. Try again, or check the connection.`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
    return new HostError('network', `Intertitle could not reach ${this.service} at ${this.hostname} (${reason}). Check the address and the connection.`, { reason });
  }
}
