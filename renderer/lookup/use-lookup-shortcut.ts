import { useEffect, useRef } from 'react';
import { commandForKey } from '../commands';

/**
 * Look Up Film is Mod-L. CodeMirror's default keymap also binds Mod-L (select line) and would
 * take the key first when the editor has focus, so this listens in the capture phase and lets the
 * app's command win, as the command registry promises.
 */
export function useLookupShortcut(run: () => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || commandForKey(event) !== 'film.lookup') return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
