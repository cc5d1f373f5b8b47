import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { tempDir } from './temp';

export const everyConstructFile = fileURLToPath(new URL('../fixtures/export/every-construct.md', import.meta.url));

/** The review with every construct, as a page bundle `every-construct-1902/` in a temp library. */
export const reviewPath = 'every-construct-1902/index.md';

/** The stills the fixture names, each a different size and colour so copies can be told apart. */
export const stills = {
  'stills/01-rocket.png': { width: 64, height: 48, colour: { r: 200, g: 40, b: 40 } },
  'stills/02-moon.jpg': { width: 80, height: 45, colour: { r: 20, g: 20, b: 90 } },
  'stills/02-moon.web.jpg': { width: 40, height: 22, colour: { r: 30, g: 30, b: 120 } },
  'stills/03-telescope.png': { width: 30, height: 30, colour: { r: 40, g: 160, b: 40 } },
  'stills/04-plain.png': { width: 20, height: 10, colour: { r: 90, g: 90, b: 90 } },
} as const;

export interface ExportFixture {
  /** The library root (stills resolve and are confined here). */
  root: string;
  /** Absolute path of the review file. */
  file: string;
  /** A scratch folder outside the library for exports. */
  out: string;
  cleanup: () => Promise<void>;
}

/** A temp library holding the every-construct review and real image files for its stills. */
export async function exportFixture(): Promise<ExportFixture> {
  const { dir, cleanup } = await tempDir('intertitle-export-');
  const root = join(dir, 'library');
  const bundle = join(root, 'every-construct-1902');
  await mkdir(join(bundle, 'stills'), { recursive: true });
  await mkdir(join(dir, 'out'));
  await copyFile(everyConstructFile, join(bundle, 'index.md'));
  for (const [path, { width, height, colour }] of Object.entries(stills)) {
    const image = sharp({ create: { width, height, channels: 3, background: colour } });
    await (path.endsWith('.png') ? image.png() : image.jpeg()).toFile(join(bundle, path));
  }
  return { root, file: join(bundle, 'index.md'), out: join(dir, 'out'), cleanup };
}
