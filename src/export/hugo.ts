import type { Token } from 'markdown-it';
import { stringify } from 'yaml';
import { dirnameOf, resolveAssetPath } from '../library/paths';
import { isSafeLinkUrl } from '../markdown/sanitize';
import { AssetPlan } from './asset-plan';
import type { Figure } from './block-model';
import type { ExportContext } from './inline';
import { rewriteMarkdownBody } from './markdown-body';
import { calendarDate, filmData, ratingOf, readExportReview, type ExportReview } from './review-model';
import { exportMarker, type ExportInput, type ExportResult } from './types';

/**
 * A Hugo page bundle: `<slug>/index.md` with Hugo's front matter and the review's own markdown,
 * each still a `{{< figure >}}` shortcode (credit in `attr`), the stills copied into the bundle
 * under the names the markdown uses. Raw HTML is exported sanitised; Hugo shows it only with
 * `markup.goldmark.renderer.unsafe = true`, which the sanitising makes safe to turn on.
 */
export function hugoBundle(input: ExportInput): ExportResult {
  const review = readExportReview(input);
  const plan = new AssetPlan(input, { dir: review.slug, hrefBase: '', keepNames: true });
  const context: ExportContext = { sanitize: input.sanitize, plan, env: review.env };
  const figures: string[] = [];
  const body = rewriteMarkdownBody(review.body, review.tokens, context, {
    figure: (figure) => {
      const shortcode = figureShortcode(figure, plan);
      figures.push(plan.still(figure.src)?.path ?? figure.src);
      return shortcode;
    },
    escape: escapeShortcodes,
  });
  const warnings = [...review.warnings];
  copyInlineImages(review.tokens, input.reviewPath, plan, warnings);
  const main = `${review.slug}/index.md`;
  const frontMatter = hugoFrontMatter(review, figures[0] ?? null);
  return {
    target: 'hugo',
    slug: review.slug,
    main,
    files: [{ path: main, content: `---\n${exportMarker}\n${frontMatter}---\n\n${body.replace(/^\s*\n/, '')}` }],
    assets: plan.assets,
    warnings: [...warnings, ...plan.warnings],
  };
}

function hugoFrontMatter(review: ExportReview, firstStill: string | null): string {
  const data: Record<string, unknown> = { title: review.headline };
  const date = calendarDate(review.meta.date) ? review.meta.date!.trim() : null;
  if (date) data['date'] = date;
  data['draft'] = review.meta.status === 'draft';
  if (typeof review.data['slug'] === 'string' && review.data['slug'].trim()) data['slug'] = review.slug;
  if (review.tags.length) data['tags'] = review.tags;
  if (review.summary) {
    data['summary'] = review.summary;
    data['description'] = review.summary;
  }
  if (firstStill && !/^[a-z][a-z0-9+.-]*:/i.test(firstStill)) data['images'] = [firstStill];
  const params: Record<string, unknown> = {};
  const film = filmData(review.data);
  if (film) params['film'] = film;
  const rating = ratingOf(review.data);
  if (rating) {
    params['rating'] = rating.value;
    params['rating_scale'] = rating.scale;
  }
  if (typeof review.data['spoilers'] === 'boolean') params['spoilers'] = review.data['spoilers'];
  if (Object.keys(params).length) data['params'] = params;
  // YAML 1.1 quoting: Hugo's YAML reader takes an unquoted NO or yes for a boolean.
  return stringify(data, { version: '1.1', lineWidth: 0 });
}

/**
 * `{{< figure >}}` for a still. Hugo joins caption and `attr` with no space between them, so
 * when both are present the credit starts with a markdown line break: it reads as a line of its
 * own under the caption.
 */
export function figureShortcode(figure: Figure, plan: AssetPlan): string {
  const params = [`src=${plainParam(plan.still(figure.src)?.path ?? figure.src)}`, `alt=${plainParam(figure.alt)}`];
  const caption = figure.caption ? captionMarkdown(figure.caption).trim() : '';
  if (caption) params.push(`caption="${caption}"`);
  const credit = figure.credit?.trim() ? markdownText(figure.credit.trim().replace(/\s+/g, ' ')) : '';
  if (credit) params.push(caption ? `attr=\`\\\n${credit}\`` : `attr="${credit}"`);
  return `{{< figure ${params.join(' ')} >}}`;
}

/**
 * A plain-text shortcode parameter. Hugo's quoted strings treat `\"` specially and then drop
 * every backslash, so text with quotes or backslashes goes in a raw (backtick) string instead.
 */
function plainParam(value: string): string {
  const text = value.replace(/\s+/g, ' ');
  if (!/["\\]/.test(text)) return `"${text}"`;
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * A caption as markdown Hugo can read inside a double-quoted parameter: punctuation that markdown
 * or Hugo would read is written as a character reference, so there is no quote or backslash.
 */
function captionMarkdown(tokens: Token[]): string {
  let out = '';
  const hrefs: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        out += markdownText(token.content);
        break;
      case 'code_inline':
        out += /[`"\\]/.test(token.content) ? markdownText(token.content) : `\`${token.content}\``;
        break;
      case 'em_open':
      case 'em_close':
        out += '*';
        break;
      case 'strong_open':
      case 'strong_close':
        out += '**';
        break;
      case 's_open':
      case 's_close':
        out += '~~';
        break;
      case 'link_open': {
        // A link the preview's sanitiser would drop stays its text.
        const href = String(token.attrGet('href') ?? '');
        hrefs.push(isSafeLinkUrl(href) ? href : '');
        if (hrefs.at(-1)) out += '[';
        break;
      }
      case 'link_close': {
        const href = hrefs.pop();
        if (href) out += `](<${href.replace(/[<>"\\`\s]/g, (c) => encodeURIComponent(c))}>)`;
        break;
      }
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      default:
        break;
    }
  }
  return out;
}

function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>#!|~&"{}]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\s+/g, ' ');
}

// Text Hugo would read as a shortcode is escaped the way Hugo documents: a comment inside the
// delimiters (`{{</*` … `*/>}}`) makes Hugo print it as written. An opening without its close is
// broken with a markdown backslash escape instead.
export function escapeShortcodes(text: string): string {
  return text.replace(/\{\{([<%])([\s\S]*?)([>%])\}\}/g, '{{$1/*$2*/$3}}').replace(/\{\{(?=[<%](?!\/\*))/g, '{{\\');
}

/** Stills used inline in a paragraph keep their markdown; they are copied under the same name. */
function copyInlineImages(tokens: Token[], reviewPath: string, plan: AssetPlan, warnings: string[]): void {
  const reviewDir = dirnameOf(reviewPath);
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      if (child.type !== 'image') continue;
      const src = String(child.attrGet('src') ?? '');
      const libraryPath = resolveAssetPath(reviewPath, src);
      if (libraryPath === null) continue;
      if (reviewDir && !libraryPath.startsWith(`${reviewDir}/`)) {
        warnings.push(`${src} is outside the review's folder; Hugo will not find it from the bundle.`);
        continue;
      }
      plan.still(src);
    }
  }
}
