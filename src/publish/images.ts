import { decodeEntities, escapeHtml, mapImageSources } from '../export/inline';
import { wpBlock } from '../export/wordpress-blocks';

/** A still uploaded to WordPress's media library, as an image block refers to it. */
export interface WordPressImage {
  id: number;
  url: string;
  /** The size `url` is (`large` when WordPress made one, else `full`). */
  sizeSlug: string;
}

// The image block exactly as the wordpress-blocks exporter writes it (no attributes yet); the
// attribute pattern reads quoted values whole, so a `>` inside alt text cannot end the tag.
const IMAGE_BLOCK = /<!-- wp:image -->\n<figure class="wp-block-image">(<img\b(?:\s+[^\s=>"/]+(?:="[^"]*")?)*)\s*\/>([\s\S]*?)<\/figure>\n<!-- \/wp:image -->/g;
const CAPTION = /<figcaption class="wp-element-caption">([\s\S]*)<\/figcaption>/;

/**
 * The entry for an image `src`: exports write a still's path percent-encoded (`01%20a.jpg`),
 * while the path an upload is keyed by may be either form.
 */
function lookup<T>(map: ReadonlyMap<string, T>, src: string): T | undefined {
  const direct = map.get(src);
  if (direct !== undefined) return direct;
  try {
    return map.get(decodeURI(src));
  } catch {
    return undefined;
  }
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return match ? decodeEntities(match[1]!) : null;
}

/**
 * The alt text and caption (HTML, credit folded in) of each still the exported WordPress markup
 * shows in an image block, by `src`: what the still's media-library entry should say too.
 */
export function wordpressStillText(markup: string): Map<string, { alt: string; caption: string }> {
  const found = new Map<string, { alt: string; caption: string }>();
  for (const match of markup.matchAll(IMAGE_BLOCK)) {
    const src = attribute(match[1]!, 'src');
    if (src === null || found.has(src)) continue;
    found.set(src, { alt: attribute(match[1]!, 'alt') ?? '', caption: CAPTION.exec(match[2]!)?.[1]?.trim() ?? '' });
  }
  return found;
}

/**
 * The exported markup tied to the media library: each image block of an uploaded still gets the
 * attachment's id (`{"id":N}` and `wp-image-N`, as the block editor saves it), its size and URL;
 * any other reference to an uploaded still (an image inside a paragraph) gets the URL.
 */
export function wordpressWithMedia(markup: string, media: ReadonlyMap<string, WordPressImage>): string {
  const blocks = markup.replace(IMAGE_BLOCK, (whole, img: string, rest: string) => {
    const src = attribute(img, 'src');
    const image = src === null ? undefined : lookup(media, src);
    if (!image) return whole;
    const tag = `${img.replace(/\ssrc="[^"]*"/i, ` src="${escapeHtml(image.url)}"`)} class="wp-image-${image.id}"/>`;
    const attrs = { id: image.id, sizeSlug: image.sizeSlug, linkDestination: 'none' };
    return wpBlock('image', attrs, `<figure class="wp-block-image size-${image.sizeSlug}">${tag}${rest}</figure>`);
  });
  return withUploadedSources(blocks, new Map([...media].map(([href, image]) => [href, image.url])));
}

/** HTML with every `<img>` of an uploaded still pointed at its URL on the site. */
export function withUploadedSources(html: string, urls: ReadonlyMap<string, string>): string {
  return mapImageSources(html, (src) => escapeHtml(lookup(urls, src) ?? src));
}
