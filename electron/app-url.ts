/**
 * The two custom schemes of the shell. The app is served from `intertitle://app/` (never
 * file://); stills from `intertitle-still://library/<library path>`, a separate origin so a
 * still can never be read as a page of the app.
 */
export const appScheme = 'intertitle';
export const appHost = 'app';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export const stillScheme = 'intertitle-still';
export const stillHost = 'library';
export const stillBase = `${stillScheme}://${stillHost}/`;

/**
 * The origin of a URL as `scheme://host[:port]`, or null when it does not parse or carries
 * credentials. Node's URL reports `null` as the origin of every non-special scheme (ours
 * included), so this compares the parsed parts instead of `URL.origin`.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  return url.host ? `${url.protocol}//${url.host}` : null;
}

/** A page of the app itself: exactly `intertitle://app`, compared by parsed origin. */
export function isAppUrl(raw: string): boolean {
  return originOf(raw) === appOrigin;
}
