import { HostError } from '../contract/envelope';
import { base64 } from './bytes';
import { SiteClient, type ErrorReader, type SiteRequest } from './site-client';
import type { PublishPorts, SiteCheck } from './types';
import { parseUrl, utf8 } from './web-globals';

/** WordPress's error body: `{code, message, data: {status}}` (rest_convert_error_to_response). */
export const readWordPressError: ErrorReader = (body) => {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    const message = typeof parsed.message === 'string' ? parsed.message.replace(/<[^>]*>/g, '').trim().slice(0, 300) : null;
    return { message: message || null, code: typeof parsed.code === 'string' ? parsed.code : null };
  } catch {
    return { message: null, code: null };
  }
};

const apiRel = 'https://api.w.org/';

/** The API root from `Link: <…>; rel="https://api.w.org/"` (one header may hold several links). */
export function apiRootFromLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(^|;)\s*rel\s*=\s*"?https:\/\/api\.w\.org\/"?\s*(;|$)/i.test(match[2]!)) return match[1]!;
  }
  return null;
}

/** The API root from `<link rel="https://api.w.org/" href="…">` in a page's head. */
export function apiRootFromHtml(html: string): string | null {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']https:\/\/api\.w\.org\/["']/i.test(tag)) continue;
    const href = /\bhref=["']([^"']*)["']/i.exec(tag)?.[1];
    if (href) return href.replace(/&amp;/g, '&');
  }
  return null;
}

/**
 * One WordPress site's REST API, found from the site's address as WordPress documents it (the
 * Link header, else the page's `<link>`, else the two usual places), and spoken to with an
 * Application Password over HTTP Basic authentication.
 */
export class WordPressApi {
  private constructor(
    readonly client: SiteClient,
    /** `https://site/wp-json/` or `https://site/?rest_route=/`. */
    readonly root: string,
    /** The root index (`GET {root}`): name, namespaces, authentication. */
    readonly index: Record<string, unknown>,
  ) {}

  static async connect(ports: PublishPorts, site: string, user: string, appPassword: string): Promise<WordPressApi> {
    // WordPress ignores spaces in an application password; the login name is sent as typed.
    const basic = `Basic ${base64(utf8(`${user}:${appPassword.replace(/\s+/g, '')}`))}`;
    const client = new SiteClient(ports, 'WordPress', site, () => basic, readWordPressError);
    const home = await client.send({ method: 'GET', url: `${site}/`, headers: { Accept: 'text/html' } });
    const candidates = [
      apiRootFromLink(home.headers.get('link')),
      home.status < 400 ? apiRootFromHtml(home.text) : null,
      `${site}/wp-json/`,
      `${site}/?rest_route=/`,
    ].filter((root): root is string => root !== null);
    for (const candidate of [...new Set(candidates.map((root) => parseUrl(root, home.url)?.toString() ?? root))]) {
      const response = await client.send({ method: 'GET', url: candidate, headers: { Accept: 'application/json' } });
      if (response.status !== 200) continue;
      let index: unknown;
      try {
        index = JSON.parse(response.text);
      } catch {
        continue;
      }
      const namespaces = (index as { namespaces?: unknown })?.namespaces;
      if (Array.isArray(namespaces) && namespaces.includes('wp/v2')) return new WordPressApi(client, candidate, index as Record<string, unknown>);
    }
    throw new HostError(
      'not-found',
      `Intertitle found no WordPress REST API at ${site} (it looked for the api.w.org link, /wp-json/ and ?rest_route=/). Check the address; the API may also be turned off by a plugin.`,
    );
  }

  /** The URL of a route (`wp/v2/posts`) with query parameters, in whichever form the root has. */
  url(route: string, params: Record<string, string | number> = {}): string {
    const root = parseUrl(this.root)!;
    const entries = Object.entries(params).map(([k, v]) => [k, String(v)] as const);
    if (root.searchParams.get('rest_route') !== null) {
      root.searchParams.set('rest_route', `/${route}`);
      for (const [k, v] of entries) root.searchParams.append(k, v);
      return root.toString();
    }
    const url = parseUrl(route, root.toString().replace(/\/?$/, '/'))!;
    for (const [k, v] of entries) url.searchParams.append(k, v);
    return url.toString();
  }

  /** Whether the site offers Application Passwords (5.6+, https or a local site, not turned off). */
  get offersApplicationPasswords(): boolean {
    const auth = this.index['authentication'];
    return typeof auth === 'object' && auth !== null && 'application-passwords' in auth;
  }

  json(request: Omit<SiteRequest, 'auth'>, doing: string): Promise<unknown> {
    return this.client.json({ ...request, auth: true }, doing);
  }

  send(request: Omit<SiteRequest, 'auth'>) {
    return this.client.send({ ...request, auth: true });
  }

  /** Checks the address and the credentials: the site's name and who the password belongs to. */
  async check(): Promise<SiteCheck> {
    if (!this.offersApplicationPasswords) {
      throw new HostError(
        'unsupported',
        'This WordPress site does not offer Application Passwords. They need WordPress 5.6 or later, served over https; a security plugin may also have turned them off.',
      );
    }
    const me = await this.send({ method: 'GET', url: this.url('wp/v2/users/me', { context: 'edit' }), headers: { Accept: 'application/json' } });
    if (me.status === 401 || me.status === 403) {
      throw new HostError(
        'auth',
        'WordPress refused the user name or application password. Make an application password under Users › Profile › Application Passwords (your login password does not work here) and type it in Connections.',
        { status: me.status, serviceCode: readWordPressError(me.text).code },
      );
    }
    if (me.status !== 200) throw this.client.statusError(me, 'checking who you are');
    const user = this.client.parse(me, 'checking who you are') as { name?: unknown; username?: unknown };
    const name = typeof this.index['name'] === 'string' && this.index['name'] ? String(this.index['name']) : parseUrl(this.root)!.host;
    return { name, user: typeof user.name === 'string' ? user.name : typeof user.username === 'string' ? user.username : null, api: this.root };
  }
}
