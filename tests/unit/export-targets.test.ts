import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReview } from '../../src/export/export-review';
import { slugOf } from '../../src/export/review-model';
import { exportTargets, type ExportTarget } from '../../src/export/targets';
import type { ExportResult } from '../../src/export/types';
import { parseFrontMatter } from '../../src/review/front-matter';
import { reviewMeta } from '../../src/review/review-meta';
import { runExport } from '../../src/node/export-runner';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { exportFixture, reviewPath, type ExportFixture } from '../helpers/export-fixture';

let fixture: ExportFixture;
const results = new Map<ExportTarget, ExportResult>();

beforeAll(async () => {
  fixture = await exportFixture();
  for (const target of exportTargets) results.set(target, await runExport({ target, root: fixture.root, reviewPath, now: new Date('2025-01-02T12:00:00Z') }));
});
afterAll(() => fixture.cleanup());

const slug = 'every-construct-in-one-review';
const alts = [
  "A rocket shaped like a bullet lodged in the Moon's eye",
  'Astronomers in robes stand around a telescope',
  'The Moon seen from the launch platform at night',
  'A still with no caption and no credit',
];

/** Everything one target must write, and what its text must and must not hold. */
const cases: Array<{ target: ExportTarget; main: string; stillsDir: string; has: Array<string | RegExp>; hasNot?: Array<string | RegExp> }> = [
  {
    target: 'html',
    main: `${slug}/index.html`,
    stillsDir: `${slug}/stills`,
    has: [
      '<h1>Every construct, in one review</h1>',
      '<p class="film"><cite>Le Voyage dans la Lune</cite> (1902), directed by Georges Méliès</p>',
      '<time datetime="2021-03-05">5 March 2021</time>',
      'aria-label="Rated 4.5 out of 5">★★★★½</span>',
      /<script type="application\/ld\+json">[\s\S]*"@type": "Review"[\s\S]*"@type": "Movie"[\s\S]*<\/script>/,
      '<figure><img src="stills/01-rocket.png"',
      '<span class="caption">The Moon takes the rocket in the eye, <em>in colour</em></span><span class="credit">Star Film</span>',
      'src="stills/02-moon.jpg"',
      '<th align="center">Length</th>',
      '<section class="footnotes">',
      '@media print',
      '<meta http-equiv="Content-Security-Policy"',
    ],
    hasNot: ['data-line', 'stills/02-moon.web.jpg'],
  },
  {
    target: 'richtext',
    main: `${slug}.rich.html`,
    stillsDir: `${slug}/stills`,
    has: [
      `<p><img src="${slug}/stills/01-rocket.png"`,
      '<p><em>The Moon takes the rocket in the eye, <em>in colour</em> — Star Film</em></p>',
      '<p><em>Night over the platform — Lobster Films</em></p>',
      '<h2>The voyage</h2>',
      '<h3>Numbers</h3>',
      '<p><strong>Reel | Length | Tint</strong></p>',
      '<ol start="3"><li>They fire.</li><li>They land.</li></ol>',
      '<p>[1] The make-up was a plaster cast.',
    ],
    hasNot: ['<figcaption', '<table', /\sclass="/, '<sup'],
  },
  {
    target: 'hugo',
    main: `${slug}/index.md`,
    stillsDir: `${slug}/stills`,
    has: [
      /^---\n# Exported by Intertitle\ntitle: Every construct, in one review\ndate: "2021-03-05"\ndraft: false\n/,
      '{{< figure src="stills/01-rocket.png" alt="A rocket shaped like a bullet lodged in the Moon\'s eye" caption="The Moon takes the rocket in the eye, *in colour*" attr=`\\\nStar Film` >}}',
      '- {{< figure src="stills/03-telescope.png" alt="Astronomers in robes stand around a telescope" >}}',
      '{{< figure src="stills/04-plain.png" alt="A still with no caption and no credit" >}}',
      /params:\n {2}film:\n {4}title: Le Voyage dans la Lune/,
      '  rating: 4.5',
      '| Reel | Length | Tint |',
      '[^wince]: The make-up was a plaster cast.',
      'Template text: {{</* figure src="evil.jpg" */>}} and {{%/* raw */%}}',
      'A line with an <abbr title="Georges Méliès">GM</abbr> abbreviation.',
      '- [x] a task that is done',
    ],
    hasNot: ['<script', 'alert(\'block\')', 'onerror'],
  },
  {
    target: 'jekyll',
    main: `_posts/2021-03-05-${slug}.md`,
    stillsDir: `assets/${slug}`,
    has: [
      /^---\n# Exported by Intertitle\nlayout: post\ntitle: Every construct, in one review\ndate: "2021-03-05"\n/,
      `image: /assets/${slug}/01-rocket.png`,
      `<figure><img src="{{ '/assets/${slug}/01-rocket.png' | relative_url }}"`,
      '<figcaption>The Moon takes the rocket in the eye, <em>in colour</em> — <span class="credit">Star Film</span></figcaption>',
      'Template text: &#123;&#123;&lt; figure src=&quot;evil.jpg&quot; &gt;}} and &#123;&#123;% raw %}} and &#123;&#123; site.title }} and &#123;% include x.html %}.',
      '&#123;: onclick=',
    ],
    hasNot: [/\{\{(?! '\/assets\/)/, '{%'],
  },
  {
    target: 'wordpress-blocks',
    main: `${slug}.html`,
    stillsDir: `${slug}/stills`,
    has: [
      `<!-- wp:image -->\n<figure class="wp-block-image"><img src="${slug}/stills/01-rocket.png" alt="A rocket shaped like a bullet lodged in the Moon's eye"/><figcaption class="wp-element-caption">The Moon takes the rocket in the eye, <em>in colour</em> — Star Film</figcaption></figure>\n<!-- /wp:image -->`,
      `<!-- wp:image -->\n<figure class="wp-block-image"><img src="${slug}/stills/04-plain.png" alt="A still with no caption and no credit"/></figure>\n<!-- /wp:image -->`,
      '<!-- wp:heading -->\n<h2>The voyage</h2>\n<!-- /wp:heading -->',
      '<!-- wp:heading {"level":3} -->\n<h3>Numbers</h3>\n<!-- /wp:heading -->',
      '<!-- wp:list {"ordered":true,"start":3} -->\n<ol start="3">',
      '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>The Moon is a face, and the face is a stage.</p><p>— a programme note</p></blockquote>\n<!-- /wp:quote -->',
      '<th class="has-text-align-center" data-align="center">Length</th>',
      '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->',
      '<!-- wp:list {"ordered":true,"className":"footnotes"} -->',
      '<li id="fn1">The make-up was a plaster cast.',
    ],
  },
  {
    target: 'ghost-html',
    main: `${slug}.ghost.html`,
    stillsDir: `${slug}/stills`,
    has: [
      `<figure><img src="${slug}/stills/01-rocket.png" alt="A rocket shaped like a bullet lodged in the Moon's eye" width="64" height="48"><figcaption>The Moon takes the rocket in the eye, <em>in colour</em> — Star Film</figcaption></figure>`,
      // The web derivative is what is copied, so its size is what Ghost is told.
      `<img src="${slug}/stills/02-moon.jpg" alt="The Moon seen from the launch platform at night" width="40" height="22">`,
      /<!--kg-card-begin: html-->\n<table>[\s\S]*<\/table>\n<!--kg-card-end: html-->/,
      /<!--kg-card-begin: html-->\n<hr class="footnotes-sep"><section class="footnotes">/,
      '<h2>The voyage</h2>',
    ],
  },
];

/** Text that would run as script or load something in a reader's browser. */
const hostile: Array<[string, RegExp]> = [
  ['a script element', /<script(?![^>]*application\/ld\+json)/i],
  ['an event handler attribute', /<[a-z][^>]*\son[a-z]+\s*=/i],
  ['a javascript: or data:text URL in an attribute', /(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data:text)/i],
  ['an iframe', /<iframe/i],
  ['svg', /<svg/i],
];

describe.each(cases)('export to $target', ({ target, main, stillsDir, has, hasNot = [] }) => {
  const result = () => results.get(target)!;
  const allText = () => result().files.map((f) => f.content).join('\n');

  it(`writes ${main} as its main file, named from the headline`, () => {
    expect(result().slug).toBe(slug);
    expect(result().main).toBe(main);
    expect(result().files.map((f) => f.path)).toContain(main);
  });

  it('holds every construct as the destination expects it', () => {
    const text = result().files.find((f) => f.path === main)!.content;
    for (const expected of has) {
      if (typeof expected === 'string') expect(text).toContain(expected);
      else expect(text).toMatch(expected);
    }
    for (const unexpected of hasNot) {
      if (typeof unexpected === 'string') expect(text).not.toContain(unexpected);
      else expect(text).not.toMatch(unexpected);
    }
  });

  it('keeps every still with its alt text', () => {
    for (const alt of alts) expect(allText()).toContain(alt);
  });

  it(`copies every still into ${stillsDir}, the web derivative in place of the original`, () => {
    const copies = Object.fromEntries(result().assets.map((a) => [a.from, a.to]));
    expect(copies).toEqual({
      'every-construct-1902/stills/01-rocket.png': `${stillsDir}/01-rocket.png`,
      'every-construct-1902/stills/02-moon.web.jpg': `${stillsDir}/02-moon.jpg`,
      'every-construct-1902/stills/03-telescope.png': `${stillsDir}/03-telescope.png`,
      'every-construct-1902/stills/04-plain.png': `${stillsDir}/04-plain.png`,
    });
    expect(result().warnings).toEqual([]);
  });

  it.each(hostile)('lets no %s through', (_what, pattern) => {
    expect(allText()).not.toMatch(pattern);
  });
});

describe('stills inside the file', () => {
  it.each([
    ['html', `${slug}.html`],
    ['richtext', `${slug}.rich.html`],
  ] as const)('%s with inline embeds every still as a data URI and copies nothing', async (target, main) => {
    const result = await runExport({ target, root: fixture.root, reviewPath, inline: true });
    expect(result.main).toBe(main);
    expect(result.assets).toEqual([]);
    const text = result.files.find((f) => f.path === main)!.content;
    expect(text.match(/src="data:image\/png;base64,/g)?.length).toBe(target === 'html' ? 3 : 3);
    expect(text).toMatch(/src="data:image\/jpeg;base64,/);
    expect(text).not.toContain('stills/');
  });

  it('a target that cannot embed says so and copies its stills', async () => {
    const result = await runExport({ target: 'hugo', root: fixture.root, reviewPath, inline: true });
    expect(result.assets).toHaveLength(4);
    expect(result.warnings).toEqual(['hugo cannot hold its stills inside the file, so they are copied beside it.']);
  });
});

describe('what the export is named', () => {
  const slugFor = (frontMatter: string, path = 'a/index.md') => {
    const { data } = parseFrontMatter(`---\n${frontMatter}\n---\n`);
    return slugOf(data ?? {}, reviewMeta(data), path);
  };
  it.each([
    ['the front matter slug', 'slug: "My Own Slug!"\ntitle: "Ignored"', 'a/index.md', 'my-own-slug'],
    ['the headline', 'title: "The party line, in black and white"\nfilm: {title: "Dear Comrades!", year: 2020}', 'a/index.md', 'the-party-line-in-black-and-white'],
    ['film title and year without a headline', 'title: ""\nfilm: {title: "Дорогие товарищи!", year: 2020}', 'a/index.md', 'dorogie-tovarischi-2020'],
    ['the bundle folder without either', 'status: draft', 'nosferatu-1922/index.md', 'nosferatu-1922'],
    ['a loose file name', 'status: draft', 'notes/Late Show.md', 'late-show'],
    ['a portable name even for a reserved one', 'slug: "con"', 'a/index.md', 'con-review'],
  ])('comes from %s', (_what, frontMatter, path, expected) => {
    expect(slugFor(frontMatter, path)).toBe(expected);
  });
});

describe('a review whose stills are missing or whose front matter is broken', () => {
  it('still exports, and says what it could not do', () => {
    const result = exportReview('hugo', {
      source: '---\ntitle: [unclosed\n---\n\n![A](stills/gone.jpg "Gone")\n\nText.\n',
      reviewPath: 'x/index.md',
      sanitize: createNodeSanitizer(),
      now: new Date('2025-01-02T12:00:00Z'),
      stills: { 'x/stills/gone.jpg': { exists: false } },
    });
    expect(result.files[0]!.content).toContain('{{< figure src="stills/gone.jpg" alt="A" caption="Gone" >}}');
    expect(result.assets).toEqual([]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^The front matter does not parse \(line 2: .*\); the export has the text but none of the review's facts\.$/),
      'x/stills/gone.jpg was not found, so the export refers to a still it does not have.',
    ]);
  });

  it('copies only image files, never another file a src names', () => {
    const result = exportReview('html', {
      source: '<img src="../secrets.txt"> <img src="index.md"> ![x](../../outside.png)\n',
      reviewPath: 'x/index.md',
      sanitize: createNodeSanitizer(),
      now: new Date(),
    });
    expect(result.assets).toEqual([]);
  });
});

describe('spoilers in the standalone page', () => {
  it('are hidden behind a bar until hovered, and printed plainly', () => {
    const result = exportReview('html', {
      source: '---\ntitle: Twist\nspoilers: true\n---\n\nIn the end ||the lodger is innocent||.\n',
      reviewPath: 'x/index.md',
      sanitize: createNodeSanitizer(),
      now: new Date('2025-01-02T12:00:00Z'),
    });
    const page = String(result.files.find((f) => f.path === result.main)!.content);
    expect(page).toContain('<span class="spoiler" title="Spoiler">the lodger is innocent</span>');
    expect(page).toMatch(/\.spoiler \{[^}]*color: transparent/);
    expect(page).toMatch(/@media print \{[\s\S]*\.spoiler, [^{]*\{[^}]*color: inherit/);
  });
});
