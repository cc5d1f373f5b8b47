import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HostError, type ReviewFile, type Revision, type SaveResult } from '../contract';
import { writeFileAtomic } from './atomic-write';
import { ioError } from './io-errors';
import { resolveInLibrary } from './library-paths';

const bomBytes = [0xef, 0xbb, 0xbf];

export function revisionOf(bytes: Uint8Array): Revision {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === bomBytes[0] && bytes[1] === bomBytes[1] && bytes[2] === bomBytes[2];
}

// One decoder each, shared: a decode without `stream` starts afresh every call.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes a review's bytes; `valid` is false when they are not UTF-8 (then the text is lossy). */
export function decodeReview(bytes: Uint8Array): { text: string; bom: boolean; valid: boolean } {
  const bom = hasBom(bytes);
  const content = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: strictUtf8.decode(content), bom, valid: true };
  } catch {
    return { text: lenientUtf8.decode(content), bom, valid: false };
  }
}

export function encodeReview(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from(bomBytes), body]) : body;
}

export const notUtf8Message =
  'This file is not valid UTF-8 text, so Intertitle opened it read-only to avoid damaging it. Convert it to UTF-8 in another editor to edit it here.';

async function readBytes(file: string, what: string): Promise<Uint8Array | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(error, 'read', what);
  }
}

export async function readReview(root: string, path: string): Promise<ReviewFile> {
  const file = await resolveInLibrary(root, path);
  const bytes = await readBytes(file, path);
  if (bytes === null) throw new HostError('not-found', `The review ${path} no longer exists.`);
  const { text, bom, valid } = decodeReview(bytes);
  return { path, text, bom, revision: revisionOf(bytes), readOnly: valid ? null : notUtf8Message };
}

/** One save at a time per file, so two quick saves cannot interleave their checks and writes. */
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => {});
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/**
 * Saves a review atomically, unless the file on disk is no longer the revision the buffer was
 * based on (another program changed it): then it answers `conflict` and writes nothing.
 * A file deleted outside Intertitle is written again, so the critic's words are not lost.
 */
export function saveReview(
  root: string,
  path: string,
  text: string,
  bom: boolean,
  baseRevision: Revision | null,
): Promise<SaveResult> {
  return serialised(`${root}\0${path}`, async () => {
    const file = await resolveInLibrary(root, path);
    const current = await readBytes(file, path);
    if (current !== null) {
      if (!decodeReview(current).valid) throw new HostError('conflict', notUtf8Message);
      if (revisionOf(current) !== baseRevision) {
        throw new HostError(
          'conflict',
          `${path} was changed by another program since Intertitle opened it; your text was not saved over it.`,
          { revision: revisionOf(current) },
        );
      }
    }
    const bytes = encodeReview(text, bom);
    const revision = revisionOf(bytes);
    if (current !== null && revision === baseRevision) return { revision };
    try {
      // A file the critic (or the system) made read-only is not replaced behind their back,
      // though the atomic rename itself would be allowed by the folder.
      if (current !== null) await access(file, constants.W_OK);
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, bytes);
    } catch (error) {
      throw ioError(error, 'save', path);
    }
    return { revision };
  });
}
