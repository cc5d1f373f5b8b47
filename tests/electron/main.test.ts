import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers, HostEvent } from '../../src/contract';
import type { Host, HostOptions } from '../../src/node/host';
import { windowOptions } from '../../electron/window';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, resetElectronFake, session } from '../mocks/electron';

// The shell is tested without the real host: it only wires what the host gives it.
const created: HostOptions[] = [];
const fakeHost = {
  handlers: { 'app.info': vi.fn(() => ({ host: 'electron' })) } as unknown as Handlers,
  library: () => null,
  resolveAsset: vi.fn(async () => null),
  close: vi.fn(async () => {}),
} satisfies Host;

vi.mock('../../src/node/host', () => ({
  createHost: async (options: HostOptions) => {
    created.push(options);
    return fakeHost;
  },
}));

const { argValue, startApp } = await import('../../electron/main');

let tmp: string;
let warnings: string[];

beforeEach(async () => {
  resetElectronFake();
  created.length = 0;
  vi.clearAllMocks();
  tmp = await mkdtemp(path.join(tmpdir(), 'intertitle-main-'));
  await mkdir(path.join(tmp, 'Documents'));
  app.paths = { userData: path.join(tmp, 'user-data'), documents: path.join(tmp, 'Documents'), home: tmp };
  app.appPath = path.join(tmp, 'app');
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
});

afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await rm(tmp, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startApp>[0] = {}) {
  const running = await startApp({ args: [], ...options });
  if (!running) throw new Error('startApp returned null');
  const win = [...running.windows][0]!;
  return { running, win: win as unknown as BrowserWindow };
}

const closeRequested: HostEvent = { name: 'app.closeRequested', payload: {} };
const sentEvents = (win: BrowserWindow) => win.webContents.sent.map((m) => m.args[0]);

describe('importing main', () => {
  it('starts nothing outside Electron', () => {
    expect(BrowserWindow.getAllWindows()).toEqual([]);
    expect(protocol.privileged).toEqual([]);
  });
});

describe('startApp', () => {
  it('registers the schemes before ready and takes the lock', async () => {
    await start();
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['intertitle', 'intertitle-still']);
  });

  it('sets the app user model id on Windows', async () => {
    await start({ platform: 'win32' });
    expect(app.userModelId).toBe('org.intertitle.app');
  });

  it('quits at once when another instance holds the lock', async () => {
    app.singleInstanceLock = false;
    expect(await startApp({ args: [] })).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
    expect(created).toEqual([]);
  });

  it('creates the host with the Electron paths and a folder picker', async () => {
    await start({ args: ['.', '--library', 'reviews'] });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      kind: 'electron',
      version: '0.1.0',
      userDataDir: path.join(tmp, 'user-data'),
      documentsDir: path.join(tmp, 'Documents'),
      initialLibrary: path.resolve('reviews'),
    });
  });

  it('falls back to home when the documents folder does not exist', async () => {
    app.paths.documents = path.join(tmp, 'no-such-Documents');
    await start();
    expect(created[0]?.documentsDir).toBe(tmp);
  });

  it('falls back to home when Electron has no documents folder', async () => {
    delete app.paths.documents;
    await start();
    expect(created[0]?.documentsDir).toBe(tmp);
  });

  it('takes the user-data and documents folders from the environment, like the other hosts', async () => {
    vi.stubEnv('INTERTITLE_USER_DATA', path.join(tmp, 'env-user-data'));
    vi.stubEnv('INTERTITLE_DOCUMENTS', path.join(tmp, 'env-documents'));
    await start();
    expect(created[0]).toMatchObject({ userDataDir: path.join(tmp, 'env-user-data'), documentsDir: path.join(tmp, 'env-documents') });
  });

  it('uses the native folder picker for library.choose', async () => {
    const { win } = await start();
    dialog.openDialogResult = { canceled: false, filePaths: ['/home/critic/Reviews'] };
    expect(await created[0]?.chooseFolder?.()).toBe('/home/critic/Reviews');
    expect(dialog.openDialogs[0]).toEqual({ parent: win, options: { properties: ['openDirectory', 'createDirectory'] } });
    dialog.openDialogResult = { canceled: true, filePaths: [] };
    expect(await created[0]?.chooseFolder?.()).toBeNull();
  });

  it('uses the native file dialog for "Add Still…": several pictures, the accepted formats only', async () => {
    const { win } = await start();
    win.focus();
    dialog.openDialogResult = { canceled: false, filePaths: ['/home/critic/a.jpg', '/home/critic/b.png'] };
    expect(await created[0]?.chooseStills?.()).toEqual(['/home/critic/a.jpg', '/home/critic/b.png']);
    expect(dialog.openDialogs[0]).toEqual({
      parent: win,
      options: {
        title: 'Add Stills',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Pictures', extensions: ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'] }],
      },
    });
    dialog.openDialogResult = { canceled: true, filePaths: [] };
    expect(await created[0]?.chooseStills?.()).toBeNull();
  });

  it('opens one hardened window on the app scheme, shown when ready', async () => {
    const { win } = await start();
    expect(win.options).toEqual(windowOptions(path.join(tmp, 'app', 'dist', 'electron', 'preload.cjs')));
    expect(win.webContents.getURL()).toBe('intertitle://app/index.html');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('locks down the window and the default session', async () => {
    const { win } = await start();
    expect(win.webContents.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(win.webContents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
  });

  it('serves both schemes and answers IPC from its window only', async () => {
    const { win } = await start();
    expect([...protocol.handlers.keys()]).toEqual(['intertitle', 'intertitle-still']);
    const own = await ipcMain.invoke('intertitle:call', { sender: win.webContents, senderFrame: win.webContents.mainFrame }, 'app.info', {});
    expect(own).toEqual({ ok: true, value: { host: 'electron' } });
    const stranger = new BrowserWindow();
    void stranger.loadURL('intertitle://app/index.html');
    const other = await ipcMain.invoke('intertitle:call', { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame }, 'app.info', {});
    expect(other).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(fakeHost.handlers['app.info']).toHaveBeenCalledTimes(1);
  });

  it('sends host events to its windows', async () => {
    const { win } = await start();
    const event: HostEvent = { name: 'review.changedOnDisk', payload: { path: 'a.md', revision: null } };
    created[0]?.emit(event);
    expect(win.webContents.sent).toEqual([{ channel: 'intertitle:event', args: [event] }]);
  });

  it('sets the menu, whose items send command ids to the focused window', async () => {
    const { win } = await start();
    const template = (Menu.applicationMenu?.template ?? []) as Array<{ submenu?: Array<{ id?: string; click?: () => void }> }>;
    const save = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.id === 'review.save');
    save?.click?.();
    expect(sentEvents(win)).toEqual([{ name: 'menu.command', payload: { id: 'review.save' } }]);
  });
});

describe('closing', () => {
  it('asks the renderer to save and closes when it is ready', async () => {
    const { running, win } = await start();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(sentEvents(win)).toEqual([closeRequested]);
    win.close();
    expect(sentEvents(win)).toEqual([closeRequested]);
    created[0]?.onReadyToClose?.();
    expect(win.isDestroyed()).toBe(true);
    expect(running.windows.size).toBe(0);
  });

  it('closes anyway after 10 s without an answer, and says so', async () => {
    vi.useFakeTimers();
    const { win } = await start();
    win.close();
    await vi.advanceTimersByTimeAsync(9_900);
    expect(win.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(win.isDestroyed()).toBe(true);
    expect(warnings.join('\n')).toMatch(/did not confirm/);
  });

  it('does not wait for a crashed renderer', async () => {
    vi.useFakeTimers();
    const { win } = await start();
    win.webContents.crashed = true;
    win.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(win.isDestroyed()).toBe(true);
    expect(sentEvents(win)).toEqual([]);
  });

  it('quits after the last window closes (Linux, Windows), closing the host first', async () => {
    const { win } = await start({ platform: 'linux' });
    win.close();
    created[0]?.onReadyToClose?.();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(fakeHost.close).toHaveBeenCalledTimes(1);
  });

  it('keeps running without windows on macOS, and reopens one on activate', async () => {
    const { running, win } = await start({ platform: 'darwin' });
    win.close();
    created[0]?.onReadyToClose?.();
    expect(win.isDestroyed()).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('activate');
    expect(running.windows.size).toBe(1);
  });

  it('routes quit through each window, and quits once the renderer saved', async () => {
    const { win } = await start({ platform: 'darwin' });
    app.quit();
    expect(app.quitted).toBe(false);
    expect(win.isDestroyed()).toBe(false);
    expect(sentEvents(win)).toEqual([closeRequested]);
    created[0]?.onReadyToClose?.();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(fakeHost.close).toHaveBeenCalledTimes(1);
  });

  it('quits after the timeout when the renderer never answers', async () => {
    vi.useFakeTimers();
    const { win } = await start({ platform: 'linux', closeTimeoutMs: 1_000 });
    app.quit();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(win.isDestroyed()).toBe(true);
    expect(app.quitted).toBe(true);
  });
});

describe('argValue', () => {
  it.each([
    [['--library', '/x'], '/x'],
    [['.', '--library=/y'], '/y'],
    [['--libraryx', '/z'], undefined],
    [[], undefined],
  ])('%j → %s', (args, value) => {
    expect(argValue(args, '--library')).toBe(value);
  });
});
