import { HostError } from '../contract/envelope';
import { decodeEntities } from '../export/inline';
import { wordpressStillText, wordpressWithMedia, type WordPressImage } from './images';
import { Publishing } from './publishing';
import { WordPressApi } from './wordpress-api';
import type { MediaRecord, PublishOutcome, PublishPorts, PublishRequest, SiteCheck, StillUpload } from './types';

const json = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** Checks a WordPress connection: the API is there and the application password works. */
export async function checkWordPress(ports: PublishPorts, site: string, user: string, appPassword: string): Promise<SiteCheck> {
  return (await WordPressApi.connect(ports, site, user, appPassword)).check();
}

interface PostState {
  id: number;
  link: string | null;
  modified_gmt: string | null;
  status: string | null;
}

function postState(value: unknown): PostState {
  const post = value as Record<string, unknown>;
  if (typeof post?.['id'] !== 'number') throw new HostError('network', 'WordPress answered without the post’s id.');
  return {
    id: post['id'],
    link: typeof post['link'] === 'string' ? post['link'] : null,
    modified_gmt: typeof post['modified_gmt'] === 'string' ? post['modified_gmt'] : null,
    status: typeof post['status'] === 'string' ? post['status'] : null,
  };
}

/** The image to show from an attachment: the `large` size when WordPress made one, else the original. */
function imageOf(media: Record<string, unknown>): WordPressImage {
  const id = media['id'];
  const source = media['source_url'];
  if (typeof id !== 'number' || typeof source !== 'string') throw new HostError('network', 'WordPress answered an upload without the file’s id and address.');
  const sizes = (media['media_details'] as { sizes?: Record<string, { source_url?: unknown }> } | undefined)?.sizes;
  const large = sizes?.['large']?.source_url;
  return typeof large === 'string' ? { id, url: large, sizeSlug: 'large' } : { id, url: source, sizeSlug: 'full' };
}

/**
 * Publishes a review to WordPress: uploads each still to the media library with its alt text and
 * caption (credit folded in), finds or makes the tags, and makes the post as a draft with block
 * content whose image blocks name the uploaded attachments. With a record of an earlier publish
 * it updates that post (keeping its status) and reuses every still whose file did not change;
 * if the post changed on the site since, it stops with `conflict` unless `force` is set.
 */
export async function publishToWordPress(ports: PublishPorts, request: PublishRequest): Promise<PublishOutcome> {
  const { post } = request;
  const run = new Publishing(ports, request, post.stills.length + 3 + (post.tags.length ? 1 : 0));
  try {
    return await publishWith(run, ports, request);
  } catch (error) {
    throw run.annotate(error);
  }
}

async function publishWith(run: Publishing, ports: PublishPorts, request: PublishRequest): Promise<PublishOutcome> {
  if (request.credentials.target !== 'wordpress') throw new HostError('invalid-args', 'WordPress needs a user name and an application password.');
  const { post } = request;
  run.step('Connecting to WordPress…');
  const api = await WordPressApi.connect(ports, request.site, request.credentials.user, request.credentials.appPassword);
  await api.check();

  let existing: PostState | null = null;
  if (run.previousId !== null) {
    run.step('Checking the post on the site…');
    existing = await findPost(api, run);
  }

  let tags: number[] = [];
  if (post.tags.length) {
    run.step('Finding the tags…');
    tags = await tagIds(api, post.tags);
  }

  const texts = wordpressStillText(post.content);
  const images = new Map<string, WordPressImage>();
  for (const still of post.stills) {
    const text = texts.get(still.href) ?? { alt: '', caption: '' };
    const image = await upload(api, run, still, text);
    images.set(still.href, image);
  }

  // An earlier publish recorded its uploads but no post: it may have been cut off after WordPress
  // made the draft (the answer lost). That draft, found among the latest drafts by the attachments
  // only this review uploaded, is updated rather than made twice.
  if (!existing && run.previousId === null && run.previous?.media) existing = await findCutOffDraft(api, run, run.previous.media);

  const content = wordpressWithMedia(post.content, images);
  const fields = { title: post.title, content, slug: post.slug, excerpt: post.excerpt ?? '', tags };
  let saved: PostState;
  if (existing) {
    run.step('Updating the post…');
    // The status is left alone: a published post stays published.
    saved = postState(await api.json({ method: 'POST', url: api.url(`wp/v2/posts/${existing.id}`, { context: 'edit' }), headers: json, body: JSON.stringify(fields) }, 'updating the post'));
  } else {
    run.step('Making the draft…');
    saved = postState(await api.json({ method: 'POST', url: api.url('wp/v2/posts', { context: 'edit' }), headers: json, body: JSON.stringify({ ...fields, status: 'draft' }) }, 'making the draft'));
  }
  return run.finish({ id: saved.id, url: saved.link ?? undefined, modified_gmt: saved.modified_gmt ?? undefined }, existing === null);
}

/** The recorded post, if it is still there; stops when it changed on the site since. */
async function findPost(api: WordPressApi, run: Publishing): Promise<PostState | null> {
  const response = await api.send({
    method: 'GET',
    url: api.url(`wp/v2/posts/${run.previousId}`, { context: 'edit', _fields: 'id,link,modified_gmt,status' }),
    headers: { Accept: 'application/json' },
  });
  if (response.status === 404 || response.status === 410) {
    run.warn(`The post recorded in the review (id ${run.previousId}) is no longer on the site, so a new draft was made.`);
    return null;
  }
  if (response.status !== 200) throw api.client.statusError(response, 'reading the post');
  const state = postState(api.client.parse(response, 'reading the post'));
  if (state.status === 'trash') {
    run.warn(`The post recorded in the review (id ${state.id}) is in WordPress's trash, so a new draft was made.`);
    return null;
  }
  run.checkChanged(run.previous?.modified_gmt ?? null, state.modified_gmt, state.link, 'edited on the site');
  return state;
}

async function findCutOffDraft(api: WordPressApi, run: Publishing, media: Record<string, MediaRecord>): Promise<PostState | null> {
  const ids = Object.values(media).flatMap((m) => (m.id === undefined ? [] : [m.id]));
  if (!ids.length) return null;
  // Not by slug: WordPress gives a draft another slug (`-2`) when the post published before has it.
  const query = { status: 'draft', orderby: 'modified', order: 'desc', per_page: 20, context: 'edit', _fields: 'id,link,modified_gmt,status,content' };
  const found = await api.json(
    { method: 'GET', url: api.url('wp/v2/posts', query), headers: { Accept: 'application/json' } },
    'looking for a draft an earlier publish made',
  );
  const draft = (Array.isArray(found) ? found : []).find((candidate: { content?: { raw?: unknown } }) => {
    const raw = candidate?.content?.raw;
    return typeof raw === 'string' && ids.some((id) => raw.includes(`wp-image-${id}"`));
  });
  if (!draft) return null;
  const state = postState(draft);
  run.warn(`The last publish was cut off after WordPress had made the draft (id ${state.id}); this publish updated that draft instead of making a second one.`);
  return state;
}

async function tagIds(api: WordPressApi, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const found = (await api.json({ method: 'GET', url: api.url('wp/v2/tags', { search: name, per_page: 100, _fields: 'id,name' }), headers: { Accept: 'application/json' } }, `finding the tag “${name}”`)) as Array<{ id?: unknown; name?: unknown }>;
    const match = Array.isArray(found) ? found.find((tag) => typeof tag.name === 'string' && decodeEntities(tag.name).toLowerCase() === name.toLowerCase()) : undefined;
    if (match && typeof match.id === 'number') {
      ids.push(match.id);
      continue;
    }
    const made = await api.send({ method: 'POST', url: api.url('wp/v2/tags'), headers: json, body: JSON.stringify({ name }) });
    const body = (() => {
      try {
        return JSON.parse(made.text) as { id?: unknown; code?: unknown; data?: { term_id?: unknown } };
      } catch {
        return null;
      }
    })();
    // Made meanwhile, or differing only in a way search does not see: WordPress names the existing one.
    if (made.status === 400 && body?.code === 'term_exists' && typeof body.data?.term_id === 'number') ids.push(body.data.term_id);
    else if (made.status === 201 && typeof body?.id === 'number') ids.push(body.id);
    else throw api.client.statusError(made, `making the tag “${name}”`);
  }
  return [...new Set(ids)];
}

/**
 * One still in the media library: the recorded attachment when the file is the same (its alt text
 * and caption brought up to date), else a new upload, recorded at once.
 */
async function upload(api: WordPressApi, run: Publishing, still: StillUpload, text: { alt: string; caption: string }): Promise<WordPressImage> {
  const known = run.reusable(still);
  const meta = { alt_text: text.alt, caption: text.caption };
  if (known?.id !== undefined) {
    run.step(`Checking ${still.key} on the site…`);
    const response = await api.send({ method: 'POST', url: api.url(`wp/v2/media/${known.id}`, { context: 'edit' }), headers: json, body: JSON.stringify(meta) });
    if (response.status === 200) {
      const image = imageOf(api.client.parse(response, `updating ${still.key}`) as Record<string, unknown>);
      await run.reused(still, { id: image.id, url: image.url, hash: known.hash });
      return image;
    }
    if (response.status !== 404 && response.status !== 410) throw api.client.statusError(response, `updating ${still.key}`);
    run.warn(`${still.key} was deleted from the site's media library, so it was uploaded again.`);
  }
  run.step(`Uploading ${still.key}…`);
  const media = (await api.json(
    {
      method: 'POST',
      // WordPress merges query parameters into an upload, so the text goes with the file in one request.
      url: api.url('wp/v2/media', meta),
      headers: { Accept: 'application/json', 'Content-Type': still.contentType, 'Content-Disposition': `attachment; filename="${still.fileName}"` },
      body: still.bytes,
    },
    `uploading ${still.key}`,
  )) as Record<string, unknown>;
  const image = imageOf(media);
  const record: MediaRecord = { id: image.id, url: image.url, hash: run.hashOf(still) };
  await run.uploaded(still, record);
  return image;
}
