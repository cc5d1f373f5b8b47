import { BrowserWindow, dialog, shell, type App, type Session, type WebContents } from 'electron';
import type { BugSink } from '../src/contract';
import { isAppUrl } from './app-url';

/** Schemes a link may hand to the operating system, after the critic confirms. */
const externalSchemes = new Set(['https:', 'mailto:']);

/** The URL to open outside the app, or null when it is not an https: or mailto: URL. */
export function externalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return externalSchemes.has(url.protocol) ? url : null;
}

/**
 * The one way a link leaves the app: parsed, only https: or mailto:, shown in full to the critic,
 * and opened only if they choose Open. Resolves true when the link was opened.
 */
export async function openExternalSafe(raw: string, parent?: BrowserWindow | null): Promise<boolean> {
  const url = externalUrl(raw);
  if (!url) return false;
  const options = {
    type: 'question' as const,
    title: 'Open link',
    message: 'Open this link outside Intertitle?',
    // The parsed, normalised URL: what is shown is exactly what is opened.
    detail: url.href,
    buttons: ['Open', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(url.href);
  return true;
}

/**
 * Whether a frame may navigate to `url`: only within the app. A sub-frame may also load
 * about:srcdoc or about:blank, which is how the preview frame gets its content; those carry no
 * remote content and inherit the app's policy.
 */
export function mayNavigate(url: string, isMainFrame: boolean): boolean {
  if (isAppUrl(url)) return true;
  return !isMainFrame && (url === 'about:srcdoc' || url === 'about:blank');
}

/** Locks down one webContents: navigation, redirects, new windows and <webview>. */
export function secureWebContents(contents: WebContents, bugSink: BugSink): void {
  contents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url, true)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url, event.isMainFrame)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    // A redirect is never wanted; blocking file: here also stops the NTLM leak of CVE-2022-36077.
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (externalUrl(url)) {
      openExternalSafe(url, BrowserWindow.fromWebContents(contents)).catch((error: unknown) =>
        bugSink(error, 'openExternal'),
      );
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Denies every permission request and check (camera, notifications, openExternal, ...).
 * Setting the handlers again is harmless, so each new webContents' session gets them too.
 */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Applies the handlers above to every webContents the app ever creates, and its session. */
export function secureAllWebContents(app: App, bugSink: BugSink): void {
  app.on('web-contents-created', (_event, contents) => {
    secureWebContents(contents, bugSink);
    denyPermissions(contents.session);
  });
}
