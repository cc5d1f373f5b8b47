import type { Token } from 'markdown-it';
import { AssetPlan } from './asset-plan';
import { exportBlocks, inlineTokensOf, type ExportBlock, type Figure, type Footnote } from './block-model';
import { figureImage, foldedCaption, safeFigure } from './figure-parts';
import { blockHtml, escapeHtml, inlineHtml, type ExportContext } from './inline';
import { readExportReview } from './review-model';
import type { ExportInput, ExportResult } from './types';

/**
 * Gutenberg block markup (`<!-- wp:name {attrs} -->` … `<!-- /wp:name -->`) as WordPress 6.1
 * saves it, so the block editor opens every block as valid there and migrates it on later
 * versions: headings without `wp-block-heading`, lists and quotes without inner blocks, images
 * with `wp-element-caption`. Footnotes become a separator and a numbered list, because the
 * footnotes block of 6.3 keeps its notes in post meta, which a file cannot carry.
 */
export function wordpressBlocks(input: ExportInput): ExportResult {
  const review = readExportReview(input);
  const plan = new AssetPlan(input, { dir: review.slug, hrefBase: review.slug });
  const context: ExportContext = { sanitize: input.sanitize, plan, env: review.env };
  const markup = exportBlocks(review.tokens, review.env)
    .map((block) => serialiseBlock(block, context))
    .filter((text) => text !== '')
    .join('\n\n');
  const main = `${review.slug}.html`;
  return {
    target: 'wordpress-blocks',
    slug: review.slug,
    main,
    files: [{ path: main, content: `${markup}\n` }],
    assets: plan.assets,
    warnings: [...review.warnings, ...plan.warnings],
  };
}

/** One block in WordPress's serialisation; the JSON attributes escaped as `serializeAttributes` does. */
export function wpBlock(name: string, attrs: Record<string, unknown> | null, html: string): string {
  const json = attrs && Object.keys(attrs).length ? ` ${serialiseAttributes(attrs)}` : '';
  return `<!-- wp:${name}${json} -->\n${html}\n<!-- /wp:${name} -->`;
}

function serialiseAttributes(attrs: Record<string, unknown>): string {
  return JSON.stringify(attrs)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}

function serialiseBlock(block: ExportBlock, context: ExportContext): string {
  switch (block.kind) {
    case 'heading': {
      const html = inlineHtml(block.inline, context);
      return wpBlock('heading', block.level === 2 ? null : { level: block.level }, `<h${block.level}>${html}</h${block.level}>`);
    }
    case 'paragraph': {
      const html = inlineHtml(block.inline, context).trim();
      return html ? wpBlock('paragraph', null, `<p>${html}</p>`) : '';
    }
    case 'figure':
      return imageBlock(block.figure, context);
    case 'list':
      return listBlock(block, context);
    case 'quote':
      return quoteBlock(block.tokens, context);
    case 'code':
      return wpBlock('code', null, `<pre class="wp-block-code"><code>${escapeHtml(block.text.replace(/\n$/, ''))}</code></pre>`);
    case 'table':
      return tableBlock(block.tokens, context);
    case 'rule':
      return separator();
    case 'footnotes':
      return footnoteBlocks(block.notes, context);
    case 'html':
    case 'other': {
      const html = blockHtml(block.tokens, context);
      return html ? wpBlock('html', null, html) : '';
    }
  }
}

function separator(): string {
  return wpBlock('separator', null, '<hr class="wp-block-separator has-alpha-channel-opacity"/>');
}

/** `core/image` without a media-library id (the publisher adds `id` and `wp-image-N`). */
function imageBlock(figure: Figure, context: ExportContext): string {
  const caption = foldedCaption(figure, context);
  const figcaption = caption ? `<figcaption class="wp-element-caption">${caption}</figcaption>` : '';
  const html = safeFigure(`<figure class="wp-block-image">${figureImage(figure, context)}${figcaption}</figure>`, context);
  // WordPress writes void elements XHTML-style; matching it keeps the editor's comparison quiet.
  return wpBlock('image', null, html.replace(/<img\b((?:\s+[^\s=>"\/]+(?:="[^"]*")?)*)\s*\/?>/, '<img$1/>'));
}

function listBlock(block: Extract<ExportBlock, { kind: 'list' }>, context: ExportContext): string {
  const html = blockHtml(block.tokens, context);
  const attrs: Record<string, unknown> = {};
  if (block.ordered) attrs['ordered'] = true;
  if (block.ordered && block.start !== 1) attrs['start'] = block.start;
  return wpBlock('list', attrs, html);
}

/**
 * WordPress 6.1's quote holds paragraphs only (later versions migrate it to inner blocks), so
 * whatever else a markdown quote holds is written as paragraphs of its text.
 */
function quoteBlock(tokens: Token[], context: ExportContext): string {
  const paragraphs = inlineTokensOf(tokens.slice(1, -1))
    .map((inline) => inlineHtml(inline, context).trim())
    .filter((html) => html !== '')
    .map((html) => `<p>${html}</p>`);
  return wpBlock('quote', null, `<blockquote class="wp-block-quote">${paragraphs.join('')}</blockquote>`);
}

/** `core/table` as 6.1 saves it: a figure around the table, alignment as a class and `data-align`. */
function tableBlock(tokens: Token[], context: ExportContext): string {
  let html = '';
  for (const token of tokens) {
    if (token.type === 'inline') {
      html += inlineHtml(token.children ?? [], context);
      continue;
    }
    if (!['thead', 'tbody', 'tr', 'th', 'td'].includes(token.tag)) continue;
    if (token.nesting === -1) {
      html += `</${token.tag}>`;
      continue;
    }
    const align = token.attrGet('align') ?? /text-align:(\w+)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    html += align && (token.tag === 'th' || token.tag === 'td') ? `<${token.tag} class="has-text-align-${align}" data-align="${align}">` : `<${token.tag}>`;
  }
  const safe = context.sanitize(`<table>${html}</table>`);
  // data-align is WordPress's own attribute; the sanitiser drops data-*, so it is put back here.
  const withAlign = safe.replace(/<(th|td) class="has-text-align-(left|center|right)">/g, '<$1 class="has-text-align-$2" data-align="$2">');
  return wpBlock('table', null, `<figure class="wp-block-table">${withAlign}</figure>`);
}

function footnoteBlocks(notes: Footnote[], context: ExportContext): string {
  const items = notes.map((note) => {
    const paragraphs = inlineTokensOf(note.tokens).map((inline) => inlineHtml(inline, context).trim());
    return context.sanitize(`<li id="fn${note.number}">${paragraphs.join('<br>')} <a href="#fnref${note.number}">↩︎</a></li>`);
  });
  const list = wpBlock('list', { ordered: true, className: 'footnotes' }, `<ol class="footnotes">${items.join('')}</ol>`);
  return `${separator()}\n\n${list}`;
}
