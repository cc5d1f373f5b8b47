import { HostError, type Revision } from '../contract';
import type { PublishedRecord, PublishTarget } from '../publish/types';
import { applyChanges, editFrontMatter } from '../review/front-matter-edit';
import type { LibraryService } from './library/service';
import { encodeReview, readReview, revisionOf, saveReview } from './review-store';

export interface RecordPlace {
  /** The folder the review's path is relative to (the library, or the review's folder for the CLI). */
  root: string;
  path: string;
  /** The open library's service: the write is announced as Intertitle's own, so it is not taken for an outside change. */
  service?: Pick<LibraryService, 'expectWrite' | 'refresh'> | null;
}

/** The record as YAML data: the fields in a fixed, readable order, nothing undefined. */
function recordData(record: PublishedRecord): Record<string, unknown> {
  const order = ['site', 'id', 'url', 'at', 'modified_gmt', 'updated_at', 'media'] as const;
  const data: Record<string, unknown> = {};
  for (const key of order) if (record[key] !== undefined) data[key] = record[key];
  return data;
}

/**
 * Writes `published.<target>` into the review through the same save as the editor's: the smallest
 * front-matter edit (comments, quoting and other fields untouched), an atomic write, and a
 * revision check, so a newer version on disk is never overwritten. When the file changed between
 * reading and writing (an autosave), the edit is made again on the newer text.
 */
export async function writePublishedRecord(place: RecordPlace, target: PublishTarget, record: PublishedRecord): Promise<Revision> {
  for (let attempt = 1; ; attempt++) {
    const file = await readReview(place.root, place.path);
    if (file.readOnly) throw new HostError('conflict', file.readOnly);
    const edit = editFrontMatter(file.text, { kind: 'set', path: ['published', target], value: recordData(record) });
    if (!edit.ok) throw new HostError('conflict', `${place.path} could not take the record of the post: ${edit.message}`);
    if (edit.changes.length === 0) return file.revision;
    const text = applyChanges(file.text, edit.changes);
    place.service?.expectWrite(place.path, revisionOf(encodeReview(text, file.bom)));
    try {
      const saved = await saveReview(place.root, place.path, text, file.bom, file.revision);
      void place.service?.refresh([place.path]);
      return saved.revision;
    } catch (error) {
      if (!(error instanceof HostError && error.code === 'conflict') || attempt >= 3) throw error;
    }
  }
}
