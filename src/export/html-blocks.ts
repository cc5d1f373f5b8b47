import { inlineTokensOf, type ExportBlock, type Footnote } from './block-model';
import { blockHtml, escapeHtml, inlineHtml, type ExportContext } from './inline';

/**
 * One block as plain sanitised HTML, the way a CMS or static site expects it: no line
 * attributes, no classes of the preview's own. `figure` writes the destination's figure markup.
 */
export function htmlBlock(block: ExportBlock, context: ExportContext, figure: (block: Extract<ExportBlock, { kind: 'figure' }>) => string): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${inlineHtml(block.inline, context)}</h${block.level}>`;
    case 'paragraph': {
      const html = inlineHtml(block.inline, context).trim();
      return html ? `<p>${html}</p>` : '';
    }
    case 'figure':
      return figure(block);
    case 'code': {
      const lang = block.lang ? ` class="language-${escapeHtml(block.lang)}"` : '';
      return `<pre><code${lang}>${escapeHtml(block.text)}</code></pre>`;
    }
    case 'rule':
      return '<hr>';
    case 'footnotes':
      return footnotesHtml(block.notes, context);
    case 'list':
    case 'quote':
    case 'table':
    case 'html':
    case 'other':
      return blockHtml(block.tokens, context);
  }
}

/** Numbered notes with links back to where each was cited, as the preview shows them. */
export function footnotesHtml(notes: Footnote[], context: ExportContext): string {
  const items = notes.map((note) => {
    const paragraphs = inlineTokensOf(note.tokens).map((inline) => inlineHtml(inline, context).trim());
    return `<li id="fn${note.number}">${paragraphs.join('<br>')} <a href="#fnref${note.number}" class="footnote-backref">↩︎</a></li>`;
  });
  return context.sanitize(`<hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list">${items.join('')}</ol></section>`);
}
