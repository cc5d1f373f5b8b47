import type { Figure } from './block-model';
import { escapeHtml, inlineHtml, inlineText, rewriteImageSources, type ExportContext } from './inline';

/** The caption of a figure as sanitised inline HTML, or '' when it has none. */
export function captionHtml(figure: Figure, context: ExportContext): string {
  return figure.caption ? inlineHtml(figure.caption, context).trim() : '';
}

/**
 * Caption and credit in one line, `The workers march — Curzon`, for destinations that have no
 * place of their own for a credit (WordPress, Ghost, rich text). `credit` wraps the credit's
 * escaped text when the destination can style it.
 */
export function foldedCaption(figure: Figure, context: ExportContext, credit: (html: string) => string = (html) => html): string {
  const caption = captionHtml(figure, context);
  const creditHtml = figure.credit?.trim() ? credit(escapeHtml(figure.credit.trim())) : '';
  return caption && creditHtml ? `${caption} — ${creditHtml}` : caption || creditHtml;
}

export function foldedCaptionText(figure: Figure): string {
  const caption = figure.caption ? inlineText(figure.caption, { images: false }).trim() : '';
  const credit = figure.credit?.trim() ?? '';
  return caption && credit ? `${caption} — ${credit}` : caption || credit;
}

/**
 * `<img>` of a figure as the review wrote it, with the still's size when the host read it. Put
 * it in `safeFigure`, which sanitises and then points it at the export's copy.
 */
export function figureImage(figure: Figure, context: ExportContext, options: { size?: boolean } = {}): string {
  const facts = context.plan.still(figure.src)?.facts;
  const size = options.size && facts?.width && facts.height ? ` width="${facts.width}" height="${facts.height}"` : '';
  return `<img src="${escapeHtml(figure.src)}" alt="${escapeHtml(figure.alt)}"${size}>`;
}

/** Figure markup made safe, its images pointed at the export's copies (after: the sanitiser refuses absolute paths). */
export function safeFigure(html: string, context: ExportContext): string {
  return rewriteImageSources(context.sanitize(html), context.plan);
}
