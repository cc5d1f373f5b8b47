// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderReview } from '../../src/markdown/pipeline';
import { ALLOWED_TAGS, isSafeImageUrl, isSafeLinkUrl } from '../../src/markdown/sanitize';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { hostileReview, loadCorpus } from '../helpers/hostile';

const sanitize = createNodeSanitizer();
const allowed = new Set(ALLOWED_TAGS.map((t: string) => t.toLowerCase()));
const attacker = 'http://127.0.0.1:9';

/** Everything in rendered HTML that could run script, load from elsewhere or navigate. */
function problems(html: string): string[] {
  const found: string[] = [];
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  for (const el of doc.body.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!allowed.has(tag)) found.push(`<${tag}> is not allowed`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      if (name === 'style' || name === 'srcdoc' || name === 'formaction' || name === 'usemap') found.push(`<${tag} ${name}>`);
      if (name === 'href' && !isSafeLinkUrl(attr.value)) found.push(`<${tag} href="${attr.value}">`);
      if (name === 'src' && !isSafeImageUrl(attr.value)) found.push(`<${tag} src="${attr.value}">`);
      if ((name === 'src' || name === 'srcset') && attr.value.includes(attacker)) found.push(`<${tag} ${name}> loads from the attacker`);
    }
  }
  return found;
}

describe('the hostile corpus through the render pipeline', () => {
  for (const group of loadCorpus(attacker)) {
    it(`${group.group}: in the body, alt text and captions, nothing executable or loadable survives`, () => {
      const source = hostileReview(group);
      const started = performance.now();
      const { html } = renderReview(source, { sanitize });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(problems(html)).toEqual([]);
      // The pipeline never changes the text it is given.
      expect(source).toBe(hostileReview(group));
    });

    it.each(group.payloads.map((payload, i) => [i + 1, payload] as const))(`${group.group} payload %i alone`, (_i, payload) => {
      expect(problems(renderReview(payload, { sanitize }).html)).toEqual([]);
    });
  }
});

describe('the checker itself', () => {
  it.each([
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe srcdoc="x"></iframe>',
    `<img src="${attacker}/p.png">`,
    '<div style="color:red">x</div>',
  ])('flags unsanitised %s', (html) => {
    expect(problems(html)).not.toEqual([]);
  });
});
