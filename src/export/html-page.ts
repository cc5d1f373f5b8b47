import { renderReview } from '../markdown/pipeline';
import { AssetPlan } from './asset-plan';
import { escapeHtml, rewriteImageSources, withoutLineAttributes } from './inline';
import { pageStyle } from './page-style';
import { jsonLdScriptText, reviewJsonLd } from '../review/json-ld';
import { calendarDate, filmData, ratingOf, readExportReview, type ExportReview } from './review-model';
import type { ExportInput, ExportResult } from './types';

/** What the page's own policy allows: images and its stylesheet, never a script or a request. */
const pageCsp = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'";

/**
 * A standalone web page: the headline and the film above the review as the preview shows it
 * (the same sanitised pipeline, figures with caption and credit), a stylesheet that reads well on
 * screen and on paper, and the schema.org Review as JSON-LD. Stills go in `<slug>/stills/`
 * beside `<slug>/index.html`, or into the page itself as data URIs (`inline`, one `<slug>.html`).
 */
export function htmlPage(input: ExportInput): ExportResult {
  const review = readExportReview(input);
  const plan = new AssetPlan(input, { dir: review.slug, hrefBase: '' });
  const body = rewriteImageSources(withoutLineAttributes(renderReview(input.source, { sanitize: input.sanitize }).html), plan);
  const main = input.inline ? `${review.slug}.html` : `${review.slug}/index.html`;
  return {
    target: 'html',
    slug: review.slug,
    main,
    files: [{ path: main, content: pageHtml(review, body.trim()) }],
    assets: plan.assets,
    warnings: [...review.warnings, ...plan.warnings],
  };
}

function pageHtml(review: ExportReview, body: string): string {
  const lang = typeof review.data['lang'] === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(review.data['lang']) ? ` lang="${review.data['lang']}"` : '';
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${pageCsp}">`,
    `<title>${escapeHtml(review.headline)}</title>`,
    review.summary ? `<meta name="description" content="${escapeHtml(review.summary)}">` : '',
    '<meta name="generator" content="Intertitle">',
    `<style>${pageStyle}</style>`,
    `<script type="application/ld+json">\n${jsonLdScriptText(reviewJsonLd(review.data, authorOf(review.data)))}\n</script>`,
  ].filter(Boolean);
  return [
    '<!doctype html>',
    `<html${lang}>`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    '<article class="review">',
    masthead(review),
    body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The review's author, when the front matter names one (`author: Jane Critic`). */
function authorOf(data: Record<string, unknown>): { author?: { name: string } } {
  const author = data['author'];
  return typeof author === 'string' && author.trim() ? { author: { name: author.trim() } } : {};
}

function masthead(review: ExportReview): string {
  const film = filmData(review.data);
  const directors = (Array.isArray(film?.['directors']) ? film['directors'] : [])
    .map((person: unknown) => (typeof person === 'string' ? person : typeof person === 'object' && person ? (person as { name?: unknown }).name : null))
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  const lines = [`<h1>${escapeHtml(review.headline)}</h1>`];
  if (review.meta.film.title && review.meta.film.title !== review.headline) {
    const year = review.meta.film.year ? ` (${review.meta.film.year})` : '';
    const by = directors.length ? `, directed by ${escapeHtml(joinNames(directors))}` : '';
    lines.push(`<p class="film"><cite>${escapeHtml(review.meta.film.title)}</cite>${year}${by}</p>`);
  }
  const byline = [dateHtml(review.meta.date), ratingHtml(review.data)].filter(Boolean);
  if (byline.length) lines.push(`<p class="byline">${byline.join(' · ')}</p>`);
  if (review.summary) lines.push(`<p class="standfirst">${escapeHtml(review.summary)}</p>`);
  return `<header>\n${lines.join('\n')}\n</header>`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateHtml(value: string | null): string {
  const date = calendarDate(value);
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `<time datetime="${date}">${d} ${months[m - 1]} ${y}</time>`;
}

/** Stars on a five-point scale (★★★★½), a fraction on any other; the number is always in the label. */
export function ratingText(value: number, scale: number): string {
  if (scale === 5 && Number.isInteger(value * 2)) return '★'.repeat(Math.floor(value)) + (value % 1 ? '½' : '') + '☆'.repeat(5 - Math.ceil(value));
  return `${value}/${scale}`;
}

function ratingHtml(data: Record<string, unknown>): string {
  const rating = ratingOf(data);
  if (!rating) return '';
  return `<span class="rating" role="img" aria-label="Rated ${rating.value} out of ${rating.scale}">${ratingText(rating.value, rating.scale)}</span>`;
}
