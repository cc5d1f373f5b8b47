import { existsSync } from 'node:fs';

/** Debian's Chromium (never a downloaded browser) and the launch flags DESIGN §8 gives. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH). ` +
        'Never run `playwright install`: it downloads a browser.',
    );
  }
}
