/** The plain-JSON shapes of stills that travel between the renderer and its host (docs/stills.md). */

/** What the host knows about one image file a review shows. */
export interface StillInfo {
  /** The path as the review's markdown writes it, relative to the review's folder: `stills/01-a.jpg`. */
  src: string;
  /** The same file as a library path. */
  libraryPath: string;
  /** Pixel size as shown (EXIF orientation applied), of the file the preview loads (the web derivative when there is one). */
  width: number;
  height: number;
  /** Size of the original file in bytes. */
  bytes: number;
  /** The web-size derivative beside it (`stills/01-a.web.jpg`), relative like `src`; null when there is none. */
  derivative: string | null;
}

/** The library's settings for stills. */
export interface StillsSettings {
  /** Long edge of the web derivative in pixels; larger originals get one. */
  webSize: number;
  /** The credit a new still gets, `{distributor}` filled from the film's first distributor; "" for none. */
  defaultCredit: string;
}

export const defaultStillsSettings: StillsSettings = { webSize: 2000, defaultCredit: 'Courtesy of {distributor}' };

/** `stills.list`: the review's `stills/` folder and the images its text refers to. */
export interface StillsListing {
  /** Every image in the review's `stills/` folder, derivatives folded into their originals, by name. */
  files: StillInfo[];
  /** Each reference asked about, by the path as written: its facts, or null when there is no such image. */
  refs: Record<string, StillInfo | null>;
  settings: StillsSettings;
}

/** A file chosen in the host's file dialog (Electron), waiting to be imported by its id. */
export interface PickedStill {
  id: string;
  name: string;
  bytes: number;
}

/** `stills.import`: the still as copied into the review's `stills/` folder. */
export interface StillImported {
  still: StillInfo;
}

/** `stills.trash`: where the file went when it is not the system trash. */
export interface StillTrashed {
  trashedTo: string | null;
}

/**
 * Largest picture sent inside a request (`stills.import` with `data`): base64 makes it a third
 * larger, and the browser host takes request bodies up to 64 MB.
 */
export const maxStillUploadBytes = 45 * 1024 * 1024;

/** Largest picture taken from a file chosen in the host's dialog (no request body in between). */
export const maxStillFileBytes = 200 * 1024 * 1024;
