import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { renderReview } from '../../src/markdown/pipeline';
import { ALLOWED_TAGS, isSafeImageUrl, isSafeLinkUrl } from '../../src/markdown/sanitize';
import { createNodeSanitizer } from '../../src/node/sanitizer';

const sanitize = createNodeSanitizer();
const render = (source: string): string => renderReview(source, { sanitize }).html;
const dom = (source: string): DocumentFragment => JSDOM.fragment(render(source));
/** A paragraph on the first line of the file. */
const p = (inner: string): string => `<p data-line="0" data-line-end="1">${inner}</p>`;

// Pieces the property test strings together, with random text between them.
// prettier-ignore
const HOSTILE_PIECES = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<math>',
  '<iframe src=javascript:alert(1)>', '<a href="javascript:alert(1)">', '<a href="jav&#x09;ascript:alert(1)">',
  '<a href=" JaVaScRiPt:x">', '</a>', '<p>', '</p>', '<div style="x" onclick="y">', '</div>', '<style>', '</style>',
  '<noscript>', '</noscript>', '<template>', '<form>', '<input type=text>', '<input type=checkbox onchange=x>', '<!--',
  '-->', '<![CDATA[', ']]>', '"', "'", '>', '<', '`', '&#x6A;avascript:', '[x](javascript:1)', '![a](javascript:1 "t")',
  '![a](x.jpg "<img src=y onerror=z>")', '<details ontoggle=alert(1) open>', '<object data=x>', '<embed src=x>',
  '<base href=javascript:/>', '<meta http-equiv=refresh content="0;javascript:1">', '<textarea>', '<select><option>',
  '<table><td>', '\n\n', '\n', '    ', '- ', '# ', '> ', '```\n', '| a |\n|---|\n', '[^1]', '[^1]: x\n',
  'https://x.org', '<https://x.org>', 'text',
];

describe('markdown', () => {
  test.each([
    ['a heading', '## Act two', '<h2 data-line="0" data-line-end="1">Act two</h2>'],
    ['emphasis', 'An *icy* and **precise** film', p('An <em>icy</em> and <strong>precise</strong> film')],
    ['strikethrough', 'It is ~~bad~~ good', p('It is <s>bad</s> good')],
    [
      'an autolink',
      'See https://example.org/a now',
      p('See <a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a> now'),
    ],
    [
      'a link with a title',
      '[Curzon](https://curzon.com "distributor")',
      p('<a href="https://curzon.com" title="distributor" rel="noopener noreferrer">Curzon</a>'),
    ],
    [
      'a fenced block with an info string',
      '```js title="x"\nlet a = 1;\n```',
      '<pre data-line="0" data-line-end="3"><code class="language-js">let a = 1;\n</code></pre>',
    ],
    ['an indented code block', '    code', '<pre data-line="0" data-line-end="1"><code>code\n</code></pre>'],
    ['a rule', 'a\n\n***', '<p data-line="0" data-line-end="1">a</p>\n<hr data-line="2" data-line-end="3">'],
  ])('%s', (_name, source, html) => {
    expect(render(source).trim()).toBe(html);
  });

  test('a GFM table, aligned with `align` (style attributes are stripped)', () => {
    expect(render('| Film | Year |\n|:--|--:|\n| Nosferatu | 1922 |\n')).toBe(
      [
        '<table data-line="0" data-line-end="3">',
        '<thead>',
        '<tr>',
        '<th align="left">Film</th>',
        '<th align="right">Year</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td align="left">Nosferatu</td>',
        '<td align="right">1922</td>',
        '</tr>',
        '</tbody>',
        '</table>',
        '',
      ].join('\n'),
    );
  });

  test('a task list has disabled checkboxes', () => {
    expect(render('- [ ] watch\n- [x] write\n')).toBe(
      [
        '<ul class="contains-task-list" data-line="0" data-line-end="2">',
        '<li class="task-list-item"><input class="task-list-item-checkbox" disabled="" type="checkbox"> watch</li>',
        '<li class="task-list-item"><input class="task-list-item-checkbox" checked="" disabled="" type="checkbox"> write</li>',
        '</ul>',
        '',
      ].join('\n'),
    );
  });

  test('footnotes link both ways', () => {
    const html = render('A claim.[^1]\n\n[^1]: The source.\n');
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>');
    expect(html).toContain('<section class="footnotes">');
    expect(html).toContain('<li id="fn1" class="footnote-item"><p>The source. <a href="#fnref1" class="footnote-backref">');
  });
});

describe('figures', () => {
  const frontMatter = '---\nstills:\n  stills/01-march.jpg: {credit: Curzon}\n  stills/02 a.jpg: {credit: "Janus <Films> & Co"}\n---\n';

  test.each([
    [
      'alt, caption and credit',
      `${frontMatter}\n![Workers march](stills/01-march.jpg "The workers *march*")\n`,
      '<figure data-line="6" data-line-end="7"><img src="stills/01-march.jpg" alt="Workers march" loading="lazy" decoding="async">' +
        '<figcaption><span class="caption">The workers <em>march</em></span><span class="credit">Curzon</span></figcaption></figure>',
    ],
    [
      'a caption only',
      '![A still](stills/03.jpg "Lyudmila waits")',
      '<figure data-line="0" data-line-end="1"><img src="stills/03.jpg" alt="A still" loading="lazy" decoding="async">' +
        '<figcaption><span class="caption">Lyudmila waits</span></figcaption></figure>',
    ],
    [
      'a credit only, escaped, found under the path as written',
      `${frontMatter}\n![](<stills/02 a.jpg>)\n`,
      '<figure data-line="6" data-line-end="7"><img src="stills/02%20a.jpg" alt="" loading="lazy" decoding="async">' +
        '<figcaption><span class="credit">Janus &lt;Films&gt; &amp; Co</span></figcaption></figure>',
    ],
    [
      'neither: no figcaption, and the alt is always there',
      '![](stills/04.jpg)',
      '<figure data-line="0" data-line-end="1"><img src="stills/04.jpg" alt="" loading="lazy" decoding="async"></figure>',
    ],
    [
      'a still in a tight list item',
      '- ![A](a.jpg)',
      '<ul data-line="0" data-line-end="1">\n<li>\n<figure><img src="a.jpg" alt="A" loading="lazy" decoding="async"></figure>\n</li>\n</ul>',
    ],
  ])('a lone image is a figure: %s', (_name, source, html) => {
    expect(render(source).trim()).toBe(html);
  });

  test.each([
    ['inside text', 'Look: ![a](a.jpg "t") here', p('Look: <img src="a.jpg" alt="a" title="t"> here')],
    ['two in a paragraph', '![a](a.jpg) ![b](b.jpg)', p('<img src="a.jpg" alt="a"> <img src="b.jpg" alt="b">')],
    [
      'inside a link (a link around a still would not survive export)',
      '[![a](a.jpg)](https://example.org)',
      p('<a href="https://example.org" rel="noopener noreferrer"><img src="a.jpg" alt="a"></a>'),
    ],
  ])('an image %s stays an inline image', (_name, source, html) => {
    expect(render(source).trim()).toBe(html);
  });

  test('a hostile caption is sanitised, a hostile credit is text', () => {
    const fragment = dom(
      '---\nstills:\n  a.jpg: {credit: "<img src=x onerror=alert(1)>"}\n---\n' +
        '![a](a.jpg "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))")\n',
    );
    expect(fragment.querySelector('script')).toBeNull();
    expect(fragment.querySelectorAll('img')).toHaveLength(2);
    expect(fragment.querySelector('.caption img')?.getAttributeNames()).toEqual(['src']);
    expect(fragment.querySelector('.caption a')).toBeNull();
    expect(fragment.querySelector('.credit')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('front matter and source lines', () => {
  test('the front matter is never shown, and lines count from the top of the file', () => {
    const source = '---\ntitle: Secret headline\n---\n# Review\n\nFirst paragraph\nstill first.\n\n> quoted\n> - nested\n';
    expect(render(source)).toBe(
      [
        '<h1 data-line="3" data-line-end="4">Review</h1>',
        '<p data-line="5" data-line-end="7">First paragraph\nstill first.</p>',
        '<blockquote data-line="8" data-line-end="10">',
        '<p>quoted</p>',
        '<ul>',
        '<li>nested</li>',
        '</ul>',
        '</blockquote>',
        '',
      ].join('\n'),
    );
  });

  test('CRLF and a BOM keep the same line numbers', () => {
    const html = render('\uFEFF---\r\na: 1\r\nb: 2\r\n---\r\n\r\nText\r\n');
    expect(html).toBe('<p data-line="5" data-line-end="6">Text</p>\n');
  });

  test('a front matter that does not parse still hides and the body still renders', () => {
    const result = renderReview('---\ntitle: [\n---\nBody\n', { sanitize });
    expect(result.html).toBe('<p data-line="3" data-line-end="4">Body</p>\n');
    expect(result.frontMatter.error?.line).toBe(2);
    expect(result.meta.title).toBeNull();
  });

  test('`---js` front matter is not run: it is shown as text', () => {
    expect(dom('---js\nthrow new Error("ran")\n---\nBody').textContent).toContain('throw new Error("ran")');
  });

  test('meta comes with the render', () => {
    expect(renderReview('---\ntitle: T\nfilm: {title: F, year: 1922}\n---\n', { sanitize }).meta).toMatchObject({
      title: 'T',
      film: { title: 'F', year: 1922 },
    });
  });
});

describe('sanitising', () => {
  // Inline raw HTML (anything CommonMark does not treat as an HTML block) sits in a paragraph.
  const EMPTY_P = p('');

  test.each([
    ['a script', '<script>alert(1)</script>\n\nText', '<p data-line="2" data-line-end="3">Text</p>'],
    ['an event handler', '<img src="a.jpg" onerror="alert(1)">', '<img src="a.jpg">'],
    ['a markdown javascript: link (not even a link)', '[x](javascript:alert(1))', p('[x](javascript:alert(1))')],
    ['a raw javascript: link', '<a href="javascript:alert(1)">x</a>', p('<a>x</a>')],
    ['mixed case', '<a href="JaVaScRiPt:alert(1)">x</a>', p('<a>x</a>')],
    ['an encoded tab', '<a href="jav&#x09;ascript:alert(1)">x</a>', p('<a>x</a>')],
    ['a leading space and entity', '<a href=" &#106;avascript:alert(1)">x</a>', p('<a>x</a>')],
    ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>', p('<a>x</a>')],
    ['a data: page', '<a href="data:text/html,<script>alert(1)</script>">x</a>', p('<a>x</a>')],
    ['a file: link', '<a href="file:///etc/passwd">x</a>', p('<a>x</a>')],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', ''],
    ['svg', '<svg><script>alert(1)</script><a href="javascript:alert(2)">x</a></svg>', EMPTY_P],
    ['math', '<math><mi>x</mi></math>', EMPTY_P],
    ['a style attribute', '<p style="color:red">x</p>', '<p>x</p>'],
    ['a style element', '<style>body{display:none}</style>', ''],
    ['a form', '<form action="https://evil.example"><input type="text" name="q"><button>Go</button></form>', 'Go'],
    [
      'a raw checkbox (forced disabled)',
      '<input type="checkbox" onclick="alert(1)">',
      '<input type="checkbox" disabled="">',
    ],
    ['object and embed', '<object data="x.swf"></object><embed src="x.swf">', EMPTY_P],
    [
      'meta refresh and base',
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">',
      EMPTY_P,
    ],
    ['an svg image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<img>'],
    ['a file: image', '<img src="file:///etc/passwd">', '<img>'],
    ['an http image (https only)', '<img src="http://tracker.example/p.gif">', '<img>'],
    ['an absolute-path image', '<img src="/etc/passwd">', '<img>'],
    ['a protocol-relative image', '<img src="//tracker.example/p.gif">', '<img>'],
    ['srcset', '<img src="a.jpg" srcset="javascript:alert(1) 1x">', '<img src="a.jpg">'],
    [
      'a target attribute',
      '<a href="https://example.org" target="_blank">x</a>',
      p('<a href="https://example.org" rel="noopener noreferrer">x</a>'),
    ],
    [
      'details',
      '<details open><summary>Spoilers</summary>She lives.</details>',
      '<details open=""><summary>Spoilers</summary>She lives.</details>',
    ],
    ['mutation XSS via noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', `${EMPTY_P}<p></p>`],
  ])('%s', (_name, source, html) => {
    expect(render(source).trim()).toBe(html);
  });

  test.each([
    ['https://example.org', true],
    ['http://example.org', true],
    ['mailto:critic@example.org', true],
    ['../other-review/index.md', true],
    ['#fn1', true],
    ['?q=1', true],
    ['/reviews/x/', true],
    ['javascript:alert(1)', false],
    [' \tjava\nscript:alert(1)', false],
    ['\u0000javascript:alert(1)', false],
    ['tel:123', false],
    ['//evil.example', false],
    ['/\\evil.example', false],
  ])('link %j is allowed: %s', (url, allowed) => {
    expect(isSafeLinkUrl(url)).toBe(allowed);
  });

  test.each([
    ['stills/01.jpg', true],
    ['stills/01%20a.jpg', true],
    ['https://example.org/a.jpg', true],
    ['data:image/png;base64,iVBOR', true],
    ['DATA:image/webp;base64,UklG', true],
    ['data:image/svg+xml;base64,PHN2Zz4=', false],
    ['data:text/html,<script>', false],
    ['http://example.org/a.jpg', false],
    ['file:///etc/passwd', false],
    ['/etc/passwd', false],
    ['\\\\server\\share\\a.jpg', false],
    ['javascript:alert(1)', false],
  ])('image %j is allowed: %s', (url, allowed) => {
    expect(isSafeImageUrl(url)).toBe(allowed);
  });

  test('random HTML-ish input never yields a tag outside the allow-list, a handler or a javascript: URL', () => {
    const allowed = new Set(ALLOWED_TAGS);
    const piece = fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const fragment = JSDOM.fragment(render(pieces.join('')));
        for (const element of fragment.querySelectorAll('*')) {
          expect(allowed.has(element.localName), element.outerHTML).toBe(true);
          for (const name of element.getAttributeNames()) {
            expect(name.startsWith('on'), element.outerHTML).toBe(false);
            const value = (element.getAttribute(name) ?? '').replace(/[\u0000-\u0020]/g, '').toLowerCase();
            expect(value.includes('javascript:'), element.outerHTML).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
