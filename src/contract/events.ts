import type { IndexProgress, LibraryInfo, Revision } from './types';
import type { PublishProgressEvent } from './types';

/** Events the host sends to the renderer. Payloads are plain JSON. */
export interface EventMap {
  /** The library's contents changed (a review created, the library switched). */
  'library.changed': { library: LibraryInfo; reason: 'opened' | 'created' | 'changed' };
  /**
   * A review changed on disk by another program (never for Intertitle's own writes); revision
   * null when it was deleted, with `renamedTo` when it was moved inside the library.
   */
  'review.changedOnDisk': { path: string; revision: Revision | null; renamedTo?: string };
  /** Progress of the search index while it is built; done === total when search is complete. */
  'library.indexing': IndexProgress;
  /** A command chosen from the host's menu; ids come from the renderer's command registry. */
  'menu.command': { id: string };
  /** The host wants to close: the renderer saves, then answers with `app.readyToClose`. */
  'app.closeRequested': Record<string, never>;
  /** A step of a publish in progress (`publish.run`). */
  'publish.progress': PublishProgressEvent;
}

export type EventName = keyof EventMap;

export type HostEvent = { [N in EventName]: { name: N; payload: EventMap[N] } }[EventName];

export const eventNames: readonly EventName[] = [
  'library.changed',
  'review.changedOnDisk',
  'library.indexing',
  'menu.command',
  'app.closeRequested',
  'publish.progress',
];

export function isHostEvent(value: unknown): value is HostEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (eventNames as readonly unknown[]).includes(v.name) && typeof v.payload === 'object' && v.payload !== null;
}
