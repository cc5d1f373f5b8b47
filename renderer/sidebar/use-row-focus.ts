import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';

/** A control in a row of a list, for putting focus back after the list changes. */
export interface RowFocus {
  row: number;
  control: string;
}

/**
 * Keeps keyboard focus with the item the critic is working on when a list is reordered or
 * shortened: the list asks for a control in a row, and focus moves there once the list has
 * re-rendered with the file's new state (or at once, when that row is already there).
 */
export function useRowFocus<T extends HTMLElement>() {
  const root = useRef<T>(null);
  const pending = useRef<RowFocus | null>(null);

  useLayoutEffect(() => {
    const want = pending.current;
    if (!want || !root.current) return;
    const row = root.current.querySelector(`[data-row="${want.row}"]`);
    const target =
      row?.querySelector<HTMLElement>(`[data-control="${want.control}"]:not(:disabled)`) ??
      row?.querySelector<HTMLElement>('input, button:not(:disabled)') ??
      root.current.querySelector<HTMLElement>('[data-control="add"]');
    if (target) {
      pending.current = null;
      target.focus();
    }
  });

  return {
    root,
    focusLater(row: number, control: string) {
      pending.current = { row, control };
    },
  };
}

/** Alt+ArrowUp / Alt+ArrowDown in a row: the direction to move it, or 0. */
export function moveKey(event: KeyboardEvent): -1 | 0 | 1 {
  if (!event.altKey || event.ctrlKey || event.metaKey) return 0;
  return event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
}
