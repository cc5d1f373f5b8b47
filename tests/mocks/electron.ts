/**
 * A small fake of the `electron` module for main-process and preload tests (vitest aliases
 * `electron` to this file; the real binary cannot be downloaded here). It records what the code
 * under test registers — window options, webContents handlers, IPC handlers, protocol handlers,
 * permission handlers, dialogs, menus — and lets tests drive them. `resetElectronFake()` starts
 * each test from a clean slate. Only what the shell uses is modelled; semantics follow Electron's
 * docs (close → preventDefault, quit closing every window, window-all-closed, ...).
 */

// Listener arguments vary by event; the real types live in electron.d.ts.
type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  #listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
    return this;
  }

  addListener(name: string, listener: Listener): this {
    return this.on(name, listener);
  }

  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped);
      return listener(...args);
    };
    return this.on(name, wrapped);
  }

  removeListener(name: string, listener: Listener): this {
    this.#listeners.set(name, (this.#listeners.get(name) ?? []).filter((l) => l !== listener));
    return this;
  }

  off(name: string, listener: Listener): this {
    return this.removeListener(name, listener);
  }

  emit(name: string, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(name) ?? [];
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }

  listenerCount(name: string): number {
    return this.#listeners.get(name)?.length ?? 0;
  }

  removeAllListeners(): this {
    this.#listeners.clear();
    return this;
  }
}

/** Electron's Event: handlers call preventDefault to veto. Extra fields carry the details. */
export class FakeEvent {
  defaultPrevented = false;

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export function fakeEvent<T extends object>(details: T): FakeEvent & T {
  return Object.assign(new FakeEvent(), details);
}

export class FakeWebFrameMain {
  constructor(
    public url: string,
    public parent: FakeWebFrameMain | null = null,
  ) {}
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type DevicePermissionHandler = (details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: DevicePermissionHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler | null): void {
    this.devicePermissionHandler = handler;
  }

  /** Words added to the spellchecker's custom dictionary, in order. */
  readonly spellCheckerWords: string[] = [];

  addWordToSpellCheckerDictionary(word: string): boolean {
    this.spellCheckerWords.push(word);
    return true;
  }
}

const state = {
  windows: [] as BrowserWindow[],
  focused: null as BrowserWindow | null,
  session: new FakeSession(),
  ready: false,
  closingForQuit: false,
};

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

let nextId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++;
  session: FakeSession = state.session;
  readonly mainFrame = new FakeWebFrameMain('about:blank');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  crashed = false;

  constructor() {
    super();
    app.emit('web-contents-created', new FakeEvent(), this);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Words put in place of a misspelt word (the context menu's suggestions). */
  readonly replacedMisspellings: string[] = [];

  replaceMisspelling(word: string): void {
    this.replacedMisspellings.push(word);
  }

  loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
    return Promise.resolve();
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isCrashed(): boolean {
    return this.crashed;
  }

  /** Test helper: the page asks for a new window (window.open, target=_blank). */
  openWindow(url: string): { action: 'allow' | 'deny' } | undefined {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' });
  }

  /** Test helper: a navigation event as Electron emits it; true when a handler vetoed it. */
  navigate(kind: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string, isMainFrame = true): boolean {
    const event = fakeEvent({ url, isMainFrame, isSameDocument: false, frame: null });
    this.emit(kind, event, url, false, isMainFrame, 1, 1);
    return event.defaultPrevented;
  }

  /** Test helper: a page tries to attach a <webview>; true when vetoed. */
  attachWebview(src: string): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return event.defaultPrevented;
  }
}

export class BrowserWindow extends FakeEmitter {
  static getAllWindows(): BrowserWindow[] {
    return [...state.windows];
  }

  static getFocusedWindow(): BrowserWindow | null {
    return state.focused && !state.focused.destroyed ? state.focused : null;
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return state.windows.find((win) => win.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    state.windows.push(this);
    state.focused = this;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    state.focused = this;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Emits `close`; unless a handler prevents it, the window is destroyed. */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    state.windows = state.windows.filter((win) => win !== this);
    this.emit('closed');
    // Electron does not emit window-all-closed while app.quit() is closing the windows.
    if (state.windows.length === 0 && !state.closingForQuit) app.emit('window-all-closed');
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  version = '0.1.0';
  appPath = '/fake/app';
  paths: Record<string, string> = {};
  singleInstanceLock = true;
  userModelId: string | null = null;
  quitCalls = 0;
  quitted = false;
  exitCode: number | null = null;

  getPath(name: string): string {
    const value = this.paths[name];
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }

  getVersion(): string {
    return this.version;
  }

  getAppPath(): string {
    return this.appPath;
  }

  whenReady(): Promise<void> {
    state.ready = true;
    return Promise.resolve();
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  setAppUserModelId(id: string): void {
    this.userModelId = id;
  }

  /** Electron's order: before-quit, close every window (any may veto), will-quit, quit. */
  quit(): void {
    this.quitCalls++;
    const beforeQuit = new FakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    state.closingForQuit = true;
    for (const win of [...state.windows]) win.close();
    state.closingForQuit = false;
    if (state.windows.length > 0) return;
    const willQuit = new FakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit');
  }

  exit(code = 0): void {
    this.exitCode = code;
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, handler: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Test helper: what `ipcRenderer.invoke` from `event.senderFrame` would get back. */
  async invoke(channel: string, event: { sender: unknown; senderFrame: FakeWebFrameMain | null }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

export class FakeIpcRenderer extends FakeEmitter {
  invocations: Array<{ channel: string; args: unknown[] }> = [];
  respond: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: null });
  /** What an IpcRendererEvent would carry; a subscriber must never see it. */
  readonly secretSender = { id: 'the-ipc-sender' };

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.respond(channel, ...args));
  }

  /** Test helper: main sends `value` on `channel`. */
  deliver(channel: string, value: unknown): void {
    this.emit(channel, { sender: this.secretSender, senderId: 0 }, value);
  }

  reset(): void {
    this.removeAllListeners();
    this.invocations = [];
    this.respond = () => ({ ok: true, value: null });
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in this.exposed) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.exposed[key] = api;
  },
};

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    if (state.ready) throw new Error('registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  },
  /** Test helper: requests `url` from the handler of its scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(url.slice(0, url.indexOf(':')));
    if (!handler) throw new Error(`No handler for ${url}`);
    return handler(new Request(url, init));
  },
};

interface MessageBoxOptions {
  message: string;
  detail?: string;
  buttons?: string[];
  [key: string]: unknown;
}

export const dialog = {
  messageBoxes: [] as Array<{ parent: unknown; options: MessageBoxOptions }>,
  /** Index of the button the fake critic presses; Cancel (1) unless a test says otherwise. */
  messageBoxResponse: 1,
  openDialogs: [] as Array<{ parent: unknown; options: unknown }>,
  openDialogResult: { canceled: true, filePaths: [] as string[] },
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showMessageBox(parentOrOptions: unknown, maybeOptions?: MessageBoxOptions) {
    const [parent, options] = maybeOptions ? [parentOrOptions, maybeOptions] : [undefined, parentOrOptions as MessageBoxOptions];
    this.messageBoxes.push({ parent, options });
    return Promise.resolve({ response: this.messageBoxResponse, checkboxChecked: false });
  },
  showOpenDialog(parentOrOptions: unknown, maybeOptions?: unknown) {
    const [parent, options] = maybeOptions ? [parentOrOptions, maybeOptions] : [undefined, parentOrOptions];
    this.openDialogs.push({ parent, options });
    return Promise.resolve(this.openDialogResult);
  },
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const session = {
  get defaultSession(): FakeSession {
    return state.session;
  },
};

/** safeStorage as Electron documents it: opaque bytes out (a fixed XOR stands in for the OS keychain), the string back. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(text: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x2b));
  },
  decryptString(bytes: Buffer): string {
    return Buffer.from([...bytes].map((b) => b ^ 0x2b)).toString('utf8');
  },
};

export class Menu {
  static applicationMenu: Menu | null = null;
  /** Menus shown with popup() (context menus), in order. */
  static popups: Array<{ menu: Menu; options: unknown }> = [];

  static buildFromTemplate(template: unknown[]): Menu {
    return new Menu(template);
  }

  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu;
  }

  constructor(readonly template: unknown[]) {}

  popup(options: unknown = {}): void {
    Menu.popups.push({ menu: this, options });
  }
}

/** A fresh fake: no windows, handlers, listeners or recorded calls. */
export function resetElectronFake(): void {
  state.windows = [];
  state.focused = null;
  state.session = new FakeSession();
  state.ready = false;
  state.closingForQuit = false;
  app.removeAllListeners();
  Object.assign(app, {
    isPackaged: false,
    version: '0.1.0',
    appPath: '/fake/app',
    paths: {},
    singleInstanceLock: true,
    userModelId: null,
    quitCalls: 0,
    quitted: false,
    exitCode: null,
  });
  ipcMain.handlers.clear();
  ipcRenderer.reset();
  contextBridge.exposed = {};
  protocol.privileged = [];
  protocol.handlers.clear();
  dialog.messageBoxes = [];
  dialog.messageBoxResponse = 1;
  dialog.openDialogs = [];
  dialog.openDialogResult = { canceled: true, filePaths: [] };
  dialog.errorBoxes = [];
  shell.opened = [];
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  Menu.applicationMenu = null;
  Menu.popups = [];
}

export default { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, Menu, protocol, safeStorage, session, shell };
