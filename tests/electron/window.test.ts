import { describe, expect, it } from 'vitest';
import { appCsp } from '../../electron/csp';
import { privilegedSchemes } from '../../electron/protocols';
import { windowOptions } from '../../electron/window';

describe('window options', () => {
  it('are exactly the hardened set', () => {
    expect(windowOptions('/app/dist/electron/preload.cjs')).toEqual({
      width: 1400,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      title: 'Intertitle',
      show: false,
      backgroundColor: '#fbf8f3',
      webPreferences: {
        preload: '/app/dist/electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        spellcheck: true,
      },
    });
  });

  it('never enable experimental or Blink features', () => {
    const prefs = windowOptions('/p').webPreferences ?? {};
    expect(prefs).not.toHaveProperty('experimentalFeatures');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('content security policy', () => {
  it('is the agreed policy', () => {
    expect(appCsp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' intertitle-still: data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline or evaluated script and no remote source', () => {
    const scriptSrc = appCsp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(appCsp).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('privileged schemes', () => {
  it('registers the app and stills schemes without bypassCSP or CORS', () => {
    expect(privilegedSchemes).toEqual([
      { scheme: 'intertitle', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      { scheme: 'intertitle-still', privileges: { standard: true, secure: true } },
    ]);
  });
});
