import { useEffect, type RefObject } from 'react';
import type { Client } from '../../src/contract';
import type { EditorHandle } from '../editor/EditorPane';
import type { ReviewDocument } from './review-document';

/**
 * Connects the open review to changes on disk: the host's `review.changedOnDisk` events reach
 * the document, and the document reloads a clean buffer through the editor.
 */
export function useDiskSync(client: Pick<Client, 'on'>, document: ReviewDocument | null, editor: RefObject<EditorHandle | null>): void {
  useEffect(() => document?.onReplace((text) => editor.current?.replaceText(text)), [document, editor]);
  useEffect(
    () =>
      client.on('review.changedOnDisk', (change) => {
        if (document && change.path === document.path) void document.diskChanged(change);
      }),
    [client, document],
  );
}
