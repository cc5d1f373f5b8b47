import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError, maxReviewChars, type RecoveryEntry, type Revision } from '../contract';
import { writeFileAtomic } from './atomic-write';
import { ioError } from './io-errors';
import { resolveInLibrary } from './library-paths';
import { decodeReview, revisionOf } from './review-store';

/** One journal file: the text of a buffer and what it was based on. */
interface StoredEntry {
  path: string;
  text: string;
  bom: boolean;
  baseRevision: Revision | null;
  savedAt: string;
  kind: RecoveryEntry['kind'];
}

function isStoredEntry(value: unknown): value is StoredEntry {
  const v = value as Partial<StoredEntry> | null;
  return (
    typeof v?.path === 'string' &&
    typeof v.text === 'string' &&
    typeof v.bom === 'boolean' &&
    (v.baseRevision === null || typeof v.baseRevision === 'string') &&
    typeof v.savedAt === 'string' &&
    (v.kind === 'unsaved' || v.kind === 'set-aside')
  );
}

/**
 * The recovery journal (DESIGN §6): unsaved text of open reviews, kept in user data — never in
 * the library — so that a crash, a kill or a failed disk loses nothing. One file per review
 * for the latest unsaved text (replaced as the critic types, removed once the text is saved),
 * and one per version set aside in a conflict (kept until the critic discards it).
 * Every write is atomic, so a crash while journaling leaves the previous entry.
 */
export class Journal {
  /** The unsaved text last written per review, under the token the renderer named it with (journal.edit builds on it). */
  private held = new Map<string, { token: string; text: string }>();

  constructor(
    private dir: string,
    private root: string,
    private now: () => Date = () => new Date(),
  ) {}

  private static key(path: string): string {
    return createHash('sha256').update(path).digest('hex').slice(0, 24);
  }

  async write(entry: Omit<StoredEntry, 'savedAt' | 'kind'> & { setAside?: boolean; token?: string }): Promise<void> {
    const kind: StoredEntry['kind'] = entry.setAside ? 'set-aside' : 'unsaved';
    const stored: StoredEntry = {
      path: entry.path,
      text: entry.text,
      bom: entry.bom,
      baseRevision: entry.baseRevision,
      savedAt: this.now().toISOString(),
      kind,
    };
    const id = kind === 'unsaved' ? Journal.key(entry.path) : `${Journal.key(entry.path)}-${this.now().getTime().toString(36)}`;
    try {
      await mkdir(this.dir, { recursive: true });
      // A failed write leaves nothing held: the next edit must bring the whole text.
      if (kind === 'unsaved') this.held.delete(entry.path);
      await writeFileAtomic(join(this.dir, `${id}.json`), JSON.stringify(stored));
    } catch (error) {
      throw ioError(error, 'keep a recovery copy of', entry.path);
    }
    if (kind === 'unsaved' && entry.token) this.held.set(entry.path, { token: entry.token, text: entry.text });
  }

  /**
   * Unsaved text sent as one edit of the text last written under the token `base`: the whole
   * entry is written again (atomically, like `write`), only the request is small.
   */
  async edit(edit: { path: string; base: string; token: string; from: number; to: number; insert: string; bom: boolean; baseRevision: Revision | null }): Promise<void> {
    const held = this.held.get(edit.path);
    if (!held || held.token !== edit.base) {
      throw new HostError('conflict', `The recovery journal holds another version of ${edit.path}; send the whole text.`);
    }
    if (edit.to > held.text.length) {
      throw new HostError('invalid-args', `The edit ends at ${edit.to}, after the end of the journaled text (${held.text.length}).`);
    }
    const text = held.text.slice(0, edit.from) + edit.insert + held.text.slice(edit.to);
    if (text.length > maxReviewChars) throw new HostError('invalid-args', 'The review is too large to keep');
    await this.write({ path: edit.path, text, bom: edit.bom, baseRevision: edit.baseRevision, token: edit.token });
  }

  /** The unsaved text of `path` was saved. */
  async clear(path: string): Promise<void> {
    this.held.delete(path);
    await rm(join(this.dir, `${Journal.key(path)}.json`), { force: true });
  }

  async discard(id: string): Promise<void> {
    await rm(join(this.dir, `${id}.json`), { force: true });
  }

  /**
   * Entries whose text differs from the file on disk, oldest first. An entry whose text is
   * already on disk is removed; an entry that cannot be read is moved aside as `.corrupt`
   * rather than deleted or allowed to stop the others from being offered.
   */
  async list(): Promise<RecoveryEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries: RecoveryEntry[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const id = name.slice(0, -'.json'.length);
      const file = join(this.dir, name);
      let stored: unknown;
      try {
        stored = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        stored = null;
      }
      if (!isStoredEntry(stored)) {
        await rename(file, `${file}.corrupt`).catch(() => {});
        continue;
      }
      const disk = await this.diskState(stored.path);
      if (disk.text === stored.text && disk.bom === stored.bom) {
        await rm(file, { force: true });
        continue;
      }
      entries.push({ id, ...stored, diskRevision: disk.revision });
    }
    return entries.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  }

  private async diskState(path: string): Promise<{ text: string | null; bom: boolean; revision: Revision | null }> {
    try {
      const bytes = await readFile(await resolveInLibrary(this.root, path));
      const { text, bom } = decodeReview(bytes);
      return { text, bom, revision: revisionOf(bytes) };
    } catch {
      return { text: null, bom: false, revision: null };
    }
  }
}
