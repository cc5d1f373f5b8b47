import { useCallback, type MutableRefObject } from 'react';
import type { LibraryListing } from '../../src/contract';
import type { ReviewDocument } from '../document/review-document';

interface Options {
  documentRef: MutableRefObject<ReviewDocument | null>;
  setDocument: (document: ReviewDocument | null) => void;
  refresh: () => Promise<LibraryListing>;
  openReview: (path: string) => Promise<void>;
}

/**
 * What the app does around a rename or a trash from the library: the open review is saved
 * first (and stays put if it cannot be), and afterwards the editor follows it to its new name,
 * or moves on to another review when it went to the trash.
 */
export function useReviewMoves({ documentRef, setDocument, refresh, openReview }: Options) {
  const beforeMove = useCallback(
    async (path: string) => {
      const current = documentRef.current;
      if (current?.path !== path) return true;
      await current.flush();
      return !current.dirty;
    },
    [documentRef],
  );
  const onMoved = useCallback(
    async (from: string, to: string | null) => {
      const listing = await refresh();
      const current = documentRef.current;
      if (current?.path !== from) return;
      current.dispose();
      documentRef.current = null;
      setDocument(null);
      const next = to ?? listing.reviews[0]?.path;
      if (next) await openReview(next);
    },
    [documentRef, setDocument, refresh, openReview],
  );
  return { beforeMove, onMoved };
}
