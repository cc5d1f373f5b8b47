import type { MarkdownIt, Token } from 'markdown-it';
import type { RenderEnv } from './render-env';

/** What the figures rule leaves on a `figcaption` token (the word count reads it too). */
export type FigcaptionMeta = {
  /** The image title parsed as inline markdown, or null. */
  caption: Token[] | null;
  credit: string | null;
};

/**
 * An image alone in its paragraph becomes a figure (DESIGN §4): the alt stays on the image, the
 * title becomes the caption, the credit comes from the front matter's `stills`:
 *
 *   <figure><img src alt width height loading="lazy" decoding="async"><figcaption><span class="caption">…</span>
 *   <span class="credit">…</span></figcaption></figure>
 *
 * Width and height come from the host's image sizes (`RenderEnv.images`) when it gave them; a
 * file it reports missing makes `<figure class="still-missing">` with a placeholder after the image.
 *
 * Written here rather than with markdown-it-image-figures because the credit and the exact caption
 * markup are ours. A linked lone image (`[![a](b)](c)`) stays a plain image in its paragraph: the
 * figure is what exporters turn into WordPress image blocks and Hugo figures, and a link around
 * the still would not survive that.
 */
export function figures(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'figures', (state) => {
    const tokens = state.tokens;
    const stills = (state.env as RenderEnv).stills ?? {};
    for (let i = 1; i + 1 < tokens.length; i++) {
      const open = tokens[i - 1];
      const inline = tokens[i];
      const close = tokens[i + 1];
      const image = inline?.children?.length === 1 ? inline.children[0] : undefined;
      if (!open || !close || open.type !== 'paragraph_open' || close.type !== 'paragraph_close') continue;
      if (inline?.type !== 'inline' || image?.type !== 'image') continue;

      const title = String(image.attrGet('title') ?? '').trim();
      const src = String(image.attrGet('src') ?? '');
      const credit = creditOf(stills, src, md);
      image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
      const size = sizeOf((state.env as RenderEnv).images, src, md);
      if (size) {
        image.attrPush(['width', String(size.width)]);
        image.attrPush(['height', String(size.height)]);
      }
      image.attrPush(['loading', 'lazy']);
      image.attrPush(['decoding', 'async']);

      open.type = 'figure_open';
      close.type = 'figure_close';
      open.tag = close.tag = 'figure';
      // A still in a tight list item still shows as a figure.
      open.hidden = close.hidden = false;

      if (size === null) {
        // The host says the file is not there: a visible placeholder instead of a broken image.
        open.attrJoin('class', 'still-missing');
        const missing = new state.Token('still_missing', 'span', 0);
        missing.block = true;
        missing.level = inline.level;
        missing.content = md.normalizeLinkText(src);
        tokens.splice(i + 1, 0, missing);
        i++;
      }
      if (!title && credit === null) continue;
      const figcaption = new state.Token('figcaption', 'figcaption', 0);
      figcaption.block = true;
      figcaption.level = inline.level;
      // A fresh env: a caption must not add footnotes or read the body's state.
      const meta: FigcaptionMeta = { caption: title ? (md.parseInline(title, {})[0]?.children ?? null) : null, credit };
      figcaption.meta = meta;
      tokens.splice(i + 1, 0, figcaption);
      i++;
    }
  });

  md.renderer.rules['still_missing'] = (tokens, idx) =>
    `<span class="still-placeholder">Missing still: ${md.utils.escapeHtml(tokens[idx]?.content ?? '')}</span>`;

  md.renderer.rules['figcaption'] = (tokens, idx, options, env, self) => {
    const { caption, credit } = tokens[idx]?.meta as unknown as FigcaptionMeta;
    const captionHtml = caption ? `<span class="caption">${self.renderInline(caption, options, env)}</span>` : '';
    const creditHtml = credit !== null ? `<span class="credit">${md.utils.escapeHtml(credit)}</span>` : '';
    return `<figcaption>${captionHtml}${creditHtml}</figcaption>`;
  };
}

/** The size the host gave for an image (undefined: not known; null: the file is missing). */
function sizeOf(images: RenderEnv['images'], src: string, md: MarkdownIt): { width: number; height: number } | null | undefined {
  if (!images) return undefined;
  for (const key of [src, md.normalizeLinkText(src)]) {
    if (Object.hasOwn(images, key)) return images[key] ?? null;
  }
  return undefined;
}

/**
 * The credit for an image. `stills` is keyed by the path as written; markdown-it percent-encodes
 * the src (`stills/01%20a.jpg`), so the decoded form is tried too.
 */
function creditOf(stills: NonNullable<RenderEnv['stills']>, src: string, md: MarkdownIt): string | null {
  for (const key of [src, md.normalizeLinkText(src)]) {
    if (Object.hasOwn(stills, key)) return stills[key]?.credit ?? null;
  }
  return null;
}
