import { HostError, type Client, type RecoveryEntry, type ReviewFile } from '../../src/contract';
import { ReviewDocument } from './review-document';

/**
 * Opens a review for editing: as it is on disk, or — when `restore` is given — with the text the
 * recovery journal kept, unsaved (the disk version may be gone).
 */
export async function openDocument(client: Pick<Client, 'call'>, path: string, restore?: RecoveryEntry): Promise<ReviewDocument> {
  if (!restore) return new ReviewDocument(client, await client.call('review.read', { path }));
  let disk: ReviewFile | null = null;
  try {
    disk = await client.call('review.read', { path });
  } catch (error) {
    if (!(error instanceof HostError && error.code === 'not-found')) throw error;
  }
  return ReviewDocument.restore(client, restore, disk);
}
