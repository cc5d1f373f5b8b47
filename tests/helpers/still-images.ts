import sharp from 'sharp';

/**
 * Real pictures for the stills tests, made with sharp: a left half darker than the right, so a
 * test can tell which way up a picture is.
 */
export async function jpeg(width: number, height: number, options: { orientation?: number; quality?: number } = {}): Promise<Buffer> {
  const half = Buffer.from(`<svg width="${width}" height="${height}"><rect width="${Math.floor(width / 2)}" height="${height}" fill="#111"/></svg>`);
  let image = sharp({ create: { width, height, channels: 3, background: '#eeeeee' } }).composite([{ input: half }]).jpeg({ quality: options.quality ?? 80 });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

/** A PNG whose top half is transparent. */
export async function pngWithAlpha(width: number, height: number): Promise<Buffer> {
  const opaque = Buffer.from(`<svg width="${width}" height="${height}"><rect y="${Math.floor(height / 2)}" width="${width}" height="${Math.ceil(height / 2)}" fill="#c03020"/></svg>`);
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: opaque }])
    .png()
    .toBuffer();
}

export async function inFormat(format: 'webp' | 'avif' | 'gif' | 'tiff', width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#446688' } })
    .toFormat(format)
    .toBuffer();
}

/** A JPEG cut in half: its header reads, its picture does not. */
export async function corruptJpeg(): Promise<Buffer> {
  const whole = await jpeg(400, 300);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** Mean brightness of a picture's halves as shown (EXIF orientation applied), and its shown size. */
export async function halves(input: Buffer | string): Promise<{ left: number; right: number; top: number; bottom: number; width: number; height: number }> {
  const { data, info } = await sharp(input).rotate().greyscale().raw().toBuffer({ resolveWithObject: true });
  const sum = { left: 0, right: 0, top: 0, bottom: 0 };
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const v = data[y * info.width + x]!;
      if (x < info.width / 2) sum.left += v;
      else sum.right += v;
      if (y < info.height / 2) sum.top += v;
      else sum.bottom += v;
    }
  }
  const half = (info.width * info.height) / 2;
  return { left: sum.left / half, right: sum.right / half, top: sum.top / half, bottom: sum.bottom / half, width: info.width, height: info.height };
}
