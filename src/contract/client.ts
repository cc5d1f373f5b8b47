import { HostError, isEnvelope, type Envelope } from './envelope';
import type { EventMap, EventName, HostEvent } from './events';
import { resolveAssetPath } from '../library/paths';
import type { ArgsOf, RequestName, ResultOf } from './requests';

/** How a renderer reaches its host. The Electron preload and the HTTP host each provide one. */
export interface Transport {
  invoke(name: string, args: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (event: HostEvent) => void): () => void;
  /** The URL the renderer loads a library file from (stills), given its library path. */
  assetUrl(libraryPath: string): string;
}

export interface Client {
  /** Calls the host; resolves with the value or rejects with a HostError carrying the code. */
  call<N extends RequestName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  /**
   * The URL of an image a review refers to (`stills/a.jpg`), served by the host from the
   * library; null for references outside the library (remote URLs, absolute paths).
   */
  assetUrl(reviewPath: string, src: string): string | null;
}

export function createClient(transport: Transport): Client {
  return {
    async call(name, args) {
      let envelope: unknown;
      try {
        envelope = await transport.invoke(name, args);
      } catch (error) {
        throw new HostError('network', `Intertitle lost contact with its host (${String((error as Error)?.message ?? error)}).`);
      }
      if (!isEnvelope(envelope)) throw new HostError('internal', `The host answered ${name} with something unexpected.`);
      if (envelope.ok) return envelope.value as never;
      throw new HostError(envelope.error.code, envelope.error.message, envelope.error.details);
    },
    on(name, listener) {
      return transport.subscribe((event) => {
        if (event.name === name) listener(event.payload as EventMap[typeof name]);
      });
    },
    assetUrl(reviewPath, src) {
      const libraryPath = resolveAssetPath(reviewPath, src);
      return libraryPath === null ? null : transport.assetUrl(libraryPath);
    },
  };
}
