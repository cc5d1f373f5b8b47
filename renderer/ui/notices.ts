import { useSyncExternalStore } from 'react';
import { HostError } from '../../src/contract';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

export function notify(message: string, kind: Notice['kind'] = 'info', timeoutMs = kind === 'info' ? 5000 : 0): void {
  // The same message twice in a row is shown once.
  if (notices.some((n) => n.message === message)) return;
  const notice = { id: nextId++, kind, message };
  notices = [...notices, notice].slice(-4);
  emit();
  if (timeoutMs > 0) setTimeout(() => dismissNotice(notice.id), timeoutMs);
}

/**
 * The one error reporter: an expected failure (HostError) is shown as its sentence; anything
 * else is a bug, logged in full and shown briefly. Nothing is swallowed silently.
 */
export function reportError(error: unknown, doing?: string): void {
  if (error instanceof HostError) {
    notify(error.message, 'error');
    return;
  }
  console.error(`[intertitle] bug${doing ? ` while ${doing}` : ''}:`, error);
  notify(`Something went wrong${doing ? ` while ${doing}` : ''}: ${(error as Error)?.message ?? String(error)}`, 'error');
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => notices,
  );
}
