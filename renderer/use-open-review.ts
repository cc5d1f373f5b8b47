import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client, LibraryListing, RecoveryEntry } from '../src/contract';
import { openDocument } from './document/open-document';
import type { ReviewDocument } from './document/review-document';
import { initialReview, lastReviewKey } from './host/prefetch';
import { useReviewMoves } from './library/use-review-moves';
import { createOpenQueue } from './open-queue';
import { notify } from './ui/notices';

interface Options {
  client: Client;
  /** The open library's folder: the review opened last is remembered per library. */
  libraryRoot: string | undefined;
  /** Lists the library again (after a switch, a rename or a trash). */
  refresh: () => Promise<LibraryListing>;
}

/**
 * Saves the open review before the editor leaves it. False, with a notice saying what stays,
 * when it could not be saved: then nothing moves and the critic's text is still there.
 */
async function savedBeforeLeaving(current: ReviewDocument, stays: string): Promise<boolean> {
  await current.flush();
  if (!current.dirty) return true;
  notify(`${current.path} could not be saved, so ${stays}. Your text is still here.`, 'error');
  return false;
}

/**
 * The review in the editor and every way of changing it: opening another one (in order, the
 * latest choice winning), restoring journaled text, opening a library's first review, switching
 * library, following a rename or a trash. The open review is always saved before it is left, and
 * stays open when it cannot be; it is also saved when the window is hidden or closed.
 */
export function useOpenReview({ client, libraryRoot, refresh }: Options) {
  const [document, setDocument] = useState<ReviewDocument | null>(null);
  // The ref is what async work reads: it changes at once, the state only at the next render.
  const documentRef = useRef<ReviewDocument | null>(null);
  const [inOrder] = useState(createOpenQueue);
  // The library a review is remembered in: set by openInitialReview as a switch lands, before
  // the new root reaches this hook as a prop (which would remember it under the old library).
  const rootRef = useRef(libraryRoot);
  useEffect(() => {
    rootRef.current = libraryRoot;
  }, [libraryRoot]);

  const openNow = useCallback(
    async (path: string, restore?: RecoveryEntry) => {
      const current = documentRef.current;
      if (current?.path === path && !restore) return;
      if (current && !(await savedBeforeLeaving(current, 'it stays open'))) return;
      const next = await openDocument(client, path, restore);
      current?.dispose();
      documentRef.current = next;
      setDocument(next);
      if (rootRef.current) localStorage.setItem(lastReviewKey(rootRef.current), path);
      if (next.readOnly) notify(next.readOnly, 'error');
      if (next.mixedLineBreaks) {
        notify(`${path} mixes Windows and Unix line breaks; Intertitle will save it with ${next.lineBreak === '\r\n' ? 'Windows' : 'Unix'} ones.`);
      }
    },
    [client],
  );

  /** Switches to another review (or restores journaled text), saving the current one first; never drops unsaved text. */
  const openReview = useCallback(
    (path: string, restore?: RecoveryEntry): Promise<void> => inOrder(() => openNow(path, restore)),
    [inOrder, openNow],
  );

  /** Opens the remembered review of a library, or its first one: the first screen is an editor. */
  const openInitialReview = useCallback(
    async (current: LibraryListing) => {
      rootRef.current = current.library.root;
      const remembered = localStorage.getItem(lastReviewKey(current.library.root));
      const path = initialReview(current, remembered);
      if (path) await openReview(path);
    },
    [openReview],
  );

  /** Opens another library; the open review is saved first and stays open if that fails. */
  const switchLibrary = useCallback(
    async (open: () => Promise<unknown>) => {
      const current = documentRef.current;
      if (current && !(await savedBeforeLeaving(current, 'Intertitle stays in this library'))) return;
      const opened = await open();
      if (opened === null) return; // the critic cancelled the folder picker
      current?.dispose();
      documentRef.current = null;
      setDocument(null);
      const next = await refresh();
      await openInitialReview(next);
    },
    [refresh, openInitialReview],
  );

  /** Saves the open review for a dialog that reads the file on disk; false when it could not be saved. */
  const saveOpenReview = useCallback(
    async () => (documentRef.current ? (await documentRef.current.flush(), !documentRef.current.dirty) : true),
    [],
  );

  const moves = useReviewMoves({ documentRef, setDocument, refresh, openReview });

  // Save when the window is hidden or closed (the browser host; Electron asks first).
  useEffect(() => {
    const onHide = () => {
      if (window.document.visibilityState === 'hidden') void documentRef.current?.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const current = documentRef.current;
      if (current?.dirty) {
        void current.flush();
        event.preventDefault();
      }
    };
    window.document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  return { document, documentRef, openReview, openInitialReview, switchLibrary, saveOpenReview, moves };
}
