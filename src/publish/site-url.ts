import { HostError } from '../contract/envelope';
import { parseUrl, type WebUrl } from './web-globals';

/** 127.0.0.0/8, ::1 and `localhost`: the only hosts plain http may carry credentials to. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A site address as the critic typed it, made canonical: `https://` added when no scheme was
 * given, no trailing slash, no query or fragment. Refuses what publishing must never use: plain
 * http to anything but this computer, and addresses that carry a password.
 */
export function normaliseSiteUrl(input: string): string {
  const typed = input.trim();
  if (!typed) throw new HostError('invalid-args', 'Type the address of the site, such as https://example.org.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  const url = parseUrl(withScheme);
  if (!url || !url.hostname) throw new HostError('invalid-args', `“${typed}” is not a web address. Type it as https://example.org.`);
  if (url.username || url.password) {
    throw new HostError('invalid-args', 'Leave the user name and password out of the address; Intertitle asks for them separately and keeps them safe.');
  }
  checkTransport(url);
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** Throws unless `url` is https, or http to this computer (DESIGN §7). */
export function checkTransport(url: WebUrl): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (isLoopback(url.hostname)) return;
    throw new HostError(
      'invalid-args',
      `Intertitle publishes only over https, so that your password cannot be read on the way. Use https://${url.host}${url.pathname === '/' ? '' : url.pathname}.`,
    );
  }
  throw new HostError('invalid-args', `${url.protocol.replace(/:$/, '')}: addresses cannot be published to; use an https:// address.`);
}

/** The site a record names, compared without a trailing slash or the case of the host. */
export function sameSite(a: string, b: string): boolean {
  const [x, y] = [parseUrl(a), parseUrl(b)];
  if (!x || !y) return a === b;
  return x.origin === y.origin && x.pathname.replace(/\/+$/, '') === y.pathname.replace(/\/+$/, '');
}
