import { AssetPlan } from './asset-plan';
import { exportBlocks, type ExportBlock } from './block-model';
import { figureImage, foldedCaption, safeFigure } from './figure-parts';
import { htmlBlock } from './html-blocks';
import type { ExportContext } from './inline';
import { readExportReview } from './review-model';
import type { ExportInput, ExportResult } from './types';

/**
 * HTML for Ghost's `?source=html` import. Ghost turns each `<figure><img><figcaption>` into an
 * image card with its caption (the credit folded in: Ghost has no credit field) and reads the
 * still's size from `width`/`height`. What Ghost has no card for — tables, raw HTML, footnotes —
 * goes into an HTML card, which Ghost keeps exactly instead of converting it lossily.
 */
export function ghostHtml(input: ExportInput): ExportResult {
  const review = readExportReview(input);
  const plan = new AssetPlan(input, { dir: review.slug, hrefBase: review.slug });
  const context: ExportContext = { sanitize: input.sanitize, plan, env: review.env };
  const html = exportBlocks(review.tokens, review.env)
    .map((block) => ghostBlock(block, context))
    .filter((text) => text !== '')
    .join('\n');
  const main = `${review.slug}.ghost.html`;
  return {
    target: 'ghost-html',
    slug: review.slug,
    main,
    files: [{ path: main, content: `${html}\n` }],
    assets: plan.assets,
    warnings: [...review.warnings, ...plan.warnings],
  };
}

/** Ghost's HTML card: kept byte for byte instead of converted to its editor's nodes. */
export function htmlCard(html: string): string {
  return html ? `<!--kg-card-begin: html-->\n${html}\n<!--kg-card-end: html-->` : '';
}

function ghostBlock(block: ExportBlock, context: ExportContext): string {
  const html = htmlBlock(block, context, ({ figure }) => {
    const caption = foldedCaption(figure, context);
    const figcaption = caption ? `<figcaption>${caption}</figcaption>` : '';
    return safeFigure(`<figure>${figureImage(figure, context, { size: true })}${figcaption}</figure>`, context);
  });
  return block.kind === 'table' || block.kind === 'html' || block.kind === 'footnotes' ? htmlCard(html) : html;
}
