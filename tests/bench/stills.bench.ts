import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { dispatch } from '../../src/contract';
import { createHost } from '../../src/node/host-impl';
import { derivativeQuality } from '../../src/node/stills/import-still';
import { infoResult, log, median, ratioResult } from './stats';
import type { BenchResult } from './types';

/**
 * Importing a still (issue 4): a generated 24-megapixel JPEG sent to `stills.import` as the
 * renderer sends it (base64 in the request), through the host's dispatch, until the original and
 * its web derivative are on disk — against sharp's bare resize of the same bytes to the same web
 * size and quality, in the same run. Runs alternate so a busy moment falls on both, and the
 * budget compares the best run of each: on a shared machine other work only ever adds time, so
 * the fastest run is the closest to each pipeline's own cost (medians are printed beside it).
 */

const runs = 9;
const webSize = 2000;

export default async function stillsBench(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-stills-bench-'));
  try {
    const root = join(dir, 'library');
    await mkdir(join(root, 'film-2024'), { recursive: true });
    await writeFile(join(root, 'film-2024', 'index.md'), '---\ntitle: "Bench"\n---\n\nText.\n');
    log('stills: generating a 24-megapixel JPEG…');
    // Noise, softened, compresses like a photograph rather than like a flat colour.
    const photo = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
      .blur(1.2)
      .jpeg({ quality: 90 })
      .toBuffer();
    const data = photo.toString('base64');
    log(`stills: ${(photo.length / 1024 / 1024).toFixed(1)} MB`);

    const host = await createHost({
      kind: 'http',
      version: 'bench',
      userDataDir: join(dir, 'user-data'),
      documentsDir: join(dir, 'documents'),
      initialLibrary: root,
      watchLibrary: false,
      emit: () => {},
    });
    const ours: number[] = [];
    const bare: number[] = [];
    try {
      const importOnce = async () => {
        const started = performance.now();
        const answer = await dispatch(host.handlers, 'stills.import', { path: 'film-2024/index.md', name: 'Still.jpg', data }, { via: 'direct' });
        const took = performance.now() - started;
        if (!answer.ok) throw new Error(answer.error.message);
        return took;
      };
      const resizeOnce = async (i: number) => {
        const started = performance.now();
        await sharp(photo).resize({ width: webSize, height: webSize, fit: 'inside' }).jpeg({ quality: derivativeQuality }).toFile(join(dir, `bare-${i}.jpg`));
        return performance.now() - started;
      };
      // Warm both (sharp's thread pool, the JIT) before measuring.
      await importOnce();
      await resizeOnce(-1);
      for (let i = 0; i < runs; i++) {
        bare.push(await resizeOnce(i));
        ours.push(await importOnce());
        log(`stills: run ${i + 1}: import ${ours.at(-1)!.toFixed(0)} ms, bare resize ${bare.at(-1)!.toFixed(0)} ms`);
      }
    } finally {
      await host.close();
    }
    const written = await stat(join(root, 'film-2024', 'stills', '01-still.web.jpg'));
    const importMs = Math.min(...ours);
    const bareMs = Math.min(...bare);
    process.stdout.write(
      `stills: import of a 24 MP JPEG ${importMs.toFixed(0)} ms (median ${median(ours).toFixed(0)}); ` +
        `sharp's bare resize ${bareMs.toFixed(0)} ms (median ${median(bare).toFixed(0)})\n`,
    );
    return [
      ratioResult(`import a 24 MP JPEG end to end (best of ${runs})`, importMs, bareMs, 'ms', 1.3),
      infoResult(`sharp's bare resize to 2000 px (best of ${runs})`, bareMs, 'ms'),
      infoResult(`import, median of ${runs}`, median(ours), 'ms'),
      infoResult(`bare resize, median of ${runs}`, median(bare), 'ms'),
      infoResult('web derivative written', written.size / 1024, 'KB'),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
