import { useEffect, type RefObject } from 'react';
import type { EditorHandle } from '../editor/EditorPane';
import type { PreviewHandle } from './PreviewPane';

/**
 * Keeps the preview scrolled to the part of the review the editor shows, and the editor to the
 * preview when the critic scrolls the preview. A scroll we caused on one side is not echoed back.
 */
export function useScrollSync(
  editor: RefObject<EditorHandle | null>,
  preview: RefObject<PreviewHandle | null>,
  deps: unknown[],
): void {
  useEffect(() => {
    const e = editor.current;
    const p = preview.current;
    if (!e || !p) return;
    let ignoreEditorUntil = 0;
    let ignorePreviewUntil = 0;
    let frame = 0;
    const schedule = (work: () => void) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(work);
    };
    const offEditor = e.onScroll(() => {
      if (performance.now() < ignoreEditorUntil) return;
      schedule(() => {
        ignorePreviewUntil = performance.now() + 120;
        p.scrollToLine(e.topLine());
      });
    });
    const offPreview = p.onScroll(() => {
      if (performance.now() < ignorePreviewUntil) return;
      schedule(() => {
        ignoreEditorUntil = performance.now() + 120;
        e.scrollToLine(p.topLine());
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      offEditor();
      offPreview();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
