import type { Handlers } from '../contract';
import { LookupService } from './lookup-service';
import { createSessionSecrets, type SecretStore } from './lookup-secrets';

export type LookupHandlers = Pick<Handlers, 'film.search' | 'film.details' | 'settings.tmdbToken.set' | 'settings.status'>;

export interface LookupHostOptions {
  userDataDir: string;
  version: string;
  /** Electron's safeStorage-backed store; the browser host keeps a typed token for this run only. */
  secrets?: SecretStore;
  bugSink?: (error: unknown, where: string) => void;
}

/** The film-lookup requests of both hosts (docs/lookup.md). */
export function createLookupHandlers(options: LookupHostOptions): LookupHandlers {
  const service = new LookupService({
    userDataDir: options.userDataDir,
    version: options.version,
    secrets: options.secrets ?? createSessionSecrets(),
    onCacheError: (error) => options.bugSink?.(error, 'lookup cache'),
  });
  // Answers older than the terms allow are deleted at start, not only when read again.
  service.cache.prune().catch((error: unknown) => options.bugSink?.(error, 'lookup cache prune'));
  return {
    'film.search': (args) => service.search(args),
    'film.details': (args) => service.details(args),
    'settings.tmdbToken.set': ({ token }) => service.setTmdbToken(token),
    'settings.status': () => service.status(),
  };
}
