import type { MediaRecord, PublishedRecord, PublishTarget } from './types';

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `published.<target>` from a review's front matter, or null when there is none. Fields of the
 * wrong type are left out rather than trusted: an id that is not an id cannot name a post.
 */
export function publishedRecordOf(data: Record<string, unknown> | null, target: PublishTarget): PublishedRecord | null {
  const published = data?.['published'];
  const entry = isRecordObject(published) ? published[target] : undefined;
  if (!isRecordObject(entry) || typeof entry['site'] !== 'string') return null;
  const record: PublishedRecord = { site: entry['site'] };
  const id = entry['id'];
  if ((typeof id === 'number' && Number.isInteger(id) && id > 0) || (typeof id === 'string' && id.trim() !== '')) record.id = id;
  for (const key of ['url', 'at', 'modified_gmt', 'updated_at'] as const) {
    if (typeof entry[key] === 'string') record[key] = entry[key] as string;
  }
  if (isRecordObject(entry['media'])) {
    const media: Record<string, MediaRecord> = {};
    for (const [key, value] of Object.entries(entry['media'])) {
      if (!isRecordObject(value) || typeof value['url'] !== 'string' || typeof value['hash'] !== 'string') continue;
      media[key] = { ...(typeof value['id'] === 'number' ? { id: value['id'] } : {}), url: value['url'], hash: value['hash'] };
    }
    if (Object.keys(media).length) record.media = media;
  }
  return record;
}
