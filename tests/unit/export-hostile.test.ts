import { execFile, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReview } from '../../src/export/export-review';
import type { ExportTarget } from '../../src/export/targets';
import { ALLOWED_TAGS, isSafeImageUrl, isSafeLinkUrl } from '../../src/markdown/sanitize';
import { createNodeSanitizer } from '../../src/node/sanitizer';
import { hostileReview, loadCorpus } from '../helpers/hostile';
import { tempDir } from '../helpers/temp';

const sanitize = createNodeSanitizer();
const attacker = 'http://127.0.0.1:9';
const corpus = loadCorpus(attacker);
// The page's own frame around the review.
const allowed = new Set([...ALLOWED_TAGS.map((t) => t.toLowerCase()), 'article', 'header', 'time']);

/** Everything in exported HTML that could run script, load from elsewhere or navigate. */
function problems(html: string, options: { generatorStyles?: boolean } = {}): string[] {
  const found: string[] = [];
  const doc = new JSDOM(html).window.document;
  for (const el of doc.querySelectorAll('body *')) {
    const tag = el.tagName.toLowerCase();
    if (!allowed.has(tag)) found.push(`<${tag}> is not allowed`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || ['srcdoc', 'formaction', 'usemap'].includes(name)) found.push(`<${tag} ${name}>`);
      // Hugo's syntax highlighter writes inline styles of its own.
      if (name === 'style' && !options.generatorStyles) found.push(`<${tag} style>`);
      if (name === 'href' && !isSafeLinkUrl(attr.value)) found.push(`<${tag} href="${attr.value}">`);
      if (name === 'src' && !isSafeImageUrl(attr.value)) found.push(`<${tag} src="${attr.value}">`);
      if ((name === 'src' || name === 'srcset') && attr.value.includes(attacker)) found.push(`<${tag} ${name}> loads from the attacker`);
    }
  }
  for (const script of doc.querySelectorAll('script')) {
    if (script.getAttribute('type') !== 'application/ld+json') found.push('a script that runs');
  }
  return found;
}

/** The HTML a target's main file holds, as a browser would get it. */
function htmlOf(target: ExportTarget, text: string): string {
  if (target !== 'jekyll') return text;
  // What Jekyll makes of it: front matter gone, the Liquid around stills resolved (to a path on the site).
  return text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\{\{ '\/([^']*)' \| relative_url \}\}/g, '$1');
}

describe.each(['html', 'richtext', 'jekyll', 'wordpress-blocks', 'ghost-html'] as const)('the hostile corpus exported to %s', (target) => {
  it.each(corpus.map((group) => [group.group, group] as const))('%s: nothing executable or loadable survives', (_name, group) => {
    const result = exportReview(target, { source: hostileReview(group), reviewPath: 'h/index.md', sanitize, now: new Date() });
    for (const file of result.files) {
      if (file.path.endsWith('.txt')) continue;
      expect(problems(htmlOf(target, file.content)), file.path).toEqual([]);
    }
    if (target === 'jekyll') expect(result.files[0]!.content.replace(/\{\{ '[^']*' \| relative_url \}\}/g, '')).not.toMatch(/\{\{|\{%/);
    if (target === 'richtext') expect(problems(result.clipboard!.html)).toEqual([]);
  });
});

const hugo = spawnSync('hugo', ['version']);
const hugoMissing = Boolean(hugo.error) || hugo.status !== 0;
if (hugoMissing) console.log('export-hostile: the Hugo build of the corpus is skipped, `hugo` is not installed (apt-get install -y hugo).');

describe.skipIf(hugoMissing)('the hostile corpus as Hugo bundles, built by hugo with raw HTML on', () => {
  let dir: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    dir = await tempDir('intertitle-hugo-hostile-');
    await mkdir(join(dir.dir, 'layouts', '_default'), { recursive: true });
    await writeFile(join(dir.dir, 'hugo.toml'), 'baseURL = "http://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n[markup.goldmark.renderer]\n  unsafe = true\n');
    await writeFile(join(dir.dir, 'layouts', '_default', 'single.html'), '<!DOCTYPE html><html><body><article>{{ .Content }}</article></body></html>\n');
    await writeFile(join(dir.dir, 'layouts', '_default', 'list.html'), '<!DOCTYPE html><html><body></body></html>\n');
    for (const group of corpus) {
      const result = exportReview('hugo', { source: hostileReview(group), reviewPath: `${group.group}/index.md`, sanitize, now: new Date() });
      const file = join(dir.dir, 'content', group.group, 'index.md');
      await mkdir(join(dir.dir, 'content', group.group), { recursive: true });
      await writeFile(file, result.files[0]!.content);
    }
    await promisify(execFile)('hugo', ['--quiet', '--buildDrafts'], { cwd: dir.dir });
  }, 60_000);
  afterAll(() => dir.cleanup());

  it.each(corpus.map((group) => group.group))('%s: the built page runs and loads nothing', async (group) => {
    const page = await readFile(join(dir.dir, 'public', group, 'index.html'), 'utf8');
    expect(problems(page, { generatorStyles: true })).toEqual([]);
  });
});
