import type { Token } from 'markdown-it';
import { markdown } from '../markdown/markdown';
import type { RenderEnv } from '../markdown/render-env';
import type { Sanitize } from '../markdown/sanitize';
import type { AssetPlan } from './asset-plan';

/** What every exporter's helpers need: the sanitiser, where stills go, and the render env. */
export interface ExportContext {
  sanitize: Sanitize;
  plan: AssetPlan;
  env: RenderEnv;
}

export const escapeHtml: (text: string) => string = markdown.utils.escapeHtml;

/** Sanitised HTML of inline tokens, with image references pointed at the export's copies. */
export function inlineHtml(tokens: Token[], context: ExportContext): string {
  const html = markdown.renderer.renderInline(tokens, markdown.options, context.env);
  return rewriteImageSources(context.sanitize(html), context.plan);
}

/** Sanitised HTML of block tokens (a list, a table), without the preview's line attributes. */
export function blockHtml(tokens: Token[], context: ExportContext): string {
  for (const token of tokens) {
    if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== 'data-line' && name !== 'data-line-end');
  }
  const html = markdown.renderer.render(tokens, markdown.options, context.env);
  return rewriteImageSources(context.sanitize(html), context.plan).trim();
}

/** Sanitised HTML with the preview's line attributes removed (they mean nothing outside the app). */
export function withoutLineAttributes(html: string): string {
  return html.replace(/ data-line="\d+" data-line-end="\d+"/g, '');
}

// Sanitised HTML is serialised by the DOM: attribute values are double-quoted with `"` escaped,
// so ` src="` can only start a real attribute.
const IMG_SRC = /(<img\b(?:\s+[^\s=>"]+(?:="[^"]*")?)*?\s+src=")([^"]*)(")/gi;

/** Points every `<img src>` of sanitised HTML at the export's copy (or data URI) of the still. */
export function rewriteImageSources(html: string, plan: AssetPlan): string {
  return mapImageSources(html, (src) => escapeHtml(plan.href(src)));
}

/** Replaces the `src` of every `<img>` in sanitised HTML; `map` gets it decoded and returns attribute text. */
export function mapImageSources(html: string, map: (src: string) => string): string {
  return html.replace(IMG_SRC, (_match, before: string, value: string, after: string) => `${before}${map(decodeEntities(value))}${after}`);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities a DOM serialiser writes (and numeric ones); others are left as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

/** The text of sanitised HTML (tags dropped, still entity-escaped): raw HTML made into prose. */
export function textOfHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote|figure|figcaption|pre|section|details|summary)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .trim();
}

/**
 * Plain text of inline tokens, as a reader would copy it: links keep their address in
 * parentheses, footnote references read `[1]`, raw HTML tags are dropped.
 */
export function inlineText(tokens: Token[], options: { images?: boolean } = {}): string {
  let out = '';
  const hrefs: Array<string | null> = [];
  let linkText = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        out += token.content;
        linkText += token.content;
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'link_open':
        hrefs.push(token.attrGet('href') === null ? null : String(token.attrGet('href')));
        linkText = '';
        break;
      case 'link_close': {
        const href = hrefs.pop();
        const shown = href?.replace(/^mailto:/, '');
        if (href && !href.startsWith('#') && shown !== linkText.trim()) out += ` (${href})`;
        break;
      }
      case 'image':
        if (options.images !== false) out += `[${markdown.renderer.renderInlineAsText(token.children ?? [], markdown.options, {})}]`;
        break;
      case 'footnote_ref':
        out += `[${footnoteNumber(token)}]`;
        break;
      default:
        break;
    }
  }
  return out;
}

/** The number a reader sees for a footnote reference (markdown-it-footnote counts from 0). */
export function footnoteNumber(token: Token): number {
  return Number((token.meta as { id?: number } | null)?.id ?? 0) + 1;
}
