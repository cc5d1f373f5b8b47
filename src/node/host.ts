import type { BugSink, Handlers, HostEvent, HostKind, LibraryInfo } from '../contract';
import type { SecretStore } from './lookup-secrets';

/** What a concrete host (Electron main, the HTTP server) gives the shared handlers. */
export interface HostOptions {
  kind: HostKind;
  version: string;
  /** App state (settings, later caches and the recovery journal); never inside a library. */
  userDataDir: string;
  /** Where the sample library is created on first run (the user's documents folder). */
  documentsDir: string;
  /** A library to open at start instead of the remembered one. */
  initialLibrary?: string;
  /** Native folder picker; absent where the host has none (the browser host). */
  chooseFolder?: () => Promise<string | null>;
  /** Native file dialog for stills (pictures, several at once); absent in the browser host, which uploads. */
  chooseStills?: () => Promise<string[] | null>;
  /** Sends an event to the renderer(s). */
  emit: (event: HostEvent) => void;
  /** Puts HTML and text on the system clipboard (Electron); absent in the browser host. */
  writeClipboard?: (data: { html?: string; text: string }) => void;
  /**
   * Moves a file or folder to the system trash (Electron fills it with shell.trashItem). Absent
   * in the browser host, which moves trashed reviews to a folder in user data instead.
   */
  trash?: (absolutePath: string) => Promise<void>;
  /** Watch the open library for changes by other programs (default on). */
  watchLibrary?: boolean;
  /** The renderer saved everything after `app.closeRequested`. */
  onReadyToClose?: () => void;
  bugSink?: BugSink;
  /** Where secrets (the TMDb token) are kept: Electron's safeStorage; absent, this run only. */
  secrets?: SecretStore;
  /** Adds words to the spellchecker's known words (Electron); absent in the browser host. */
  addSpellingWords?: (words: readonly string[]) => number;
}

/** A running host: the request handlers plus what the transports need besides them. */
export interface Host {
  handlers: Handlers;
  /** The open library, if any. */
  library(): LibraryInfo | null;
  /**
   * Resolves a library path of an image (from a stills URL) to a file to serve, confined to the
   * open library by real path; null when it is not a servable image inside it.
   */
  resolveAsset(libraryPath: string): Promise<{ file: string; contentType: string } | null>;
  close(): Promise<void>;
}

export { createHost } from './host-impl';
