import { HostError } from '../contract/envelope';
import { concatBytes } from './bytes';
import { ghostToken, parseGhostAdminKey } from './ghost-token';
import { withUploadedSources } from './images';
import { Publishing } from './publishing';
import { SiteClient, type ErrorReader, type SiteResponse } from './site-client';
import type { PublishOutcome, PublishPorts, PublishRequest, SiteCheck, StillUpload } from './types';
import { utf8 } from './web-globals';

/** Ghost's error body: `{errors: [{message, context, type, code}]}`. */
export const readGhostError: ErrorReader = (body) => {
  try {
    const first = (JSON.parse(body) as { errors?: Array<{ message?: unknown; context?: unknown; code?: unknown; type?: unknown }> }).errors?.[0];
    const parts = [first?.message, first?.context].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    return { message: parts.join(' ').slice(0, 300) || null, code: typeof first?.code === 'string' ? first.code : typeof first?.type === 'string' ? first.type : null };
  } catch {
    return { message: null, code: null };
  }
};

// Ghost 5 and 6 both answer this minimum version.
const acceptVersion = 'v5.0';
const jsonHeaders = { Accept: 'application/json', 'Content-Type': 'application/json', 'Accept-Version': acceptVersion };

class GhostApi {
  readonly client: SiteClient;
  readonly base: string;

  constructor(ports: PublishPorts, site: string, adminKey: string) {
    const key = parseGhostAdminKey(adminKey);
    this.base = `${site}/ghost/api/admin/`;
    this.client = new SiteClient(ports, 'Ghost', site, () => `Ghost ${ghostToken(key, ports.now(), ports.hmacSha256)}`, readGhostError);
  }

  url(path: string, query = ''): string {
    return `${this.base}${path}${query ? `?${query}` : ''}`;
  }

  /** The site's name and version (unauthenticated), then a request that needs the key. */
  async check(): Promise<SiteCheck> {
    const site = await this.client.send({ method: 'GET', url: this.url('site/'), headers: { Accept: 'application/json', 'Accept-Version': acceptVersion } });
    if (site.status === 404) {
      throw new HostError('not-found', `There is no Ghost Admin API at ${this.base}. Check the address: it is the site's own address (or its separate admin address).`);
    }
    if (site.status !== 200) throw this.client.statusError(site, 'reading the site');
    const info = (this.client.parse(site, 'reading the site') as { site?: { title?: unknown } }).site;
    const posts = await this.client.send({ method: 'GET', url: this.url('posts/', 'limit=1&fields=id'), headers: { Accept: 'application/json', 'Accept-Version': acceptVersion }, auth: true });
    if (posts.status === 401 || posts.status === 403) throw this.refused(posts);
    if (posts.status !== 200) throw this.client.statusError(posts, 'reading the posts');
    return { name: typeof info?.title === 'string' && info.title ? info.title : this.base, user: null, api: this.base };
  }

  refused(response: SiteResponse): HostError {
    const said = readGhostError(response.text);
    const clock = /expired|iat|maxAge|before/i.test(said.message ?? '') ? " This computer's clock may be wrong: Ghost's tokens last five minutes." : '';
    return new HostError(
      'auth',
      `Ghost refused the Admin API key (HTTP ${response.status}${said.message ? `: ${said.message}` : ''}). Copy it again from Ghost › Settings › Integrations.${clock}`,
      { status: response.status, serviceCode: said.code },
    );
  }

  async call(method: 'GET' | 'POST' | 'PUT', url: string, body: string | undefined, doing: string): Promise<unknown> {
    const response = await this.client.send({ method, url, headers: jsonHeaders, ...(body === undefined ? {} : { body }), auth: true });
    if (response.status === 401 || response.status === 403) throw this.refused(response);
    if (response.status < 200 || response.status >= 300) throw this.client.statusError(response, doing);
    return this.client.parse(response, doing);
  }
}

/** Checks a Ghost connection: the Admin API is there and the key is accepted. */
export function checkGhost(ports: PublishPorts, site: string, adminKey: string): Promise<SiteCheck> {
  return new GhostApi(ports, site, adminKey).check();
}

interface GhostPost {
  id: string;
  url: string | null;
  updated_at: string | null;
}

function firstPost(value: unknown): GhostPost {
  const post = (value as { posts?: Array<Record<string, unknown>> })?.posts?.[0];
  if (!post || typeof post['id'] !== 'string') throw new HostError('network', 'Ghost answered without the post.');
  return { id: post['id'], url: typeof post['url'] === 'string' ? post['url'] : null, updated_at: typeof post['updated_at'] === 'string' ? post['updated_at'] : null };
}

/**
 * Publishes a review to Ghost through its Admin API: uploads the stills, then makes the post as a
 * draft from HTML (`?source=html`: each figure becomes an image card with its caption). Publishing
 * again updates the recorded post with Ghost's current `updated_at`, and reuses uploaded stills
 * whose files did not change; a post changed in Ghost since stops the publish unless `force`.
 */
export async function publishToGhost(ports: PublishPorts, request: PublishRequest): Promise<PublishOutcome> {
  if (request.credentials.target !== 'ghost') throw new HostError('invalid-args', 'Ghost needs an Admin API key.');
  const api = new GhostApi(ports, request.site, request.credentials.adminKey);
  const run = new Publishing(ports, request, request.post.stills.length + 3);
  try {
    return await publishWith(api, run, request);
  } catch (error) {
    throw run.annotate(error);
  }
}

async function publishWith(api: GhostApi, run: Publishing, request: PublishRequest): Promise<PublishOutcome> {
  const { post } = request;
  run.step('Connecting to Ghost…');
  await api.check();

  let existing: GhostPost | null = null;
  if (run.previousId !== null) {
    run.step('Checking the post on the site…');
    const response = await api.client.send({ method: 'GET', url: api.url(`posts/${encodeURIComponent(String(run.previousId))}/`, 'fields=id,url,updated_at,status'), headers: jsonHeaders, auth: true });
    if (response.status === 404) {
      run.warn(`The post recorded in the review (id ${run.previousId}) is no longer in Ghost, so a new draft was made.`);
    } else {
      if (response.status === 401 || response.status === 403) throw api.refused(response);
      if (response.status !== 200) throw api.client.statusError(response, 'reading the post');
      existing = firstPost(api.client.parse(response, 'reading the post'));
      run.checkChanged(run.previous?.updated_at ?? null, existing.updated_at, existing.url, 'edited in Ghost');
    }
  }

  const urls = new Map<string, string>();
  for (const still of post.stills) urls.set(still.href, await upload(api, run, still));

  // As for WordPress: a draft an earlier, cut-off publish made (its answer lost) is updated, not made twice.
  if (!existing && run.previousId === null && run.previous?.media) existing = await findCutOffDraft(api, run);

  const fields: Record<string, unknown> = { title: limited(run, post.title, 255, 'title'), slug: post.slug, html: withUploadedSources(post.content, urls), tags: post.tags };
  if (post.excerpt) fields['custom_excerpt'] = limited(run, post.excerpt, 300, 'summary');
  let saved: GhostPost;
  if (existing) {
    run.step('Updating the post…');
    try {
      saved = firstPost(await api.call('PUT', api.url(`posts/${encodeURIComponent(existing.id)}/`, 'source=html'), JSON.stringify({ posts: [{ ...fields, updated_at: existing.updated_at }] }), 'updating the post'));
    } catch (error) {
      if (error instanceof HostError && error.code === 'conflict') {
        throw new HostError(
          'conflict',
          'Ghost says the post changed while Intertitle was updating it (someone is editing it in Ghost). Nothing was overwritten; publish again once they are done.',
          { reason: 'changed-on-site', url: existing.url, recorded: existing.updated_at, current: null },
        );
      }
      throw error;
    }
  } else {
    run.step('Making the draft…');
    saved = firstPost(await api.call('POST', api.url('posts/', 'source=html'), JSON.stringify({ posts: [{ ...fields, status: 'draft' }] }), 'making the draft'));
  }
  return run.finish({ id: saved.id, url: saved.url ?? undefined, updated_at: saved.updated_at ?? undefined }, existing === null);
}

/** Among the latest drafts, the one whose HTML shows a still this review uploaded, if any (not by slug: Ghost makes a taken one `-2`). */
async function findCutOffDraft(api: GhostApi, run: Publishing): Promise<GhostPost | null> {
  const uploaded = Object.values(run.previous?.media ?? {}).map((m) => m.url);
  const query = `filter=${encodeURIComponent('status:draft')}&order=${encodeURIComponent('updated_at desc')}&limit=20&formats=html&fields=id,url,updated_at,html`;
  const found = (await api.call('GET', api.url('posts/', query), undefined, 'looking for a draft an earlier publish made')) as {
    posts?: Array<Record<string, unknown>>;
  };
  const draft = (found.posts ?? []).find((candidate) => typeof candidate['html'] === 'string' && uploaded.some((url) => (candidate['html'] as string).includes(url)));
  if (!draft) return null;
  const state = firstPost({ posts: [draft] });
  run.warn(`The last publish was cut off after Ghost had made the draft (id ${state.id}); this publish updated that draft instead of making a second one.`);
  return state;
}

function limited(run: Publishing, text: string, max: number, what: string): string {
  if ([...text].length <= max) return text;
  run.warn(`Ghost keeps at most ${max} characters of a post's ${what}, so it was shortened.`);
  return `${[...text].slice(0, max - 1).join('')}…`;
}

/** A still uploaded to Ghost (or the recorded copy of the same file); Ghost keeps no alt text or caption with images. */
async function upload(api: GhostApi, run: Publishing, still: StillUpload): Promise<string> {
  const known = run.reusable(still);
  if (known) {
    run.step(`${still.key} is already on the site.`);
    await run.reused(still, known);
    return known.url;
  }
  run.step(`Uploading ${still.key}…`);
  // A boundary made from the file's hash cannot occur in the file.
  const boundary = `----IntertitleStill${still.sha256.slice(0, 32)}`;
  const part = (headers: string) => utf8(`--${boundary}\r\n${headers}\r\n\r\n`);
  const body = concatBytes([
    part(`Content-Disposition: form-data; name="file"; filename="${still.fileName}"\r\nContent-Type: ${still.contentType}`),
    still.bytes,
    utf8('\r\n'),
    part('Content-Disposition: form-data; name="purpose"'),
    utf8('image\r\n'),
    part('Content-Disposition: form-data; name="ref"'),
    utf8(`${still.key}\r\n--${boundary}--\r\n`),
  ]);
  const response = await api.client.send({
    method: 'POST',
    url: api.url('images/upload/'),
    headers: { Accept: 'application/json', 'Accept-Version': acceptVersion, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    body,
    auth: true,
  });
  if (response.status === 401 || response.status === 403) throw api.refused(response);
  if (response.status < 200 || response.status >= 300) throw api.client.statusError(response, `uploading ${still.key}`);
  const url = (api.client.parse(response, `uploading ${still.key}`) as { images?: Array<{ url?: unknown }> }).images?.[0]?.url;
  if (typeof url !== 'string') throw new HostError('network', `Ghost answered the upload of ${still.key} without its address.`);
  await run.uploaded(still, { url, hash: run.hashOf(still) });
  return url;
}
