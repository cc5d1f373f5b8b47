import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError } from '../contract/envelope';
import { battleshipPotemkin } from './sample-library/battleship-potemkin';
import { renderStill } from './sample-library/film-still';
import { nosferatu } from './sample-library/nosferatu';
import type { SampleReview } from './sample-library/sample-review';

/** Name of the folder created inside the user's documents folder. */
export const sampleLibraryName = 'Intertitle Sample Library';

/** The sample reviews: one ready to publish, one still a draft, so both states show at once. */
const sampleReviews: readonly SampleReview[] = [nosferatu, battleshipPotemkin];

/**
 * Writes the sample library into `dir` (created if missing; must be empty or absent — if it
 * already holds files, nothing is overwritten and it throws an Error saying so).
 * Returns the library-relative paths of the reviews written, e.g. ['nosferatu-1922/index.md', ...].
 */
export async function createSampleLibrary(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) {
    throw new HostError(
      'conflict',
      `Intertitle did not create the sample library in “${dir}” because that folder already holds files.`,
      { dir },
    );
  }
  // Render every still before writing anything, so a failure leaves the folder empty.
  const files = await renderFiles();
  for (const review of sampleReviews) await mkdir(join(dir, review.folder, 'stills'), { recursive: true });
  // 'wx' refuses to replace a file that appeared meanwhile: the library never overwrites.
  for (const [path, content] of files) await writeFile(join(dir, ...path.split('/')), content, { flag: 'wx' });
  return sampleReviews.map((review) => `${review.folder}/index.md`);
}

/** Every file of the library by its library path, stills first and each review's index last. */
async function renderFiles(): Promise<Map<string, string | Buffer>> {
  const stills = sampleReviews.flatMap((review) =>
    review.stills.map((still) => ({ path: `${review.folder}/stills/${still.file}`, scene: still.scene })),
  );
  const files = new Map<string, string | Buffer>();
  // Two at a time: each still holds a few full-frame rasters, and the machines have two cores.
  for (let i = 0; i < stills.length; i += 2) {
    const pair = stills.slice(i, i + 2);
    const rendered = await Promise.all(pair.map((still) => renderStill(still.scene())));
    pair.forEach((still, j) => files.set(still.path, rendered[j]!));
  }
  for (const review of sampleReviews) files.set(`${review.folder}/index.md`, review.markdown);
  return files;
}
