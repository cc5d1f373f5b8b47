import { writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../src/contract';
import { createSessionSecrets, type SecretStore } from '../../src/node/lookup-secrets';
import { ConnectionStore } from '../../src/node/publish-connections';
import { preparePost, uploadFileName } from '../../src/node/publish-input';
import { writePublishedRecord } from '../../src/node/publish-record';
import { runExport } from '../../src/node/export-runner';
import { wordpressStillText, wordpressWithMedia } from '../../src/publish/images';
import { publishedRecordOf } from '../../src/publish/record';
import { readableTime } from '../../src/publish/time-text';
import { apiRootFromHtml, apiRootFromLink } from '../../src/publish/wordpress-api';
import { parseFrontMatter } from '../../src/review/front-matter';
import { exportFixture, reviewPath, type ExportFixture } from '../helpers/export-fixture';
import { publishFixture, publishReviewPath, type PublishFixture } from '../helpers/publish-fixture';
import { tempDir } from '../helpers/temp';

describe('image blocks tied to the media library', () => {
  let fixture: ExportFixture;
  beforeEach(async () => {
    fixture = await exportFixture();
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  it('every image block of an uploaded still gets its id, size, URL and wp-image class; WordPress’s parser reads them all', async () => {
    const exported = await runExport({ target: 'wordpress-blocks', root: fixture.root, reviewPath, now: new Date('2024-01-01') });
    const markup = exported.files[0]!.content;
    const media = new Map(exported.assets.map((asset, i) => [asset.href.split('/').map(encodeURIComponent).join('/'), { id: 100 + i, url: `https://blog.example/${i}.jpg`, sizeSlug: i === 0 ? 'large' : 'full' }]));
    const tied = wordpressWithMedia(markup, media);
    const blocks = parseBlocks(tied);
    expect(blocks.filter((b) => b.blockName === null && b.innerHTML.trim() !== '')).toEqual([]);
    const images = blocks.filter((b) => b.blockName === 'core/image');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const id = (image.attrs as { id: number }).id;
      expect(image.attrs).toEqual({ id, sizeSlug: id === 100 ? 'large' : 'full', linkDestination: 'none' });
      expect(image.innerHTML).toContain(`<figure class="wp-block-image size-${id === 100 ? 'large' : 'full'}"><img src="https://blog.example/${id - 100}.jpg"`);
      expect(image.innerHTML).toMatch(new RegExp(`class="wp-image-${id}"/>`));
    }
    // No reference to the export's own copies is left, in blocks or inline images.
    expect(tied).not.toMatch(/src="every-construct/);
    // Everything else is the exporter's markup unchanged.
    expect(tied.replace(/<!-- wp:image[^]*?<!-- \/wp:image -->/g, '').replace(/src="[^"]*"/g, '')).toBe(
      markup.replace(/<!-- wp:image[^]*?<!-- \/wp:image -->/g, '').replace(/src="[^"]*"/g, ''),
    );
  });

  it.each([
    ['caption and credit', '<!-- wp:image -->\n<figure class="wp-block-image"><img src="a.jpg" alt="A &quot;march&quot; &amp; a flag"/><figcaption class="wp-element-caption">The <em>march</em> — Curzon</figcaption></figure>\n<!-- /wp:image -->', { alt: 'A "march" & a flag', caption: 'The <em>march</em> — Curzon' }],
    ['no caption', '<!-- wp:image -->\n<figure class="wp-block-image"><img src="a.jpg" alt="Alone"/></figure>\n<!-- /wp:image -->', { alt: 'Alone', caption: '' }],
    ['a > in the alt text', '<!-- wp:image -->\n<figure class="wp-block-image"><img src="a.jpg" alt="a > b"/></figure>\n<!-- /wp:image -->', { alt: 'a > b', caption: '' }],
  ])('the media library gets the alt text and caption of the figure (%s)', (_name, markup, expected) => {
    expect(wordpressStillText(markup).get('a.jpg')).toEqual(expected);
  });
});

describe('the record in the front matter', () => {
  it.each([
    ['none', {}, null],
    ['no site', { published: { wordpress: { id: 3 } } }, null],
    ['a full record', { published: { wordpress: { site: 'https://b.example', id: 3, url: 'u', at: 't', modified_gmt: 'm', media: { 's.jpg': { id: 4, url: 'x', hash: 'h' } } } } }, { site: 'https://b.example', id: 3, url: 'u', at: 't', modified_gmt: 'm', media: { 's.jpg': { id: 4, url: 'x', hash: 'h' } } }],
    ['ids that cannot name a post are dropped', { published: { wordpress: { site: 's', id: -1 } } }, { site: 's' }],
    ['media without a url or hash is dropped', { published: { wordpress: { site: 's', media: { a: { id: 1 }, b: 'x' } } } }, { site: 's' }],
    ['the other platform’s record is not this one', { published: { ghost: { site: 's', id: 'abc' } } }, null],
  ])('%s', (_name, data, expected) => {
    expect(publishedRecordOf(data as Record<string, unknown>, 'wordpress')).toEqual(expected);
  });

  it.each([
    ['2026-11-27T16:36:53.519Z', '2026-11-27 at 16:36 UTC'],
    ['2026-11-27T16:36:53', '2026-11-27 at 16:36 UTC'],
    ['yesterday', 'yesterday'],
  ])('%s reads as %s', (value, text) => {
    expect(readableTime(value)).toBe(text);
  });
});

describe('writing the record', () => {
  let fixture: PublishFixture;
  beforeEach(async () => {
    fixture = await publishFixture();
  });
  afterEach(async () => {
    await fixture.cleanup();
  });

  it('changes only the lines of the record, announces the write as the host’s own, and makes it again on a newer text', async () => {
    const before = await readFile(fixture.file, 'utf8');
    const expected: string[] = [];
    let raced = false;
    const service = {
      expectWrite: (_path: string, revision: string) => {
        expected.push(revision);
        // Another save lands between the read and the write, once: the record goes onto that text.
        if (!raced) {
          raced = true;
          writeFileSync(fixture.file, before.replace('The end.', 'The end, typed meanwhile.'));
        }
      },
      refresh: async () => {},
    };
    const revision = await writePublishedRecord({ root: fixture.root, path: publishReviewPath, service }, 'ghost', { site: 'https://g.example', id: 'abc', url: 'https://g.example/p/1/' });
    const after = await readFile(fixture.file, 'utf8');
    expect(after).toContain('The end, typed meanwhile.');
    expect(after).toBe(
      before
        .replace('The end.', 'The end, typed meanwhile.')
        .replace('---\n\nKonchalovsky', 'published:\n  ghost:\n    site: https://g.example\n    id: abc\n    url: https://g.example/p/1/\n---\n\nKonchalovsky'),
    );
    expect(expected).toHaveLength(2);
    expect(expected[1]).toBe(revision);
  });

  it('refuses a review whose front matter does not parse before anything is sent', async () => {
    await writeFile(fixture.file, '---\ntitle: [unclosed\n---\n\nText.\n');
    await expect(preparePost({ root: fixture.root, reviewPath: publishReviewPath, target: 'wordpress' })).rejects.toThrow(/front matter .* does not parse .* must be able to record where it was published/);
  });

  it('refuses a review whose still is missing: the post would show a broken image', async () => {
    await rm(join(fixture.root, 'dear-comrades-2020', 'stills', '02-square.png'));
    await expect(preparePost({ root: fixture.root, reviewPath: publishReviewPath, target: 'ghost' })).rejects.toThrow(
      'dear-comrades-2020/stills/02-square.png is missing, so the post would show a broken image. Put the still back or take it out of the review.',
    );
  });

  it('prepares the post: headline, slug, summary, tags, and each still with its bytes and hash', async () => {
    const prepared = await preparePost({ root: fixture.root, reviewPath: publishReviewPath, target: 'wordpress' });
    expect(prepared.post).toMatchObject({ title: 'The party line, in black and white', slug: 'the-party-line-in-black-and-white', excerpt: 'Konchalovsky films the Novocherkassk massacre with icy precision.', tags: ['Soviet history', 'Venice 2020'] });
    expect(prepared.post.stills.map((s) => [s.key, s.fileName, s.contentType, s.sha256.length])).toEqual([
      ['stills/01-workers-march.jpg', '01-workers-march.jpg', 'image/jpeg', 64],
      ['stills/02-square.png', '02-square.png', 'image/png', 64],
    ]);
    expect(prepared.previous).toBeNull();
  });

  it.each([
    ['stills/01 Zoë’s café.JPG', '01-Zoe-s-cafe.jpg'],
    ['stills/дорогие.png', 'still.png'],
    ['a.b.c.webp', 'a.b.c.webp'],
  ])('uploads %s as %s (WordPress reads only ASCII file names)', (path, name) => {
    expect(uploadFileName(path)).toBe(name);
  });
});

describe('the connections store', () => {
  let dir: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await dir.cleanup();
  });

  it('keeps addresses in user data and the password only in the secret store; lists without it', async () => {
    const secrets = createSessionSecrets();
    const store = new ConnectionStore(dir.dir, secrets);
    const saved = await store.save({ target: 'wordpress', site: 'blog.example.org/', user: 'critic', secret: 'abcd EFGH ijkl MNOP qrst UVWX' });
    expect(saved).toEqual({ id: 'wordpress:https://blog.example.org', target: 'wordpress', site: 'https://blog.example.org', user: 'critic', credentials: 'session' });
    expect(await readFile(join(dir.dir, 'publish-connections.json'), 'utf8')).not.toMatch(/abcd|EFGH/);
    expect(await secrets.get('publish:wordpress:https://blog.example.org')).toBe('abcdEFGHijklMNOPqrstUVWX');
    expect(JSON.stringify(await store.list())).not.toContain('EFGH');
    // Saving again without a password keeps the one kept.
    await store.save({ target: 'wordpress', site: 'https://blog.example.org', user: 'editor' });
    expect((await store.open(saved.id)).credentials).toEqual({ target: 'wordpress', user: 'editor', appPassword: 'abcdEFGHijklMNOPqrstUVWX' });
    await store.remove(saved.id);
    expect(await store.list()).toEqual([]);
    expect(await secrets.get('publish:wordpress:https://blog.example.org')).toBeNull();
  });

  it('a keychain that cannot keep secrets: kept for this run only, and the connection says so', async () => {
    const refusing: SecretStore = {
      persistent: true,
      get: async () => null,
      set: async () => {
        throw new HostError('unsupported', 'no keychain');
      },
      delete: async () => {},
    };
    const store = new ConnectionStore(dir.dir, refusing);
    const saved = await store.save({ target: 'ghost', site: 'https://g.example', secret: `6489c0ffee0123456789abcd:${'ab'.repeat(32)}` });
    expect(saved.credentials).toBe('session');
    expect((await store.open(saved.id)).credentials).toEqual({ target: 'ghost', adminKey: `6489c0ffee0123456789abcd:${'ab'.repeat(32)}` });
  });

  it.each([
    [{ target: 'wordpress' as const, site: 'https://b.example', user: 'c', secret: 'my login password' }, /not an application password/],
    [{ target: 'wordpress' as const, site: 'https://b.example', secret: 'abcdEFGHijklMNOPqrstUVWX' }, /user name/],
    [{ target: 'ghost' as const, site: 'https://g.example', secret: 'abc' }, /not a Ghost Admin API key/],
    [{ target: 'ghost' as const, site: 'http://g.example', secret: `6489c0ffee0123456789abcd:${'ab'.repeat(32)}` }, /only over https/],
  ])('refuses %j with a sentence', async (input, message) => {
    const store = new ConnectionStore(dir.dir, createSessionSecrets());
    await expect(store.save(input)).rejects.toThrow(message);
    expect(await store.list()).toEqual([]);
  });

  it('a connection without its secret (the browser host after a restart) asks for it', async () => {
    const store = new ConnectionStore(dir.dir, createSessionSecrets());
    const saved = await store.save({ target: 'ghost', site: 'https://g.example' });
    expect(saved.credentials).toBe('missing');
    await expect(store.open(saved.id)).rejects.toThrow('Intertitle has no Admin API key for Ghost at https://g.example');
  });
});

describe('finding the WordPress API', () => {
  it.each([
    ['<https://b.example/wp-json/>; rel="https://api.w.org/"', 'https://b.example/wp-json/'],
    ['<https://b.example/?rest_route=/>; rel="https://api.w.org/", <https://b.example/?p=1>; rel="shortlink"', 'https://b.example/?rest_route=/'],
    ['<https://b.example/?p=1>; rel=shortlink', null],
    [null, null],
  ])('Link: %s', (header, root) => {
    expect(apiRootFromLink(header)).toBe(root);
  });

  it('reads the <link> in a page when there is no header', () => {
    expect(apiRootFromHtml(`<head><link rel='https://api.w.org/' href='https://b.example/index.php?rest_route=/&amp;x=1' /></head>`)).toBe('https://b.example/index.php?rest_route=/&x=1');
  });

  it('the front matter parser reads the record the writer writes', () => {
    const data = parseFrontMatter('---\npublished:\n  wordpress:\n    site: https://b.example\n    id: 12\n    modified_gmt: 2026-11-27T16:29:55\n---\n').data;
    expect(publishedRecordOf(data, 'wordpress')).toEqual({ site: 'https://b.example', id: 12, modified_gmt: '2026-11-27T16:29:55' });
  });
});
