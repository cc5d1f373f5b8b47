// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/markdown/markdown';
import { renderReview } from '../../src/markdown/pipeline';
import { ALLOWED_TAGS, isSafeLinkUrl } from '../../src/markdown/sanitize';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { loadCorpus } from '../helpers/hostile';

const body = (html: string) => html.replace(/ data-line="\d+" data-line-end="\d+"/g, '').trim();

describe('spoiler markers ||…||', () => {
  it.each([
    ['a phrase', 'The end: ||Svetka lives||.', '<p>The end: <span class="spoiler" title="Spoiler">Svetka lives</span>.</p>'],
    ['with emphasis inside and around', '*||Svetka *lives*||*', '<p><em><span class="spoiler" title="Spoiler">Svetka <em>lives</em></span></em></p>'],
    ['a whole paragraph over two lines', '||She lives.\nHe does not.||', '<p><span class="spoiler" title="Spoiler">She lives.\nHe does not.</span></p>'],
    ['not with spaces inside the pipes', 'a || b || c', '<p>a || b || c</p>'],
    ['not across paragraphs', '||one\n\ntwo||', '<p>||one</p>\n<p>two||</p>'],
    ['not in code', '`||x||`', '<p><code>||x||</code></p>'],
    ['escaped pipes stay pipes', '\\|\\|x\\|\\|', '<p>||x||</p>'],
    ['a single pipe is text', 'this | that', '<p>this | that</p>'],
  ])('%s', (_case, source, html) => {
    expect(body(markdown.render(source))).toBe(html);
  });

  it('leave GFM tables alone: pipes there divide cells, as they always did', () => {
    const table = '| a | b |\n|---|---|\n| x | y |';
    expect(body(markdown.render(table))).toContain('<td>x</td>\n<td>y</td>');
    expect(markdown.render('| a | b |\n|---|---|\n| ||x|| | y |')).not.toContain('spoiler');
  });

  it('pass the sanitiser as they are, so the preview and `intertitle render` show the same span', () => {
    const { html } = renderReview('---\nspoilers: true\n---\n\nThe end: ||Svetka lives||.\n', { sanitize: createNodeSanitizer() });
    expect(body(html)).toBe('<p>The end: <span class="spoiler" title="Spoiler">Svetka lives</span>.</p>');
  });

  it.each(loadCorpus().map((group) => [group.group, group.payloads] as const))('keep hostile text inert inside the markers: %s', (_group, payloads) => {
    const sanitize = createNodeSanitizer();
    const allowed = new Set(ALLOWED_TAGS.map((t) => t.toLowerCase()));
    for (const payload of payloads) {
      for (const source of [`||${payload}||`, `The end: ||x ${payload} y|| and after.`, `||<span class="spoiler" onmouseover="alert(1)">${payload}</span>||`]) {
        const { html } = renderReview(source, { sanitize });
        const doc = new JSDOM(`<body>${html}</body>`).window.document;
        for (const el of doc.body.querySelectorAll('*')) {
          expect(allowed.has(el.tagName.toLowerCase()), `<${el.tagName}> from ${JSON.stringify(source)}`).toBe(true);
          for (const attr of el.attributes) {
            expect(attr.name.startsWith('on') || attr.name === 'style', `${attr.name} from ${JSON.stringify(source)}`).toBe(false);
            if (attr.name === 'href') expect(isSafeLinkUrl(attr.value)).toBe(true);
          }
        }
      }
    }
  });
});
