import MarkdownIt, { type MarkdownIt as Md } from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import taskLists from 'markdown-it-task-lists';
import { figures } from './figures';
import { sourceLines } from './source-lines';
import { spoilers } from './spoilers';

/**
 * The one markdown-it instance: CommonMark + GFM tables, strikethrough, autolinks and task lists,
 * footnotes and figures (DESIGN §5). Built once, because rendering runs on every keystroke. Raw
 * HTML is on: a critic may use it, and everything rendered goes through the sanitiser.
 */
export const markdown = createMarkdown();

/** A fresh instance with the same rules (the writing checks build one that keeps text verbatim). */
export function createMarkdown(): Md {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(footnotes);
  md.use(taskLists, { enabled: false });
  md.use(figures);
  md.use(spoilers);
  md.use(tableAlignment);
  md.use(sourceLines);
  return md;
}

/** markdown-it aligns table cells with `style`, which the sanitiser strips; use `align` instead. */
function tableAlignment(md: Md): void {
  md.core.ruler.push('table_alignment', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue;
      const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''))?.[1];
      if (!align) continue;
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      token.attrPush(['align', align]);
    }
  });
}
