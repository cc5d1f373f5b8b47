import { createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishCommand } from '../../src/node/cli-publish';
import { ghostToken, parseGhostAdminKey } from '../../src/publish/ghost-token';
import { parseFrontMatter } from '../../src/review/front-matter';
import { startGhostServer, type GhostServer } from '../helpers/ghost-server';
import { publishFixture, type PublishFixture } from '../helpers/publish-fixture';

const hmac = (key: Uint8Array, data: Uint8Array) => new Uint8Array(createHmac('sha256', key).update(data).digest());

describe('the Ghost Admin API token', () => {
  it('is an HS256 JWT naming the key, for /admin/, valid five minutes, signed with the hex secret', () => {
    const key = parseGhostAdminKey('6489c0ffee0123456789abcd:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    const token = ghostToken(key, new Date('2026-11-27T12:00:00Z'), hmac);
    const [head, payload, signature] = token.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT', kid: '6489c0ffee0123456789abcd' });
    const iat = Date.parse('2026-11-27T12:00:00Z') / 1000;
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({ iat, exp: iat + 300, aud: '/admin/' });
    const expected = createHmac('sha256', Buffer.from('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'hex')).update(`${head}.${payload}`).digest('base64url');
    expect(signature).toBe(expected);
    expect(token).not.toMatch(/[=+/]/);
  });

  it.each([['no colon'], ['abc:xyz'], ['6489c0ffee0123456789abcd:012'], ['']])('refuses %j as a key with a sentence saying where the key is', (key) => {
    expect(() => parseGhostAdminKey(key)).toThrow(/Ghost › Settings › Integrations/);
  });
});

describe('publishing to Ghost (local stand-in for the Admin API on 127.0.0.1)', () => {
  let ghost: GhostServer;
  let fixture: PublishFixture;

  beforeEach(async () => {
    ghost = await startGhostServer();
    fixture = await publishFixture();
  });
  afterEach(async () => {
    await ghost.close();
    await fixture.cleanup();
  });

  async function publish(extra: string[] = [], options: { key?: string; fetch?: typeof fetch; now?: () => Date } = {}) {
    const run = { out: '', err: '' };
    const code = await publishCommand(
      [fixture.file, '--to', 'ghost', '--site', ghost.origin, ...extra],
      { out: (t) => (run.out += t), err: (t) => (run.err += t) },
      { env: { INTERTITLE_GHOST_ADMIN_KEY: options.key ?? ghost.adminKey }, fetch: options.fetch, now: options.now, timeoutMs: 10_000, version: 'test' },
    );
    return { code, ...run };
  }

  async function record(): Promise<Record<string, any>> {
    const data = parseFrontMatter(await readFile(fixture.file, 'utf8')).data as Record<string, any>;
    return data['published']?.['ghost'];
  }

  it('uploads the stills, makes a draft from HTML (?source=html) with image cards and captions, and records it', async () => {
    const run = await publish();
    expect(run.code, run.err).toBe(0);
    expect(ghost.posts.size).toBe(1);
    const post = [...ghost.posts.values()][0]!;
    expect(post).toMatchObject({ title: 'The party line, in black and white', status: 'draft', custom_excerpt: 'Konchalovsky films the Novocherkassk massacre with icy precision.' });
    expect(post.tags.map((t) => t.name)).toEqual(['Soviet history', 'Venice 2020']);
    const uploaded = [...ghost.images.entries()];
    expect(uploaded.map(([path, image]) => [path, image.ref])).toEqual([
      ['/content/images/2026/11/01-workers-march.jpg', 'stills/01-workers-march.jpg'],
      ['/content/images/2026/11/02-square.png', 'stills/02-square.png'],
    ]);
    expect(uploaded[0]![1].bytes.equals(await readFile(`${fixture.root}/dear-comrades-2020/stills/01-workers-march.jpg`))).toBe(true);
    expect(post.html).toContain(
      `<figure><img src="${ghost.origin}/content/images/2026/11/01-workers-march.jpg" alt="Striking workers march carrying a portrait of &quot;Lenin&quot;" width="1600" height="900"><figcaption>The workers march. They have Lenin, <em>Lyudmila</em> has Stalin — Curzon &amp; Co</figcaption></figure>`,
    );
    expect(post.html).toContain(`<img src="${ghost.origin}/content/images/2026/11/02-square.png"`);
    expect(post.html).not.toContain('dear-comrades');

    expect(await record()).toEqual({
      site: ghost.origin,
      id: post.id,
      url: post.url,
      at: expect.stringMatching(/Z$/),
      updated_at: post.updated_at,
      media: {
        'stills/01-workers-march.jpg': { url: `${ghost.origin}/content/images/2026/11/01-workers-march.jpg`, hash: expect.stringMatching(/^[0-9a-f]{16}$/) },
        'stills/02-square.png': { url: `${ghost.origin}/content/images/2026/11/02-square.png`, hash: expect.stringMatching(/^[0-9a-f]{16}$/) },
      },
    });
    // Every authenticated request carried a token the stand-in verified; the site info needs none.
    expect(ghost.requests.filter((r) => !r.authorized).map((r) => r.path)).toEqual(['/ghost/api/admin/site/']);
  });

  it('publishing again updates the same post with the current updated_at and reuses the uploaded stills', async () => {
    expect((await publish()).code).toBe(0);
    const first = await record();
    await writeFile(fixture.file, (await readFile(fixture.file, 'utf8')).replace('The end.', 'The end, revised.'));
    const again = await publish();
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/^Updated the post \(id [0-9a-f]{24}; 0 stills uploaded, 2 reused\)/);
    expect(ghost.posts.size).toBe(1);
    expect(ghost.images.size).toBe(2);
    const post = ghost.posts.get(first['id'])!;
    expect(post.html).toContain('The end, revised.');
    const second = await record();
    expect(second['updated_at']).toBe(post.updated_at);
    expect(second['updated_at']).not.toBe(first['updated_at']);
  });

  it('refuses to overwrite a post edited in Ghost since, unless --force', async () => {
    expect((await publish()).code).toBe(0);
    const { id } = await record();
    ghost.editInGhost(id, { title: 'Edited in Ghost' });
    const refused = await publish();
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(/was edited in Ghost since Intertitle last published it .* --force/);
    expect(ghost.posts.get(id)!.title).toBe('Edited in Ghost');
    const forced = await publish(['--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(ghost.posts.get(id)!.title).toBe('The party line, in black and white');
  });

  it('turns a 409 (someone saved in Ghost while Intertitle was updating) into a clear message and overwrites nothing', async () => {
    expect((await publish()).code).toBe(0);
    const { id } = await record();
    // An editor in Ghost saves between Intertitle's read of updated_at and its PUT.
    const racing: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT') ghost.editInGhost(id, { title: 'Saved in Ghost meanwhile' });
      return fetch(input, init);
    };
    const run = await publish([], { fetch: racing });
    expect(run.code).toBe(3);
    expect(run.err).toContain('Ghost says the post changed while Intertitle was updating it');
    expect(ghost.posts.get(id)!.title).toBe('Saved in Ghost meanwhile');
  });

  it.each([
    ['a key Ghost does not know', () => `0123456789abcdef01234567:${'ab'.repeat(32)}`, undefined, /Ghost refused the Admin API key \(HTTP 401: Unknown Admin API Key\)/],
    ['the right id with the wrong secret', (g: GhostServer) => `${g.adminKey.split(':')[0]}:${'cd'.repeat(32)}`, undefined, /invalid signature/],
    ['a clock ten minutes slow', (g: GhostServer) => g.adminKey, () => new Date(Date.now() - 10 * 60_000), /jwt expired.*clock may be wrong/],
  ])('says why Ghost refused %s, and records nothing', async (_name, key, now, message) => {
    const run = await publish([], { key: key(ghost), now });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(ghost.posts.size).toBe(0);
    expect(await readFile(fixture.file, 'utf8')).not.toContain('published:');
  });

  it('a failed post leaves the uploaded stills recorded; the retry reuses them and makes one post', async () => {
    ghost.failNext('POST', '/posts/', 500);
    const failed = await publish();
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/failed while making the draft \(HTTP 500: Failed on purpose \(500\)\)\. Try again in a few minutes\. 2 stills were uploaded before that/);
    expect(Object.keys((await record())['media'])).toHaveLength(2);
    const retry = await publish();
    expect(retry.code, retry.err).toBe(0);
    expect(ghost.images.size).toBe(2);
    expect(ghost.posts.size).toBe(1);
  });

  it('a draft made when the answer was lost is updated by the retry, not made twice', async () => {
    // Ghost makes the draft, but its answer never arrives.
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && /\/posts\/\?source=html$/.test(String(input))) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return response;
    };
    expect((await publish([], { fetch: losing })).code).toBe(1);
    expect(ghost.posts.size).toBe(1);
    expect((await record())['id']).toBeUndefined();
    const retry = await publish();
    expect(retry.code, retry.err).toBe(0);
    expect(retry.err).toMatch(/warning: The last publish was cut off after Ghost had made the draft/);
    expect(retry.out).toMatch(/^Updated the post/);
    expect(ghost.posts.size).toBe(1);
    expect(ghost.images.size).toBe(2);
    expect((await record())['id']).toBe([...ghost.posts.keys()][0]);
  });

  it('a draft that shows none of this review’s stills (one the critic wrote, same title and slug) is left alone', async () => {
    // The critic made a draft by hand with the same slug; an interrupted upload-only publish follows.
    ghost.failNext('POST', '/posts/', 500);
    expect((await publish()).code).toBe(1);
    const own = await fetch(`${ghost.origin}/ghost/api/admin/posts/?source=html`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Ghost ${ghostToken(parseGhostAdminKey(ghost.adminKey), new Date(), hmac)}` },
      body: JSON.stringify({ posts: [{ title: 'The party line, in black and white', slug: 'the-party-line-in-black-and-white', html: '<p>My own notes.</p>', status: 'draft' }] }),
    });
    expect(own.status).toBe(201);
    const retry = await publish();
    expect(retry.code, retry.err).toBe(0);
    expect(retry.out).toMatch(/^Made a draft/);
    expect(ghost.posts.size).toBe(2);
  });
});
