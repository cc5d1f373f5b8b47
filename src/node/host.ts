import type { BugSink, Handlers, HostEvent, HostKind, LibraryInfo } from '../contract';

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
  /** Sends an event to the renderer(s). */
  emit: (event: HostEvent) => void;
  /** The renderer saved everything after `app.closeRequested`. */
  onReadyToClose?: () => void;
  bugSink?: BugSink;
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
