import { useCallback, useRef, useState, type RefObject } from 'react';
import { editFrontMatter, type FrontMatterEdit } from '../../src/review/front-matter-edit';
import type { EditorHandle } from '../editor/EditorPane';
import { notify } from '../ui/notices';
import { emptyView, readView, type FrontMatterView } from './sidebar-model';

/** Marks the sidebar's transactions, so history and listeners can tell them from typing. */
export const sidebarUserEvent = 'input.sidebar';

/**
 * The sidebar's side of the two-way link. The editor's settled text comes in through
 * `onTextSettled` (the same text the preview gets) and is read here, front matter only; an edit
 * goes out to the editor as one transaction computed from the editor's current text, so it
 * lands on the right lines even if the settled text is a keystroke behind.
 */
export function useFrontMatter(editor: RefObject<EditorHandle | null>, documentPath: string | null) {
  const [view, setView] = useState<FrontMatterView>(emptyView);
  const viewRef = useRef(view);
  viewRef.current = view;
  const pathRef = useRef(documentPath);
  pathRef.current = documentPath;

  const onTextSettled = useCallback((path: string | null, text: string) => {
    setView((previous) => readView(path, text, previous));
  }, []);

  const edit = useCallback(
    (change: FrontMatterEdit, forPath: string | null): string | null => {
      const handle = editor.current;
      const path = pathRef.current;
      // Never send an edit meant for one review into another (the editor may have switched).
      if (!handle || path === null || forPath !== path || viewRef.current.path !== path) return 'That review is no longer open.';
      let failure: string | null = null;
      const text = handle.dispatchChanges((current) => {
        const result = editFrontMatter(current, change);
        if (result.ok) return result.changes;
        failure = result.message;
        return null;
      }, sidebarUserEvent);
      // Show the edit at once rather than after the editor's settle delay, so a second quick
      // edit (another click on "Move up") works on what the critic sees.
      if (text !== null) setView((previous) => readView(path, text, previous));
      if (failure) notify(failure, 'error');
      return failure;
    },
    [editor],
  );

  return { view, onTextSettled, edit };
}
