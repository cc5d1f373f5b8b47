import { execFile, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/node/export-runner';
import { writeExport } from '../../src/node/export-writer';
import { exportFixture, reviewPath, type ExportFixture } from '../helpers/export-fixture';

const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const hugoMissing = hugo.error || hugo.status !== 0;
if (hugoMissing) console.log('export-hugo-build: skipped, `hugo` is not installed (apt-get install -y hugo); .ci/run installs it.');

const slug = 'every-construct-in-one-review';

/** A theme-less Hugo site with the exported bundle in content/reviews/, built by the real `hugo`. */
async function buildSite(fixture: ExportFixture, name: string, unsafe: boolean): Promise<string> {
  const site = join(fixture.out, name);
  await mkdir(join(site, 'layouts', '_default'), { recursive: true });
  await mkdir(join(site, 'content', 'reviews'), { recursive: true });
  await writeFile(
    join(site, 'hugo.toml'),
    `baseURL = "http://example.org/"\ntitle = "Reviews"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n[markup.goldmark.renderer]\n  unsafe = ${unsafe}\n`,
  );
  await writeFile(join(site, 'layouts', '_default', 'baseof.html'), '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n');
  await writeFile(join(site, 'layouts', '_default', 'single.html'), '{{ define "main" }}<article><h1>{{ .Title }}</h1><p class="film">{{ .Params.params.film.title }}</p>{{ .Content }}</article>{{ end }}\n');
  await writeFile(join(site, 'layouts', '_default', 'list.html'), '{{ define "main" }}{{ range .RegularPagesRecursive }}{{ .Title }}{{ end }}{{ end }}\n');
  const result = await runExport({ target: 'hugo', root: fixture.root, reviewPath });
  await writeExport(result, { outDir: join(site, 'content', 'reviews'), root: fixture.root, protect: [fixture.file] });
  await promisify(execFile)('hugo', ['--quiet', '--panicOnWarning'], { cwd: site });
  return site;
}

describe.skipIf(hugoMissing).each([
  ['a default site (raw HTML off)', false],
  ['a site with raw HTML on', true],
])('the Hugo bundle, built by hugo in %s', (name, unsafe) => {
  let fixture: ExportFixture;
  let site: string;
  let page: string;
  beforeAll(async () => {
    fixture = await exportFixture();
    site = await buildSite(fixture, unsafe ? 'unsafe' : 'default', unsafe);
    page = await readFile(join(site, 'public', 'reviews', slug, 'index.html'), 'utf8');
  }, 60_000);
  afterAll(() => (process.env.KEEP_HUGO ? undefined : fixture.cleanup()));

  it.each([
    ['stills/01-rocket.png', "A rocket shaped like a bullet lodged in the Moon&rsquo;s eye|A rocket shaped like a bullet lodged in the Moon's eye", /The Moon takes the rocket in the eye, <em>in colour<\/em><br>\s*Star Film/],
    ['stills/02-moon.jpg', 'The Moon seen from the launch platform at night', /Night over the platform<br>\s*Lobster Films/],
    ['stills/03-telescope.png', 'Astronomers in robes stand around a telescope', null],
    ['stills/04-plain.png', 'A still with no caption and no credit', null],
  ])('shows %s as a figure with its alt text, caption and credit', (src, alt, caption) => {
    const figure = new RegExp(`<figure><img src="${src}"\\s+alt="(?:${alt.replace(/'/g, '(?:\'|&#39;)')})"\\s*/?>([\\s\\S]*?)</figure>`).exec(page);
    expect(figure, `a figure for ${src}`).not.toBeNull();
    if (caption) expect(figure![1]).toMatch(caption);
    else expect(figure![1]).not.toContain('<figcaption>');
  });

  it('copies the stills into the built page, the web derivative in place of the original', async () => {
    const built = join(site, 'public', 'reviews', slug, 'stills');
    const library = join(fixture.root, 'every-construct-1902', 'stills');
    expect(await readFile(join(built, '01-rocket.png'))).toEqual(await readFile(join(library, '01-rocket.png')));
    expect(await readFile(join(built, '02-moon.jpg'))).toEqual(await readFile(join(library, '02-moon.web.jpg')));
  });

  it('renders the rest of the review: headline, film, table, footnote, task list, template text as text', () => {
    expect(page).toContain('<h1>Every construct, in one review</h1>');
    expect(page).toContain('<p class="film">Le Voyage dans la Lune</p>');
    expect(page).toMatch(/<th style="text-align:center">Length<\/th>/);
    expect(page).toMatch(/<div class="footnotes" role="doc-endnotes">[\s\S]*The make-up was a plaster cast\./);
    expect(page).toMatch(/<input checked="" disabled="" type="checkbox"> a task that is done/);
    // Hugo's typographer curls the quotes; the shortcode is shown, not run.
    expect(page).toContain('Template text: {{&lt; figure src=&ldquo;evil.jpg&rdquo; &gt;}} and {{% raw %}}');
  });

  it('runs no script and loads nothing from the review’s hostile HTML', () => {
    expect(page).not.toMatch(/<script|<iframe|<svg/i);
    expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/(?:href|src)\s*=\s*["']?\s*javascript:/i);
  });

  it(unsafe ? 'shows the review’s own harmless HTML' : 'leaves out raw HTML, as Hugo does by default', () => {
    if (unsafe) {
      expect(page).toContain('<abbr title="Georges Méliès">GM</abbr>');
      expect(page).toMatch(/<details>\s*<summary>More<\/summary>/);
      // The script-bearing links are the text the preview shows, not links.
      expect(page).toContain("<p>[A scripted link](javascript:alert('md')) and [a reference][ref].</p>");
    } else {
      expect(page).not.toContain('<details>');
    }
  });
});
