import type { Token } from 'markdown-it';
import { leavesOpen } from '../markdown/blocks';
import { markdown } from '../markdown/markdown';
import { topLevelGroups } from '../markdown/blocks';
import { figuresIn, holdsRawHtml, inlineTokensOf, type Figure } from './block-model';
import { isSafeImageUrl, isSafeLinkUrl } from '../markdown/sanitize';
import { blockHtml, decodeEntities, inlineHtml, type ExportContext } from './inline';

interface Replacement {
  start: number;
  end: number;
  text: string;
  /** Our own markup (a shortcode): written as is, not escaped for the site generator. */
  verbatim?: boolean;
}

/**
 * The review's markdown as written, for a site generator that renders markdown itself, with
 * three changes made by line ranges taken from the pipeline's tokens (never a second parser):
 * each figure becomes `figure(…)`'s markup; a block holding raw HTML or a script-bearing link
 * becomes the pipeline's sanitised HTML of that block; and `escape` neutralises the site
 * generator's own syntax in everything else (Hugo shortcodes), so no text of the review can run
 * as a template.
 */
export function rewriteMarkdownBody(
  body: string,
  tokens: Token[],
  context: ExportContext,
  options: { figure: (figure: Figure) => string; escape: (text: string) => string },
): string {
  const lines = body.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const replacements: Replacement[] = [];
  const covered = new Set<number>();
  const cover = (start: number, end: number) => {
    for (let line = start; line < end; line++) covered.add(line);
  };

  let open: { tokens: Token[]; start: number; end: number } | null = null;
  for (const group of topLevelGroups(tokens)) {
    const range = rangeOf(group);
    if (group[0]?.type === 'footnote_block_open') {
      footnoteReplacements(group, context, lines, replacements, cover);
      continue;
    }
    if (!range) continue;
    cover(range[0], range[1]);
    const unsafe = holdsRawHtml(group, { allowPlain: true }) || unsafeReferences(group) || scriptBearing(lines.slice(range[0], range[1]).join(''));
    if (open === null && !unsafe) {
      replacements.push(...fenceReplacements(group, lines));
      for (const { figure, open: figureOpen } of figuresIn(group)) {
        const [start, end] = figureOpen.map ?? range;
        const line = lines[start] ?? '';
        const prefix = /^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?)*[ \t]*/.exec(line)?.[0] ?? '';
        if (!line.slice(prefix.length).startsWith('![')) continue; // leave it an image
        replacements.push({ start, end, text: `${prefix}${options.figure(figure)}\n`, verbatim: true });
      }
      continue;
    }
    open = open ? { tokens: [...open.tokens, ...group], start: open.start, end: range[1] } : { tokens: group, start: range[0], end: range[1] };
    if (leavesOpen(markdown.renderer.render(open.tokens, markdown.options, context.env))) continue;
    replacements.push({ start: open.start, end: open.end, text: htmlInPlace(open.tokens, context) });
    open = null;
  }
  if (open) replacements.push({ start: open.start, end: open.end, text: htmlInPlace(open.tokens, context) });

  // Reference definitions belong to no block; one that points at a script is dropped.
  lines.forEach((line, i) => {
    if (!covered.has(i) && /^ {0,3}\[[^\]]+\]:/.test(line) && scriptBearing(line)) replacements.push({ start: i, end: i + 1, text: '' });
  });

  return assemble(lines, replacements, options.escape);
}

/** The sanitised HTML of a block written in place of its markdown; nothing when nothing is left. */
function htmlInPlace(tokens: Token[], context: ExportContext): string {
  const html = blockHtml(tokens, context);
  return html.replace(/<(p|div|span)>\s*<\/\1>/g, '').trim() === '' ? '' : `${html}\n`;
}

function assemble(lines: string[], replacements: Replacement[], escape: (text: string) => string): string {
  const byStart = new Map(replacements.map((r) => [r.start, r]));
  let out = '';
  let kept = '';
  for (let i = 0; i < lines.length; ) {
    const replacement = byStart.get(i);
    if (!replacement) {
      kept += lines[i];
      i++;
      continue;
    }
    out += escape(kept);
    kept = '';
    out += replacement.verbatim ? replacement.text : escape(replacement.text);
    i = Math.max(replacement.end, i + 1);
    // HTML written in place of a block must end at a blank line, or the next block joins it.
    if (replacement.text && !replacement.verbatim && i < lines.length && lines[i]!.trim() !== '') out += '\n';
    // A block that sanitised to nothing takes its blank line with it.
    if (!replacement.text && i < lines.length && lines[i]!.trim() === '') i++;
  }
  return out + escape(kept);
}

/** Lines `[start, end)` of the body a group of tokens was read from, from the maps inside it. */
function rangeOf(tokens: Token[]): [number, number] | null {
  let start = Infinity;
  let end = -Infinity;
  for (const token of tokens) {
    if (!token.map) continue;
    start = Math.min(start, token.map[0]);
    end = Math.max(end, token.map[1]);
  }
  return start < end ? [start, end] : null;
}

/** A footnote holding raw HTML or a script link is rewritten as its sanitised HTML on one line. */
function footnoteReplacements(
  group: Token[],
  context: ExportContext,
  lines: string[],
  replacements: Replacement[],
  cover: (start: number, end: number) => void,
): void {
  let note: { label: string; tokens: Token[] } | null = null;
  for (const token of group) {
    if (token.type === 'footnote_open') note = { label: String((token.meta as { label?: string }).label ?? ''), tokens: [] };
    else if (token.type === 'footnote_close' && note) {
      const range = rangeOf(note.tokens);
      if (range) {
        cover(range[0], range[1]);
        const unsafe = holdsRawHtml(note.tokens, { allowPlain: true }) || unsafeReferences(note.tokens) || scriptBearing(lines.slice(range[0], range[1]).join(''));
        if (unsafe && note.label) {
          const html = inlineTokensOf(note.tokens)
            .map((inline) => inlineHtml(inline, context).trim())
            .join(' ');
          replacements.push({ start: range[0], end: range[1], text: `[^${note.label}]: ${html}\n` });
        }
      }
      note = null;
    } else if (note) note.tokens.push(token);
  }
}

/**
 * Links and images the preview's sanitiser would drop (an app's own scheme, `ms-msdt:`, a
 * tracking pixel over http): a site generator renders them as written, so their block goes as
 * the sanitised HTML instead.
 */
function unsafeReferences(tokens: Token[]): boolean {
  return tokens.some((token) =>
    (token.children ?? []).some(
      (child) =>
        (child.type === 'link_open' && !isSafeLinkUrl(String(child.attrGet('href') ?? ''))) ||
        (child.type === 'image' && !isSafeImageUrl(String(child.attrGet('src') ?? ''))),
    ),
  );
}

/**
 * A code fence's info string is written back as its language word alone: site generators put it
 * in an attribute, and Hugo 0.111 does not escape it there (````"><svg onload=…>`).
 */
function fenceReplacements(tokens: Token[], lines: string[]): Replacement[] {
  const out: Replacement[] = [];
  for (const token of tokens) {
    if (token.type !== 'fence' || !token.map) continue;
    const language = /^[A-Za-z0-9_+#.-]*$/.exec(token.info.trim().split(/\s+/)[0] ?? '')?.[0] ?? '';
    if (token.info.trim() === language) continue;
    const line = lines[token.map[0]] ?? '';
    const at = line.indexOf(token.markup);
    if (at < 0) continue;
    out.push({ start: token.map[0], end: token.map[0] + 1, text: `${line.slice(0, at)}${token.markup}${language}\n`, verbatim: true });
  }
  return out;
}

/**
 * Whether markdown source holds a link or image destination with a scheme that can run script
 * or read files. markdown-it refuses these, but another renderer (a site generator with raw HTML
 * allowed) might not, so such a block is exported as the pipeline's HTML instead.
 */
export function scriptBearing(source: string): boolean {
  const text = decodeEntities(source).replace(/[\t\n\r]/g, '');
  return /(?:\(|<|\]:)\s*(?:javascript|vbscript|livescript|file|data)\s*:/i.test(text);
}
