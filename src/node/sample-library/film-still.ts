import sharp from 'sharp';
import { el, grey, line, n, seededRandom, svgDocument } from './svg';

/** The 1920s films are 1.33:1, so the stills are 4:3. */
export const stillWidth = 1440;
export const stillHeight = 1080;

/** Tinted release prints were amber or sepia; Soviet prints were plain silver. */
export type StillTone = 'sepia' | 'silver';

/** One layer of a scene, drawn in greys on a 1440×1080 canvas. */
export interface StillLayer {
  /** Markup inside the `<svg>` element. */
  svg: string;
  /**
   * Gaussian blur in pixels, for soft shadows, mist and glow. sharp blurs in milliseconds what
   * an SVG filter takes most of a second to do, so scenes use no SVG filters at all.
   */
  blur?: number;
}

/** A scene to render: its layers, bottom first, and the print it imitates. */
export interface StillScene {
  layers: readonly [StillLayer, ...StillLayer[]];
  tone: StillTone;
  /** Seeds the grain, dust and scratches so every render is byte for byte the same. */
  seed: number;
}

type Rgb = readonly [number, number, number];

/** Shadow, middle grey and highlight of each print. */
const tones: Record<StillTone, readonly [Rgb, Rgb, Rgb]> = {
  sepia: [
    [22, 14, 9],
    [124, 96, 68],
    [243, 230, 206],
  ],
  silver: [
    [14, 15, 17],
    [112, 115, 118],
    [236, 237, 235],
  ],
};

const pixelCount = stillWidth * stillHeight;

/**
 * Renders a scene as an old film frame: its layers, a vignette from the lens, dust and a
 * scratch or two from the print, grain, then the tone of the print. Returns JPEG bytes.
 *
 * sharp rasterises and blurs each layer and encodes the JPEG; the layers are grey, so they are
 * composited here on one channel, in a single pass each, which is several times faster than
 * compositing RGBA images in libvips.
 */
export async function renderStill(scene: StillScene): Promise<Buffer> {
  const frame: StillLayer = { svg: printDamage(scene.seed) };
  const rasters = await Promise.all(mergeCrispLayers([...scene.layers, frame]).map(rasterise));
  const film = new Uint8Array(pixelCount);
  for (const raster of rasters) composite(film, raster);
  const printed = develop(film, scene);
  return sharp(printed, { raw: { width: stillWidth, height: stillHeight, channels: 3 } })
    .jpeg({ quality: 82 })
    .toBuffer();
}

/** Joins neighbouring unblurred layers into one SVG: each raster costs time. */
function mergeCrispLayers(layers: readonly StillLayer[]): StillLayer[] {
  const merged: StillLayer[] = [];
  for (const layer of layers) {
    const last = merged[merged.length - 1];
    if (last && !last.blur && !layer.blur) merged[merged.length - 1] = { svg: last.svg + layer.svg };
    else merged.push(layer);
  }
  return merged;
}

/** A layer's pixels: RGBA, not premultiplied, at full or (for blurred layers) reduced size. */
interface Raster {
  width: number;
  height: number;
  rgba: Buffer;
}

/**
 * Rasterises a layer. A blurred layer is drawn small and enlarged while compositing: it looks
 * the same and costs a fraction of blurring the full frame.
 */
async function rasterise(layer: StillLayer): Promise<Raster> {
  const blur = layer.blur ?? 0;
  const scale = blur > 8 ? 4 / blur : blur > 0 ? 0.5 : 1;
  const width = Math.round(stillWidth * scale);
  const height = Math.round(stillHeight * scale);
  const svg = svgDocument(width, height, layer.svg, `0 0 ${stillWidth} ${stillHeight}`);
  let image = sharp(Buffer.from(svg)).ensureAlpha();
  if (blur * scale >= 0.6) image = image.blur(blur * scale);
  return { width, height, rgba: await image.raw().toBuffer() };
}

/** Lays a grey layer over the one-channel film, enlarging it bilinearly when it is small. */
function composite(film: Uint8Array, raster: Raster): void {
  const { width, height, rgba } = raster;
  if (width === stillWidth && height === stillHeight) {
    for (let i = 0; i < pixelCount; i++) {
      const alpha = rgba[i * 4 + 3]!;
      if (alpha > 0) film[i] = over(film[i]!, rgba[i * 4]!, alpha);
    }
    return;
  }
  const columns = sampling(width, stillWidth);
  const rows = sampling(height, stillHeight);
  for (let y = 0; y < stillHeight; y++) {
    const row0 = rows.near[y]! * width;
    const row1 = rows.far[y]! * width;
    const wy = rows.weight[y]!;
    for (let x = 0; x < stillWidth; x++) {
      const col0 = columns.near[x]!;
      const col1 = columns.far[x]!;
      const wx = columns.weight[x]!;
      const a = (row0 + col0) * 4;
      const b = (row0 + col1) * 4;
      const c = (row1 + col0) * 4;
      const d = (row1 + col1) * 4;
      const aa = rgba[a + 3]! * (1 - wx) * (1 - wy);
      const ab = rgba[b + 3]! * wx * (1 - wy);
      const ac = rgba[c + 3]! * (1 - wx) * wy;
      const ad = rgba[d + 3]! * wx * wy;
      const alpha = aa + ab + ac + ad;
      if (alpha < 0.5) continue;
      // Premultiplied, so that transparent pixels do not darken soft edges.
      const src = (rgba[a]! * aa + rgba[b]! * ab + rgba[c]! * ac + rgba[d]! * ad) / alpha;
      const i = y * stillWidth + x;
      film[i] = over(film[i]!, src, alpha);
    }
  }
}

/** One grey pixel of a layer, with its alpha, laid over one of the film. */
function over(film: number, layer: number, alpha: number): number {
  return Math.round(film + ((layer - film) * alpha) / 255);
}

/** For each output pixel along one axis: the two source pixels to blend, and the far one's weight. */
function sampling(source: number, target: number): { near: Int32Array; far: Int32Array; weight: Float32Array } {
  const near = new Int32Array(target);
  const far = new Int32Array(target);
  const weight = new Float32Array(target);
  for (let t = 0; t < target; t++) {
    const f = Math.min(source - 1, Math.max(0, ((t + 0.5) * source) / target - 0.5));
    near[t] = Math.floor(f);
    far[t] = Math.min(source - 1, Math.floor(f) + 1);
    weight[t] = f - Math.floor(f);
  }
  return { near, far, weight };
}

/** Dust specks and a couple of faint vertical scratches, placed by the seed. */
function printDamage(seed: number): string {
  const random = seededRandom(seed);
  let marks = '';
  for (let i = 0; i < 34; i++) {
    const [cx, cy, r] = [random() * stillWidth, random() * stillHeight, 0.8 + random() * random() * 3.2];
    const fill = random() < 0.6 ? grey(0.9) : grey(0.06);
    marks += el('circle', { cx, cy, r, fill, opacity: 0.3 + random() * 0.4 });
  }
  for (let i = 0; i < 2; i++) {
    const x = 80 + random() * (stillWidth - 160);
    const top = random() * stillHeight * 0.6;
    const length = stillHeight * (0.15 + random() * 0.4);
    const drift = (random() - 0.5) * 10;
    const d = `M${n(x)} ${n(top)}q${n(drift)} ${n(length / 2)} ${n(drift / 2)} ${n(length)}`;
    marks += line(d, grey(0.88), 0.8 + random(), { opacity: 0.15 + random() * 0.2 });
  }
  return marks;
}

/**
 * Darkens the edges as an old lens and the rounded gate of a projector do, adds grain and
 * prints the grey film in the tone of the print, as RGB.
 */
function develop(film: Uint8Array, scene: StillScene): Buffer {
  const table = toneTable(tones[scene.tone]);
  const grain = grainField(scene.seed);
  const grainWidth = stillWidth / 2 + 1;
  const out = Buffer.alloc(pixelCount * 3);
  const cx = stillWidth / 2;
  const cy = stillHeight * 0.48;
  const reach = Math.hypot(cx, stillHeight - cy);
  for (let y = 0; y < stillHeight; y++) {
    const dy = (y - cy) / reach;
    for (let x = 0; x < stillWidth; x++) {
      const i = y * stillWidth + x;
      const dx = (x - cx) / reach;
      // Full light to half the way out, then a smooth fall to a tenth at the corners.
      const d = Math.min(1, Math.max(0, (Math.sqrt(dx * dx + dy * dy) - 0.5) / 0.5));
      const level = film[i]! * (1 - 0.9 * d * d * (3 - 2 * d));
      // Grain is half-size and averaged with a neighbour, so it clumps like silver halide
      // rather than sitting on single pixels; it shows most in the middle greys.
      const g = (x >> 1) + (y >> 1) * grainWidth;
      const noise = (grain[g]! + grain[g + ((x & 1) === 1 ? 1 : grainWidth)]!) / 2;
      const strength = 4 + 84 * (level / 255) * (1 - level / 255);
      const value = Math.max(0, Math.min(255, Math.round(level + noise * strength))) * 3;
      out[i * 3] = table[value]!;
      out[i * 3 + 1] = table[value + 1]!;
      out[i * 3 + 2] = table[value + 2]!;
    }
  }
  return out;
}

/** Roughly normal noise at half size (plus a margin for the averaging), from the seed. */
function grainField(seed: number): Float32Array {
  const random = seededRandom(seed * 7919);
  const field = new Float32Array((stillWidth / 2 + 1) * (stillHeight / 2 + 1));
  // The sum of three uniforms is near enough to a normal distribution for grain.
  for (let i = 0; i < field.length; i++) field[i] = (random() + random() + random() - 1.5) * 1.35;
  return field;
}

/** Maps each grey level to the print's colour: shadow to middle grey to highlight. */
function toneTable([shadow, middle, highlight]: readonly [Rgb, Rgb, Rgb]): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let level = 0; level < 256; level++) {
    // A little lift in the middle greys, as a print on warm paper has.
    const t = Math.pow(level / 255, 0.88);
    const [from, to, f] = t < 0.5 ? [shadow, middle, t * 2] : [middle, highlight, t * 2 - 1];
    for (let c = 0; c < 3; c++) table[level * 3 + c] = Math.round(from[c]! + (to[c]! - from[c]!) * f);
  }
  return table;
}
