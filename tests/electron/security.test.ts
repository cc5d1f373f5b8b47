import type { App, Session } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { denyPermissions, mayNavigate, openExternalSafe, secureAllWebContents } from '../../electron/security';
import { app, BrowserWindow, dialog, resetElectronFake, session, shell, FakeSession } from '../mocks/electron';

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** Places a page may try to go: none of them is the app. */
const foreignUrls = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'file://attacker.example/share/x.png',
  'data:text/html,<script>alert(1)</script>',
  'http://example.com/',
  'https://example.com/',
  'https://example.com.attacker.com/',
  'mailto:critic@example.com',
  'smb://attacker.example/share',
  '\\\\attacker.example\\share\\x.png',
  'ms-calculator:',
  'search-ms:query=secret',
  'about:blank',
  'chrome://settings',
  'intertitle-still://library/review/stills/a.jpg',
  'intertitle://app.evil/index.html',
  'intertitle://app@attacker.example/index.html',
  'intertitle://evil/index.html',
];

let bugs: unknown[];
let win: BrowserWindow;

beforeEach(() => {
  resetElectronFake();
  bugs = [];
  secureAllWebContents(app as unknown as App, (error) => bugs.push(error));
  win = new BrowserWindow();
  void win.loadURL('intertitle://app/index.html');
});

describe('navigation', () => {
  it.each(foreignUrls)('denies will-navigate, will-frame-navigate and will-redirect to %s', (url) => {
    expect(win.webContents.navigate('will-navigate', url)).toBe(true);
    expect(win.webContents.navigate('will-frame-navigate', url, true)).toBe(true);
    expect(win.webContents.navigate('will-redirect', url)).toBe(true);
  });

  it.each(foreignUrls.filter((url) => url !== 'about:blank'))('denies a sub-frame navigating to %s', (url) => {
    expect(win.webContents.navigate('will-frame-navigate', url, false)).toBe(true);
  });

  it('allows navigation within the app', () => {
    expect(win.webContents.navigate('will-navigate', 'intertitle://app/index.html')).toBe(false);
    expect(win.webContents.navigate('will-frame-navigate', 'intertitle://app/index.html#review', true)).toBe(false);
    expect(win.webContents.navigate('will-redirect', 'intertitle://app/index.html')).toBe(false);
  });

  it('lets only a sub-frame load about:srcdoc or about:blank (the preview frame)', () => {
    expect(mayNavigate('about:srcdoc', false)).toBe(true);
    expect(mayNavigate('about:blank', false)).toBe(true);
    expect(mayNavigate('about:srcdoc', true)).toBe(false);
    expect(mayNavigate('about:blank', true)).toBe(false);
  });

  it('prevents every <webview> from attaching', () => {
    expect(win.webContents.attachWebview('https://example.com/')).toBe(true);
    expect(win.webContents.attachWebview('intertitle://app/index.html')).toBe(true);
  });
});

describe('new windows', () => {
  it.each([...foreignUrls, 'intertitle://app/index.html'])('denies a new window for %s', async (url) => {
    dialog.messageBoxResponse = 0;
    expect(win.webContents.openWindow(url)).toEqual({ action: 'deny' });
    await flush();
    const external = url.startsWith('https:') || url.startsWith('mailto:');
    expect(shell.opened).toEqual(external ? [new URL(url).href] : []);
    expect(dialog.messageBoxes).toHaveLength(external ? 1 : 0);
    expect(bugs).toEqual([]);
  });

  it('opens nothing when the critic cancels', async () => {
    dialog.messageBoxResponse = 1;
    expect(win.webContents.openWindow('https://example.com/review')).toEqual({ action: 'deny' });
    await flush();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(shell.opened).toEqual([]);
  });

  it('asks with the parent window', async () => {
    win.webContents.openWindow('https://example.com/');
    await flush();
    expect(dialog.messageBoxes[0]?.parent).toBe(win);
  });
});

describe('openExternalSafe', () => {
  it('shows the full URL with Open and Cancel, then opens it', async () => {
    dialog.messageBoxResponse = 0;
    const url = 'https://example.com/reviews?film=Dear%20Comrades#top';
    expect(await openExternalSafe(url)).toBe(true);
    expect(dialog.messageBoxes).toHaveLength(1);
    const box = dialog.messageBoxes[0]!.options;
    expect(box.detail).toBe(url);
    expect(box.buttons).toEqual(['Open', 'Cancel']);
    expect(shell.opened).toEqual([url]);
  });

  it('opens mailto: links after confirmation', async () => {
    dialog.messageBoxResponse = 0;
    expect(await openExternalSafe('mailto:editor@example.com')).toBe(true);
    expect(shell.opened).toEqual(['mailto:editor@example.com']);
  });

  it.each(foreignUrls.filter((u) => !u.startsWith('https:') && !u.startsWith('mailto:')).concat(['not a url', '', 'HTTPS:']))(
    'refuses %s without asking',
    async (url) => {
      dialog.messageBoxResponse = 0;
      expect(await openExternalSafe(url)).toBe(false);
      expect(dialog.messageBoxes).toEqual([]);
      expect(shell.opened).toEqual([]);
    },
  );

  it('does not open when Cancel is chosen', async () => {
    dialog.messageBoxResponse = 1;
    expect(await openExternalSafe('https://example.com/')).toBe(false);
    expect(shell.opened).toEqual([]);
  });
});

describe('permissions', () => {
  const requested = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'storage-access',
    'window-management',
    'unknown',
    'fileSystem',
  ];

  it.each(requested)('denies a request for %s', (permission) => {
    denyPermissions(session.defaultSession as unknown as Session);
    const answers: boolean[] = [];
    session.defaultSession.permissionRequestHandler?.(win.webContents, permission, (granted) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(session.defaultSession.permissionCheckHandler?.(win.webContents, permission, 'intertitle://app', {})).toBe(false);
  });

  it('denies device access', () => {
    denyPermissions(session.defaultSession as unknown as Session);
    expect(session.defaultSession.devicePermissionHandler?.({ deviceType: 'usb', origin: 'intertitle://app' })).toBe(false);
  });

  it('locks the session of every new webContents', () => {
    const own = new FakeSession();
    app.emit('web-contents-created', {}, Object.assign(new BrowserWindow().webContents, { session: own }));
    expect(own.permissionRequestHandler).not.toBeNull();
    expect(own.permissionCheckHandler).not.toBeNull();
    expect(own.devicePermissionHandler).not.toBeNull();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
  });
});
