import { stringify } from 'yaml';
import { isoDate } from '../library/new-review';
import { AssetPlan } from './asset-plan';
import { exportBlocks } from './block-model';
import { figureImage, foldedCaption, safeFigure } from './figure-parts';
import { htmlBlock } from './html-blocks';
import { escapeHtml, mapImageSources, type ExportContext } from './inline';
import { calendarDate, filmData, ratingOf, readExportReview, type ExportReview } from './review-model';
import { exportMarker, type ExportInput, type ExportResult } from './types';

/**
 * A Jekyll post: `_posts/YYYY-MM-DD-<slug>.md` with Jekyll's front matter and the review as the
 * pipeline's sanitised HTML, which kramdown passes through unchanged. Not markdown, on purpose:
 * kramdown reads attribute lists (`{: onclick=…}`) and `{::nomarkdown}` in text, and Liquid reads
 * `{{ }}`; every `{` of the review is written as a character reference so none of them runs.
 * Stills go under `assets/<slug>/`, referred to through `relative_url` so a `baseurl` works.
 */
export function jekyllPost(input: ExportInput): ExportResult {
  const review = readExportReview(input);
  const warnings = [...review.warnings];
  const date = calendarDate(review.meta.date);
  if (!date) warnings.push(`The review has no date, so the post is dated today (${isoDate(input.now)}).`);
  const assetsBase = `/assets/${review.slug}`;
  const plan = new AssetPlan(input, { dir: `assets/${review.slug}`, hrefBase: assetsBase, flat: true });
  const context: ExportContext = { sanitize: input.sanitize, plan, env: review.env };
  let firstStill: string | null = null;
  const body = exportBlocks(review.tokens, review.env)
    .map((block) =>
      htmlBlock(block, context, ({ figure }) => {
        firstStill ??= plan.still(figure.src)?.path ?? null;
        const caption = foldedCaption(figure, context, (credit) => `<span class="credit">${credit}</span>`);
        return safeFigure(`<figure>${figureImage(figure, context)}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`, context);
      }),
    )
    .filter((html) => html !== '')
    .map((html) => liquidImages(withoutLiquid(html), assetsBase))
    .join('\n\n');
  const main = `_posts/${date ?? isoDate(input.now)}-${review.slug}.md`;
  return {
    target: 'jekyll',
    slug: review.slug,
    main,
    files: [{ path: main, content: `---\n${exportMarker}\n${jekyllFrontMatter(review, firstStill)}---\n\n${body}\n` }],
    assets: plan.assets,
    warnings: [...warnings, ...plan.warnings],
  };
}

function jekyllFrontMatter(review: ExportReview, firstStill: string | null): string {
  const data: Record<string, unknown> = { layout: 'post', title: review.headline };
  if (calendarDate(review.meta.date)) data['date'] = review.meta.date!.trim();
  if (review.meta.status === 'draft') data['published'] = false;
  if (review.tags.length) data['tags'] = review.tags;
  if (review.summary) data['description'] = review.summary;
  // jekyll-seo-tag's share image.
  if (firstStill?.startsWith('/assets/')) data['image'] = firstStill;
  const film = filmData(review.data);
  if (film) data['film'] = film;
  const rating = ratingOf(review.data);
  if (rating) {
    data['rating'] = rating.value;
    data['rating_scale'] = rating.scale;
  }
  if (typeof review.data['spoilers'] === 'boolean') data['spoilers'] = review.data['spoilers'];
  return stringify(data, { version: '1.1', lineWidth: 0 });
}

/** Every `{` as a character reference: Liquid, kramdown's extensions and IALs all start with one. */
function withoutLiquid(html: string): string {
  return html.replace(/\{/g, '&#123;');
}

/** Stills of the post through Jekyll's `relative_url`, so a site under a `baseurl` finds them. */
function liquidImages(html: string, assetsBase: string): string {
  return mapImageSources(html, (src) =>
    src.startsWith(`${assetsBase}/`) ? `{{ '${src.replace(/'/g, '%27')}' | relative_url }}` : escapeHtml(src),
  );
}
