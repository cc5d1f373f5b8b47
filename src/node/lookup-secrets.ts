/**
 * Where a host keeps secrets such as the TMDb token: Electron main passes one backed by
 * `safeStorage` (electron/secrets.ts); the browser host and the CLI keep a token the critic
 * types for the current run only, and read `INTERTITLE_TMDB_TOKEN` from the environment.
 * Secrets never go into a library, a log, or the renderer.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Kept across restarts (the OS keychain), not just for this run. */
  readonly persistent: boolean;
}

/** Secrets held in memory until the process ends. */
export function createSessionSecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    persistent: false,
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
  };
}

export const tmdbTokenSecret = 'tmdb.readAccessToken';
export const tmdbTokenEnv = 'INTERTITLE_TMDB_TOKEN';
