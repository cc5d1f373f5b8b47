import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { tempDir } from './temp';

/** The review a publish test sends: two figures (one with caption and credit), tags and a summary. */
export const publishReviewText = `---
title: "The party line, in black and white"   # the headline
date: "2023-07-10"
status: ready
tags: [Soviet history, "Venice 2020"]
summary: "Konchalovsky films the Novocherkassk massacre with icy precision."
film:
  title: "Dear Comrades!"
  year: 2020
stills:
  stills/01-workers-march.jpg: {credit: "Curzon & Co"}
---

Konchalovsky’s *Dear Comrades!* restages the 1962 massacre.

![Striking workers march carrying a portrait of "Lenin"](stills/01-workers-march.jpg "The workers march. They have Lenin, *Lyudmila* has Stalin")

A second paragraph.

![Lyudmila alone in the empty square](stills/02-square.png)

The end.
`;

export const publishReviewPath = 'dear-comrades-2020/index.md';

export interface PublishFixture {
  /** The library root. */
  root: string;
  /** Absolute path of the review. */
  file: string;
  /** Rewrites a still with another colour (a changed file). */
  repaint(still: '01-workers-march.jpg' | '02-square.png', colour: { r: number; g: number; b: number }): Promise<void>;
  cleanup: () => Promise<void>;
}

async function paint(file: string, colour: { r: number; g: number; b: number }): Promise<void> {
  // The JPEG is wider than 1024 px, so WordPress makes a `large` size of it; the PNG is not.
  if (file.endsWith('.jpg')) await sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } }).jpeg().toFile(file);
  else await sharp({ create: { width: 400, height: 300, channels: 3, background: colour } }).png().toFile(file);
}

/** A temp library with the review and real image files for its stills. */
export async function publishFixture(text = publishReviewText): Promise<PublishFixture> {
  const { dir, cleanup } = await tempDir('intertitle-publish-');
  const root = join(dir, 'library');
  const bundle = join(root, 'dear-comrades-2020');
  await mkdir(join(bundle, 'stills'), { recursive: true });
  await writeFile(join(bundle, 'index.md'), text);
  await paint(join(bundle, 'stills', '01-workers-march.jpg'), { r: 70, g: 60, b: 50 });
  await paint(join(bundle, 'stills', '02-square.png'), { r: 30, g: 30, b: 40 });
  return {
    root,
    file: join(bundle, 'index.md'),
    repaint: (still, colour) => paint(join(bundle, 'stills', still), colour),
    cleanup,
  };
}
