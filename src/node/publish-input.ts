import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { HostError } from '../contract';
import { readExportReview } from '../export/review-model';
import { dirnameOf, imageTypeOf } from '../library/paths';
import { publishedRecordOf } from '../publish/record';
import type { PublishedRecord, PublishPost, PublishTarget, StillUpload } from '../publish/types';
import { editFrontMatter } from '../review/front-matter-edit';
import { parseFrontMatter } from '../review/front-matter';
import { runExport } from './export-runner';
import { ioError } from './io-errors';
import { resolveInLibrary } from './library-paths';
import { decodeReview } from './review-store';
import { createNodeSanitizer } from './sanitizer';

export interface PreparedPost {
  post: PublishPost;
  previous: PublishedRecord | null;
  /** What the critic should know (from the export). */
  warnings: string[];
}

/** The exporter each platform's body comes from (docs/export.md). */
const exporterOf = { wordpress: 'wordpress-blocks', ghost: 'ghost-html' } as const;

/** An ASCII file name for an upload: WordPress reads only `filename="…"`, not RFC 5987 names. */
export function uploadFileName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, ''];
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${ascii(stem) || 'still'}${ext ? `.${ascii(ext).toLowerCase()}` : ''}`;
}

/**
 * Reads a review and everything a publish sends: the exported body for the platform, the stills
 * it shows (bytes and hash), the post's title, slug, summary and tags, and the earlier record.
 * Refuses, before anything is sent, a review whose record could not be written afterwards and a
 * still that is missing (the post would show a broken image).
 */
export async function preparePost(options: { root: string; reviewPath: string; target: PublishTarget; now?: Date }): Promise<PreparedPost> {
  const { root, reviewPath, target } = options;
  const file = await resolveInLibrary(root, reviewPath);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw ioError(error, 'read', reviewPath);
  }
  const { text, valid } = decodeReview(bytes);
  if (!valid) throw new HostError('invalid-args', `${reviewPath} is not valid UTF-8 text, so Intertitle will not publish it.`);
  const frontMatter = parseFrontMatter(text);
  if (frontMatter.error) {
    throw new HostError('invalid-args', `The front matter of ${reviewPath} does not parse (line ${frontMatter.error.line}: ${frontMatter.error.message}). Fix it first: the review must be able to record where it was published.`);
  }
  const previous = publishedRecordOf(frontMatter.data, target);
  const probe = editFrontMatter(text, { kind: 'set', path: ['published', target], value: { ...(previous ?? {}), site: 'https://example.org', id: 1 } });
  if (!probe.ok) throw new HostError('invalid-args', `Intertitle could not record the post in ${reviewPath}: ${probe.message}`);

  const now = options.now ?? new Date();
  const exported = await runExport({ target: exporterOf[target], root, reviewPath, now });
  const missing = exported.warnings.filter((warning) => / was not found, so the export refers to a still/.test(warning));
  if (missing.length) {
    throw new HostError('not-found', `${missing.map((warning) => warning.split(' was not found')[0]).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing, so the post would show a broken image. Put the still back or take it out of the review.`);
  }
  const review = readExportReview({ source: text, reviewPath, sanitize: createNodeSanitizer(), now });
  const reviewDir = dirnameOf(reviewPath);
  const stills: StillUpload[] = [];
  for (const asset of exported.assets) {
    const contentType = imageTypeOf(asset.from);
    if (!contentType) continue;
    let still: Uint8Array;
    try {
      still = await readFile(await resolveInLibrary(root, asset.from));
    } catch (error) {
      throw ioError(error, 'read', asset.from);
    }
    stills.push({
      // As the exported markup writes it: percent-encoded, like the export's own references.
      href: asset.href.split('/').map(encodeURIComponent).join('/'),
      key: reviewDir && asset.from.startsWith(`${reviewDir}/`) ? asset.from.slice(reviewDir.length + 1) : asset.from,
      fileName: uploadFileName(asset.to),
      contentType,
      bytes: still,
      sha256: createHash('sha256').update(still).digest('hex'),
    });
  }
  const main = exported.files.find((f) => f.path === exported.main) ?? exported.files[0];
  return {
    post: { title: review.headline, slug: exported.slug, excerpt: review.summary, tags: review.tags, content: main?.content ?? '', stills },
    previous,
    warnings: exported.warnings,
  };
}
