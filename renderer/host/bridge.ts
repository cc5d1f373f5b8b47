import type { Envelope, HostEvent } from '../../src/contract';

/** What the Electron preload exposes as `window.intertitle` (and nothing more). */
export interface PreloadBridge {
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (event: HostEvent) => void): () => void;
  stillBase: string;
}

declare global {
  interface Window {
    intertitle?: PreloadBridge;
  }
}
