import { useEffect, useRef } from 'react';
import { commandForKey } from '../commands';

/**
 * Publish is Mod-Shift-U. CodeMirror binds the same keys on macOS (redo selection) and would take
 * them first in the editor, so this listens in the capture phase and lets the app's command win,
 * as the command registry promises.
 */
export function usePublishShortcut(run: () => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || commandForKey(event) !== 'review.publish') return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
