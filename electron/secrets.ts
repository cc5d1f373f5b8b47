import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HostError } from '../src/contract/envelope';
import { writeFileAtomic } from '../src/node/atomic-write';
import type { SecretStore } from '../src/node/lookup-secrets';

/** The part of Electron's `safeStorage` the store uses (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretsOptions {
  /** The file holding the encrypted secrets (`<userData>/secrets.json`). */
  file: string;
  safeStorage: SafeStorageLike;
  platform?: NodeJS.Platform;
  /** A stored secret that no longer decrypts (a new keychain) is reported here and reads as absent. */
  onError?: (error: unknown) => void;
}

const noKeychain =
  'This computer offers Intertitle no keychain to keep the TMDb token safe in. Start Intertitle with INTERTITLE_TMDB_TOKEN set instead.';

/**
 * Secrets encrypted by the OS keychain through Electron's safeStorage (DESIGN §4: secrets live in
 * the keychain, never in a library or a log). The file holds only ciphertext, base64 per name.
 * Where safeStorage would fall back to a fixed key (Linux without a secret service), storing is
 * refused rather than pretending to protect the token.
 */
export function createSafeStorageSecrets(options: SecretsOptions): SecretStore {
  const platform = options.platform ?? process.platform;
  let writes: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(options.file, 'utf8'));
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.onError?.(error);
      return {};
    }
  }

  function usable(): boolean {
    if (!options.safeStorage.isEncryptionAvailable()) return false;
    return !(platform === 'linux' && options.safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  }

  /** Read-modify-write, one at a time, so two quick changes cannot lose each other. */
  function update(change: (secrets: Record<string, string>) => void): Promise<void> {
    const next = writes.then(async () => {
      const secrets = await load();
      change(secrets);
      await mkdir(path.dirname(options.file), { recursive: true });
      // Created readable by the critic alone; the atomic write keeps that mode.
      await writeFile(options.file, '{}\n', { flag: 'wx', mode: 0o600 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      await writeFileAtomic(options.file, `${JSON.stringify(secrets, null, 2)}\n`);
    });
    writes = next.catch(() => {});
    return next;
  }

  return {
    persistent: true,
    async get(name) {
      await writes;
      const stored = (await load())[name];
      if (typeof stored !== 'string' || !usable()) return null;
      try {
        return options.safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch (error) {
        options.onError?.(error);
        return null;
      }
    },
    async set(name, value) {
      if (!usable()) throw new HostError('unsupported', noKeychain);
      const encrypted = options.safeStorage.encryptString(value).toString('base64');
      await update((secrets) => {
        secrets[name] = encrypted;
      });
    },
    async delete(name) {
      await update((secrets) => {
        delete secrets[name];
      });
    },
  };
}
