import { encodeLibraryPath } from '../../src/library/paths';
// From the modules themselves, not the contract's index: that would bring the request table's
// schemas (zod) into the first chunk the page runs (renderer/boot.ts).
import type { Transport } from '../../src/contract/client';
import { isEnvelope } from '../../src/contract/envelope';
import { isHostEvent, type HostEvent } from '../../src/contract/events';
import type { PreloadBridge } from './bridge';

/** Electron: everything goes through the preload's one curated object. */
export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (name, args) => bridge.call(name, args),
    subscribe: (listener) => bridge.subscribe(listener),
    assetUrl: (libraryPath) => `${bridge.stillBase}${encodeLibraryPath(libraryPath)}`,
  };
}

/**
 * The browser host: `POST /api/<name>` and server-sent events. The per-run token travels in an
 * HttpOnly cookie the host set when the printed URL was opened.
 */
export function httpTransport(base = ''): Transport {
  const listeners = new Set<(event: HostEvent) => void>();
  let source: EventSource | null = null;

  function connect(): void {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (message) => {
      let event: unknown;
      try {
        event = JSON.parse(message.data as string);
      } catch {
        return;
      }
      if (isHostEvent(event)) for (const listener of listeners) listener(event);
    };
  }

  return {
    async invoke(name, args) {
      const response = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(args ?? {}),
      });
      const text = await response.text().catch(() => '');
      try {
        const envelope: unknown = JSON.parse(text);
        if (isEnvelope(envelope)) return envelope;
      } catch {
        // Not JSON: described below.
      }
      return {
        ok: false,
        error: { code: response.status === 403 ? 'auth' : 'network', message: text || `The host answered ${response.status}.` },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    assetUrl: (libraryPath) => `${base}/stills/${encodeLibraryPath(libraryPath)}`,
  };
}

/** The renderer picks its transport once, at start; nothing else knows which host it has. */
export function pickTransport(): Transport {
  return window.intertitle ? ipcTransport(window.intertitle) : httpTransport();
}
