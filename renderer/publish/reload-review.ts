import type { Client } from '../../src/contract';
import type { ReviewDocument } from '../document/review-document';

/**
 * After a publish the host has written the post's record into the review through its own save
 * (so it is not reported as an outside change): the open document takes that version the way it
 * takes any newer file on disk: a clean buffer reloads, a dirty one keeps the critic's text and asks.
 */
export async function reloadAfterPublish(client: Client, document: ReviewDocument | null): Promise<void> {
  if (!document) return;
  const file = await client.call('review.read', { path: document.path });
  await document.diskChanged({ revision: file.revision });
}
