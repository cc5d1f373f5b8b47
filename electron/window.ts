import type { BrowserWindowConstructorOptions } from 'electron';

/** The window's colour before the renderer paints; the renderer's page background. */
export const appBackground = '#fbf8f3';

/**
 * Options of every app window. Each security preference is spelled out even where it is
 * Electron's default, so a test can pin them and a future default change cannot loosen them.
 */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Intertitle',
    // Shown on ready-to-show, so the critic never sees an empty white frame.
    show: false,
    backgroundColor: appBackground,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      // Middle-click would otherwise open links in new windows past our handlers' intent.
      disableBlinkFeatures: 'Auxclick',
      // A dropped file or link must not replace the app page.
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
