import type { LibraryInfo, Revision } from './types';

/** Events the host sends to the renderer. Payloads are plain JSON. */
export interface EventMap {
  /** The library's contents changed (a review created, the library switched). */
  'library.changed': { library: LibraryInfo; reason: 'opened' | 'created' | 'changed' };
  /** A review changed on disk by another program. */
  'review.changedOnDisk': { path: string; revision: Revision | null };
  /** A command chosen from the host's menu; ids come from the renderer's command registry. */
  'menu.command': { id: string };
  /** The host wants to close: the renderer saves, then answers with `app.readyToClose`. */
  'app.closeRequested': Record<string, never>;
}

export type EventName = keyof EventMap;

export type HostEvent = { [N in EventName]: { name: N; payload: EventMap[N] } }[EventName];

export const eventNames: readonly EventName[] = [
  'library.changed',
  'review.changedOnDisk',
  'menu.command',
  'app.closeRequested',
];

export function isHostEvent(value: unknown): value is HostEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (eventNames as readonly unknown[]).includes(v.name) && typeof v.payload === 'object' && v.payload !== null;
}
