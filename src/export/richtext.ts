import type { Token } from 'markdown-it';
import { isSafeLinkUrl } from '../markdown/sanitize';
import { AssetPlan } from './asset-plan';
import { markdown } from '../markdown/markdown';
import { exportBlocks, inlineHoldsRawHtml, inlineTokensOf, type ExportBlock } from './block-model';
import { figureImage, foldedCaptionText } from './figure-parts';
import { blockHtml, decodeEntities, escapeHtml, footnoteNumber, inlineHtml, inlineText, rewriteImageSources, textOfHtml, type ExportContext } from './inline';
import { readExportReview } from './review-model';
import type { ExportInput, ExportResult } from './types';

/**
 * Rich text for the clipboard: HTML in the small subset that Substack, Medium and Google Docs all
 * paste faithfully (paragraphs, two heading levels, quotes, lists, rules, bold, italic, links),
 * and the same review as plain text. Those editors drop `<figcaption>`, so each still is an image
 * followed by its caption and credit as an italic paragraph; no classes, no tables.
 */
export function richtext(input: ExportInput): ExportResult {
  const review = readExportReview(input);
  const plan = new AssetPlan(input, { dir: review.slug, hrefBase: review.slug });
  const context: ExportContext = { sanitize: input.sanitize, plan, env: review.env };
  const blocks = exportBlocks(review.tokens, review.env);
  const heading = `<h1>${escapeHtml(review.headline)}</h1>`;
  const html = rewriteImageSources(input.sanitize([heading, ...blocks.map((block) => richBlock(block, context))].filter(Boolean).join('\n')), plan);
  const text = [review.headline, ...blocks.map((block) => plainBlock(block, context))].filter(Boolean).join('\n\n');
  const page = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(review.headline)}</title></head>\n<body>\n${html}\n</body></html>\n`;
  return {
    target: 'richtext',
    slug: review.slug,
    main: `${review.slug}.rich.html`,
    files: [
      { path: `${review.slug}.rich.html`, content: page },
      { path: `${review.slug}.txt`, content: `${text}\n` },
    ],
    assets: plan.assets,
    warnings: [...review.warnings, ...plan.warnings],
    clipboard: { html, text: `${text}\n` },
  };
}

/** Inline tokens in the pasteable subset: strong, em, code, links to the web, line breaks. */
function richInline(tokens: Token[]): string {
  let out = '';
  const links: boolean[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += escapeHtml(token.content);
        break;
      case 'code_inline':
        out += `<code>${escapeHtml(token.content)}</code>`;
        break;
      case 'em_open':
      case 'strong_open':
        out += `<${token.tag}>`;
        break;
      case 'em_close':
      case 'strong_close':
        out += `</${token.tag}>`;
        break;
      case 'link_open': {
        // A pasted document has no library beside it: only links to the web survive.
        const href = String(token.attrGet('href') ?? '');
        const keep = isSafeLinkUrl(href) && /^(https?|mailto):/i.test(href);
        links.push(keep);
        if (keep) out += `<a href="${escapeHtml(href)}">`;
        break;
      }
      case 'link_close':
        if (links.pop()) out += '</a>';
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '<br>';
        break;
      case 'footnote_ref':
        out += `[${footnoteNumber(token)}]`;
        break;
      default:
        break;
    }
  }
  return out.trim();
}

/**
 * A paragraph or heading that holds raw HTML is read through the sanitiser and kept as text: the
 * tags are not in the subset, and what the sanitiser drops (a script's text) must not show.
 */
function richText(inline: Token[], context: ExportContext): string {
  return inlineHoldsRawHtml(inline) ? textOfHtml(inlineHtml(inline, context)) : richInline(inline);
}

function plainText(inline: Token[], context: ExportContext): string {
  return inlineHoldsRawHtml(inline) ? decodeEntities(textOfHtml(inlineHtml(inline, context))) : inlineText(inline).trim();
}

function richBlock(block: ExportBlock, context: ExportContext): string {
  switch (block.kind) {
    case 'heading': {
      const tag = block.level <= 2 ? 'h2' : 'h3';
      return `<${tag}>${richText(block.inline, context)}</${tag}>`;
    }
    case 'paragraph': {
      const html = richText(block.inline, context);
      return html ? `<p>${html}</p>` : '';
    }
    case 'figure': {
      const caption = [block.figure.caption ? richInline(block.figure.caption) : '', escapeHtml(block.figure.credit?.trim() ?? '')]
        .filter(Boolean)
        .join(' — ');
      return `<p>${figureImage(block.figure, context)}</p>${caption ? `\n<p><em>${caption}</em></p>` : ''}`;
    }
    case 'list':
      return listHtml(block.tokens);
    case 'quote':
      return `<blockquote>${inlineTokensOf(block.tokens)
        .map((inline) => `<p>${richInline(inline)}</p>`)
        .join('')}</blockquote>`;
    case 'code':
      return `<pre>${escapeHtml(block.text.replace(/\n$/, ''))}</pre>`;
    case 'table':
      return tableRows(block.tokens)
        .map((row, i) => (i === 0 ? `<p><strong>${row.map(richInline).join(' | ')}</strong></p>` : `<p>${row.map(richInline).join(' | ')}</p>`))
        .join('\n');
    case 'rule':
      return '<hr>';
    case 'footnotes':
      return ['<hr>', ...block.notes.map((note) => `<p>[${note.number}] ${inlineTokensOf(note.tokens).map(richInline).join(' ')}</p>`)].join('\n');
    case 'html':
    case 'other': {
      const text = textOfHtml(blockHtml(block.tokens, context));
      return text ? text.split('\n').map((line) => `<p>${line}</p>`).join('\n') : '';
    }
  }
}

/** A list with its items' text; a nested list stays nested (the editors keep two levels). */
function listHtml(tokens: Token[]): string {
  let html = '';
  for (const token of tokens) {
    if (token.type === 'bullet_list_open') html += '<ul>';
    else if (token.type === 'ordered_list_open') html += token.attrGet('start') && token.attrGet('start') !== '1' ? `<ol start="${Number(token.attrGet('start'))}">` : '<ol>';
    else if (token.type === 'bullet_list_close') html += '</ul>';
    else if (token.type === 'ordered_list_close') html += '</ol>';
    else if (token.type === 'list_item_open') html += '<li>';
    else if (token.type === 'list_item_close') html += '</li>';
    else if (token.type === 'inline') {
      const image = token.children?.length === 1 ? token.children[0] : undefined;
      html +=
        image?.type === 'image'
          ? `<img src="${escapeHtml(String(image.attrGet('src') ?? ''))}" alt="${escapeHtml(markdown.renderer.renderInlineAsText(image.children ?? [], markdown.options, {}))}">`
          : richInline(token.children ?? []);
    } else if (token.type === 'paragraph_close' && !token.hidden) html += ' ';
  }
  return html.replace(/ <\/li>/g, '</li>');
}

/** The rows of a table, each a list of cells' inline tokens. */
function tableRows(tokens: Token[]): Token[][][] {
  const rows: Token[][][] = [];
  for (const token of tokens) {
    if (token.type === 'tr_open') rows.push([]);
    else if (token.type === 'inline') rows[rows.length - 1]?.push(token.children ?? []);
  }
  return rows;
}

function plainBlock(block: ExportBlock, context: ExportContext): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return plainText(block.inline, context);
    case 'figure': {
      const caption = foldedCaptionText(block.figure);
      return `[${block.figure.alt || 'Image'}]${caption ? `\n${caption}` : ''}`;
    }
    case 'list':
      return plainList(block.tokens);
    case 'quote':
      return inlineTokensOf(block.tokens)
        .map((inline) => `> ${inlineText(inline).trim()}`)
        .join('\n>\n');
    case 'code':
      return block.text.replace(/\n$/, '');
    case 'table':
      return tableRows(block.tokens)
        .map((row) => row.map((cell) => inlineText(cell).trim()).join(' | '))
        .join('\n');
    case 'rule':
      return '* * *';
    case 'footnotes':
      return ['* * *', ...block.notes.map((note) => `[${note.number}] ${inlineTokensOf(note.tokens).map((t) => inlineText(t).trim()).join(' ')}`)].join('\n');
    case 'html':
    case 'other':
      return decodeEntities(textOfHtml(blockHtml(block.tokens, context)));
  }
}

function plainList(tokens: Token[]): string {
  const lines: string[] = [];
  const counters: Array<number | null> = [];
  for (const token of tokens) {
    if (token.type === 'bullet_list_open') counters.push(null);
    else if (token.type === 'ordered_list_open') counters.push(Number(token.attrGet('start') ?? 1));
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') counters.pop();
    else if (token.type === 'list_item_open') {
      const depth = counters.length - 1;
      const n = counters[depth];
      lines.push(`${'  '.repeat(depth)}${n === null || n === undefined ? '•' : `${n}.`} `);
      if (n !== null && n !== undefined) counters[depth] = n + 1;
    } else if (token.type === 'inline') {
      const last = lines.length - 1;
      const text = inlineText(token.children ?? []).trim();
      if (last >= 0) lines[last] += lines[last]!.endsWith(' ') ? text : ` ${text}`;
    }
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}
