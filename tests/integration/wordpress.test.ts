import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publishCommand } from '../../src/node/cli-publish';
import { parseFrontMatter } from '../../src/review/front-matter';
import { publishFixture, type PublishFixture } from '../helpers/publish-fixture';
import { startWordPress, wordpressUnavailable, type WordPressSite } from '../helpers/wordpress/wordpress-server';

// Publishing to a REAL WordPress: Debian's wordpress 6.1 package, served by php -S on 127.0.0.1
// with its own MariaDB (tests/helpers/wordpress). Everything is read back through the REST API.
const unavailable = wordpressUnavailable();
if (unavailable) console.warn(unavailable);

// In CI the packages are installed by .ci/run, which says so with INTERTITLE_REAL_WORDPRESS
// (CI, set by most CI services, counts too): missing there is a failure, not a skip.
const required = process.env['INTERTITLE_REAL_WORDPRESS'] === 'required' || Boolean(process.env['CI']);
// Declared only where it must fail, so a machine with WordPress shows no skipped test for it.
if (unavailable !== null && required) {
  describe('a real WordPress in CI', () => {
    it('is installed', () => {
      expect.fail(unavailable);
    });
  });
}

interface Run {
  code: number;
  out: string;
  err: string;
}

describe.skipIf(unavailable !== null)('publishing to a real WordPress (Debian package, php -S on 127.0.0.1)', () => {
  let wp: WordPressSite;
  let fixture: PublishFixture;

  beforeAll(async () => {
    wp = await startWordPress();
  }, 90_000);
  afterAll(async () => {
    await wp?.stop();
  }, 30_000);
  beforeEach(async () => {
    fixture = await publishFixture();
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  const env = () => ({ INTERTITLE_WP_USER: wp.user, INTERTITLE_WP_APP_PASSWORD: wp.appPassword });

  async function publish(extra: string[] = [], options: { env?: NodeJS.ProcessEnv; fetch?: typeof fetch } = {}): Promise<Run> {
    const run = { out: '', err: '' };
    const code = await publishCommand(
      [fixture.file, '--to', 'wordpress', '--site', wp.url, ...extra],
      { out: (t) => (run.out += t), err: (t) => (run.err += t) },
      { env: options.env ?? env(), fetch: options.fetch, timeoutMs: 30_000, version: 'test' },
    );
    return { code, ...run };
  }

  async function rest(route: string, init: RequestInit = {}): Promise<{ status: number; total: number | null; body: any }> {
    const auth = `Basic ${Buffer.from(`${wp.user}:${wp.appPassword}`).toString('base64')}`;
    const response = await fetch(`${wp.url}/wp-json/${route}`, {
      ...init,
      headers: { authorization: auth, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
      signal: AbortSignal.timeout(15_000),
    });
    const total = response.headers.get('x-wp-total');
    return { status: response.status, total: total === null ? null : Number(total), body: await response.json() };
  }

  async function record(): Promise<Record<string, any>> {
    const data = parseFrontMatter(await readFile(fixture.file, 'utf8')).data as Record<string, any>;
    return data['published']['wordpress'];
  }

  const counts = async () => ({
    posts: (await rest('wp/v2/posts?status=draft,publish,pending,private&per_page=1')).total,
    media: (await rest('wp/v2/media?per_page=1')).total,
  });

  it('makes a draft with every still uploaded (alt text, caption with credit) and the image blocks tied to them', async () => {
    const run = await publish();
    expect(run.err).toContain('Uploading stills/01-workers-march.jpg');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^Made a draft \(id \d+; 2 stills uploaded, 0 reused\): http:\/\/127\.0\.0\.1:\d+\/\?p=\d+/);

    const published = await record();
    expect(published).toMatchObject({ site: wp.url, id: expect.any(Number), url: expect.stringContaining(`?p=`), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(Object.keys(published['media'])).toEqual(['stills/01-workers-march.jpg', 'stills/02-square.png']);
    // Only the record was added: the comment on the title line and every other byte are kept.
    const text = await readFile(fixture.file, 'utf8');
    expect(text).toContain('title: "The party line, in black and white"   # the headline');
    expect(text.endsWith('The end.\n')).toBe(true);

    const post = (await rest(`wp/v2/posts/${published['id']}?context=edit`)).body;
    expect(post.status).toBe('draft');
    expect(post.title.raw).toBe('The party line, in black and white');
    expect(post.excerpt.raw).toBe('Konchalovsky films the Novocherkassk massacre with icy precision.');
    expect(post.modified_gmt).toBe(published['modified_gmt']);
    const tagNames = await Promise.all(post.tags.map(async (id: number) => (await rest(`wp/v2/tags/${id}`)).body.name));
    expect(tagNames.sort()).toEqual(['Soviet history', 'Venice 2020']);

    const blocks = parseBlocks(post.content.raw).filter((b) => b.blockName !== null);
    const images = blocks.filter((b) => b.blockName === 'core/image');
    expect(images).toHaveLength(2);
    const expected = [
      { key: 'stills/01-workers-march.jpg', alt: 'Striking workers march carrying a portrait of "Lenin"', caption: 'The workers march. They have Lenin, <em>Lyudmila</em> has Stalin — Curzon &amp; Co', size: 'large' },
      { key: 'stills/02-square.png', alt: 'Lyudmila alone in the empty square', caption: '', size: 'full' },
    ];
    for (const [i, image] of images.entries()) {
      const want = expected[i]!;
      const mediaId = published['media'][want.key]['id'];
      expect(image.attrs).toEqual({ id: mediaId, sizeSlug: want.size, linkDestination: 'none' });
      expect(image.innerHTML).toContain(`class="wp-image-${mediaId}"`);
      expect(image.innerHTML).toContain(`<figure class="wp-block-image size-${want.size}">`);
      const src = /src="([^"]*)"/.exec(image.innerHTML)![1]!;
      expect(src).toBe(published['media'][want.key]['url']);
      if (want.caption) expect(image.innerHTML).toContain(`<figcaption class="wp-element-caption">${want.caption}</figcaption>`);
      else expect(image.innerHTML).not.toContain('figcaption');

      const media = (await rest(`wp/v2/media/${mediaId}?context=edit`)).body;
      expect(media.alt_text).toBe(want.alt);
      expect(media.caption.raw).toBe(want.caption);
      expect(want.size === 'large' ? media.media_details.sizes.large.source_url : media.source_url).toBe(src);
      // The file the site serves is the still itself.
      const served = Buffer.from(await (await fetch(media.source_url)).arrayBuffer());
      expect(served.equals(await readFile(`${fixture.root}/dear-comrades-2020/${want.key}`))).toBe(true);
    }
    // The rendered post shows the caption under the image.
    expect(post.content.rendered).toContain('<figcaption class="wp-element-caption">The workers march.');
  }, 60_000);

  it('publishing again updates the same post and reuses the uploaded stills; a changed still is uploaded again', async () => {
    expect((await publish()).code).toBe(0);
    const first = await record();
    const before = await counts();

    const text = await readFile(fixture.file, 'utf8');
    await writeFile(fixture.file, text.replace('A second paragraph.', 'A second paragraph, revised.'));
    const again = await publish();
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/^Updated the post \(id \d+; 0 stills uploaded, 2 reused\)/);
    const second = await record();
    expect(second['id']).toBe(first['id']);
    expect(second['media']).toEqual(first['media']);
    expect(await counts()).toEqual(before);
    const post = (await rest(`wp/v2/posts/${first['id']}?context=edit`)).body;
    expect(post.content.raw).toContain('A second paragraph, revised.');
    expect(post.status).toBe('draft');

    await fixture.repaint('02-square.png', { r: 200, g: 10, b: 10 });
    const third = await publish();
    expect(third.out).toMatch(/1 still uploaded, 1 reused/);
    const after = await record();
    expect(after['media']['stills/01-workers-march.jpg']).toEqual(first['media']['stills/01-workers-march.jpg']);
    expect(after['media']['stills/02-square.png']['id']).not.toBe(first['media']['stills/02-square.png']['id']);
    expect(await counts()).toEqual({ posts: before.posts, media: before.media! + 1 });
  }, 90_000);

  it('refuses to overwrite a post edited on the site since, unless --force', async () => {
    expect((await publish()).code).toBe(0);
    const { id } = await record();
    // WordPress keeps modified times to the second: an edit in the same second would look unchanged.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await rest(`wp/v2/posts/${id}`, { method: 'POST', body: JSON.stringify({ title: 'Edited on the site' }) })).status).toBe(200);

    const refused = await publish();
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/was edited on the site since Intertitle last published it .* Run again with --force to publish anyway\./);
    expect((await rest(`wp/v2/posts/${id}?context=edit`)).body.title.raw).toBe('Edited on the site');

    const forced = await publish(['--force']);
    expect(forced.code, forced.err).toBe(0);
    expect((await rest(`wp/v2/posts/${id}?context=edit`)).body.title.raw).toBe('The party line, in black and white');
    expect((await record())['id']).toBe(id);
  }, 60_000);

  it('a failure midway leaves the uploads recorded, and the retry makes no second copy of anything', async () => {
    const before = await counts();
    // The connection drops when the post is sent, after both stills were uploaded.
    const failing: typeof fetch = (input, init) =>
      String(input).includes('/wp/v2/posts') && init?.method === 'POST' ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })) : fetch(input, init);
    const failed = await publish([], { fetch: failing });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('Intertitle could not reach WordPress at 127.0.0.1 (ECONNRESET)');
    expect(failed.err).toContain('2 stills were uploaded before that (stills/01-workers-march.jpg, stills/02-square.png); the review records them');
    const partial = await record();
    expect(partial['id']).toBeUndefined();
    expect(Object.keys(partial['media'])).toHaveLength(2);
    expect(await counts()).toEqual({ posts: before.posts, media: before.media! + 2 });

    const retry = await publish();
    expect(retry.code, retry.err).toBe(0);
    expect(retry.out).toMatch(/Made a draft \(id \d+; 0 stills uploaded, 2 reused\)/);
    expect(await counts()).toEqual({ posts: before.posts! + 1, media: before.media! + 2 });
  }, 60_000);

  it('a draft made when the answer was lost (cut off after WordPress saved it) is updated by the retry, not made twice', async () => {
    const before = await counts();
    // WordPress makes the draft, but its answer never arrives.
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (/\/wp\/v2\/posts(\?|$)/.test(String(input)) && init?.method === 'POST') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return response;
    };
    const failed = await publish([], { fetch: losing });
    expect(failed.code).toBe(1);
    expect((await record())['id']).toBeUndefined();
    expect(await counts()).toEqual({ posts: before.posts! + 1, media: before.media! + 2 });

    const retry = await publish();
    expect(retry.code, retry.err).toBe(0);
    expect(retry.err).toMatch(/warning: The last publish was cut off after WordPress had made the draft \(id \d+\)/);
    expect(retry.out).toMatch(/^Updated the post \(id \d+; 0 stills uploaded, 2 reused\)/);
    expect(await counts()).toEqual({ posts: before.posts! + 1, media: before.media! + 2 });
    const post = (await rest(`wp/v2/posts/${(await record())['id']}?context=edit`)).body;
    expect(post.status).toBe('draft');
    expect(post.slug).toMatch(/^the-party-line-in-black-and-white(-\d+)?$/);
  }, 60_000);

  it('works from the built CLI: `intertitle publish <review.md> --to wordpress --site <url>`', async () => {
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    expect(spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'cli'], { cwd: repo }).status).toBe(0);
    const cli = (args: string[]) =>
      new Promise<Run>((resolve) => {
        const child = spawn(process.execPath, [`${repo}/dist/cli/intertitle.mjs`, 'publish', fixture.file, '--to', 'wordpress', '--site', wp.url, ...args], {
          env: { ...process.env, ...env() },
        });
        const run = { out: '', err: '' };
        child.stdout.on('data', (chunk: Buffer) => (run.out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (run.err += chunk.toString()));
        child.on('close', (code) => resolve({ code: code ?? -1, ...run }));
      });
    const first = await cli([]);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/^\[1\/\d+\] Connecting to WordPress…$/m);
    expect(first.out).toMatch(/^Made a draft \(id (\d+); 2 stills uploaded, 0 reused\): http:\/\/127\.0\.0\.1:\d+\/\?p=\d+\n$/);
    const again = await cli(['--json']);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ target: 'wordpress', id: (await record())['id'], created: false, uploaded: 0, reused: 2 });
    expect(first.out + first.err + again.out + again.err).not.toContain(wp.appPassword);
  }, 60_000);

  it('says clearly when WordPress refuses the application password, and sends nothing else', async () => {
    const run = await publish([], { env: { INTERTITLE_WP_USER: wp.user, INTERTITLE_WP_APP_PASSWORD: 'abcd EFGH ijkl MNOP qrst UVWX' } });
    expect(run.code).toBe(1);
    expect(run.err).toContain('WordPress refused the user name or application password');
    expect(await readFile(fixture.file, 'utf8')).not.toContain('published:');
  }, 30_000);
});
