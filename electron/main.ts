import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import type { BugSink, HostEvent } from '../src/contract';
import { createHost, type Host } from '../src/node/host';
import { appEntryUrl } from './app-url';
import { createCloseGuard } from './close-guard';
import { registerIpc, sendEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { createSafeStorageSecrets } from './secrets';
import { createSpellingWords, editingMenuTemplate } from './spelling';
import { handleProtocols, registerSchemes } from './protocols';
import { denyPermissions, secureAllWebContents } from './security';
import { windowOptions } from './window';

export interface StartOptions {
  /** Command-line arguments (`--library <dir>` opens that library instead of the remembered one). */
  args?: readonly string[];
  /** How long a closing window waits for its renderer to save. */
  closeTimeoutMs?: number;
  platform?: NodeJS.Platform;
}

/** What a test (or a later feature) needs from the running shell. */
export interface RunningApp {
  host: Host;
  windows: ReadonlySet<BrowserWindow>;
  createWindow(): BrowserWindow;
}

const bugSink: BugSink = (error, where) => console.error(`[intertitle] bug in ${where}:`, error);
const log = (message: string): void => console.warn(`[intertitle] ${message}`);

/** The value of `--name value` or `--name=value`, if given. */
export function argValue(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === name) return args[i + 1];
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/**
 * The documents folder, or home where it does not exist (Linux without XDG folders).
 * INTERTITLE_DOCUMENTS overrides it, as for the other hosts (tests use temp folders).
 */
export function documentsDir(): string {
  if (process.env.INTERTITLE_DOCUMENTS) return path.resolve(process.env.INTERTITLE_DOCUMENTS);
  try {
    const documents = app.getPath('documents');
    if (existsSync(documents)) return documents;
  } catch {
    // Electron throws when the platform has no such folder.
  }
  return app.getPath('home');
}

/**
 * Starts the shell. Everything Electron needs before `ready` (privileged schemes, the single
 * instance lock, the user-data path) happens synchronously before the first await.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp | null> {
  const args = options.args ?? process.argv.slice(1);
  const platform = options.platform ?? process.platform;
  registerSchemes(protocol);
  // Same override as the other hosts; set before the single-instance lock, which lives there.
  if (process.env.INTERTITLE_USER_DATA) app.setPath('userData', path.resolve(process.env.INTERTITLE_USER_DATA));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Windows groups taskbar entries and notifications by this id; it must match appId.
  if (platform === 'win32') app.setAppUserModelId('org.intertitle.app');
  secureAllWebContents(app, bugSink);

  const windows = new Set<BrowserWindow>();
  const isOurs = (contents: WebContents): boolean => {
    const win = BrowserWindow.fromWebContents(contents);
    return win !== null && windows.has(win);
  };
  const focused = (): BrowserWindow | undefined => {
    const win = BrowserWindow.getFocusedWindow();
    return win && windows.has(win) ? win : [...windows][0];
  };
  const closeGuard = createCloseGuard({ timeoutMs: options.closeTimeoutMs, log });
  let quitting = false;

  app.on('second-instance', () => {
    const win = focused();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  await app.whenReady();
  denyPermissions(session.defaultSession);

  const initialLibrary = argValue(args, '--library');
  const host = await createHost({
    kind: 'electron',
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    documentsDir: documentsDir(),
    ...(initialLibrary ? { initialLibrary: path.resolve(initialLibrary) } : {}),
    chooseFolder: async () => {
      const parent = focused();
      const properties: Array<'openDirectory' | 'createDirectory'> = ['openDirectory', 'createDirectory'];
      const result = parent
        ? await dialog.showOpenDialog(parent, { properties })
        : await dialog.showOpenDialog({ properties });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseStills: async () => {
      const parent = focused();
      const options = {
        title: 'Add Stills',
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: [{ name: 'Pictures', extensions: ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'] }],
      };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    addSpellingWords: createSpellingWords(() => session.defaultSession),
    emit: (event: HostEvent) => sendEvent(windows, event),
    trash: (absolutePath) => shell.trashItem(absolutePath),
    // The page's own clipboard permission is denied (security.ts); export copies go through here.
    writeClipboard: (data) => clipboard.write(data),
    onReadyToClose: () => closeGuard.readyToClose(),
    secrets: createSafeStorageSecrets({
      file: path.join(app.getPath('userData'), 'secrets.json'),
      safeStorage,
      onError: (error) => bugSink(error, 'secrets'),
    }),
    bugSink,
  });

  const distDir = path.join(app.getAppPath(), 'dist');
  handleProtocols(protocol, {
    rendererDir: path.join(distDir, 'renderer'),
    resolveAsset: (libraryPath) => host.resolveAsset(libraryPath),
    onError: (error) => bugSink(error, 'stills protocol'),
  });
  registerIpc(ipcMain, { handlers: host.handlers, isOurs, bugSink, onRefused: (url) => log(`Refused a request from ${url}.`) });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform,
        packaged: app.isPackaged,
        sendCommand: (id) => {
          const win = focused();
          if (win) sendEvent([win], { name: 'menu.command', payload: { id } });
        },
      }),
    ),
  );

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow(windowOptions(path.join(distDir, 'electron', 'preload.cjs')));
    windows.add(win);
    closeGuard.attach(win);
    win.webContents.on('context-menu', (_event, params) => {
      const template = editingMenuTemplate(params, {
        replace: (word) => win.webContents.replaceMisspelling(word),
        learn: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
      });
      if (template.length) Menu.buildFromTemplate(template).popup({ window: win });
    });
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => windows.delete(win));
    win.webContents.on('render-process-gone', (_event, details) => log(`The window's renderer stopped (${details.reason}).`));
    win.loadURL(appEntryUrl).catch((error: unknown) => bugSink(error, 'loadURL'));
    return win;
  }

  app.on('activate', () => {
    if (windows.size === 0) createWindow();
  });
  // Quitting goes through each window's close, so every renderer gets to save first.
  app.on('before-quit', (event) => {
    const open = [...windows].filter((win) => !closeGuard.isConfirmed(win));
    if (open.length === 0) return;
    event.preventDefault();
    quitting = true;
    for (const win of open) win.close();
  });
  app.on('window-all-closed', () => {
    // macOS keeps an app without windows running until the critic quits it.
    if (quitting || platform !== 'darwin') app.quit();
  });
  let hostClosed = false;
  app.on('will-quit', (event) => {
    if (hostClosed) return;
    event.preventDefault();
    hostClosed = true;
    host
      .close()
      .catch((error: unknown) => bugSink(error, 'host.close'))
      .finally(() => app.quit());
  });

  createWindow();
  return { host, windows, createWindow };
}

// Runs only inside Electron; importing this module under vitest has no side effects.
if (process.versions.electron && !process.env.VITEST) {
  startApp().catch((error: unknown) => {
    bugSink(error, 'startApp');
    dialog.showErrorBox('Intertitle could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
