import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../src/contract/envelope';
import { createSafeStorageSecrets, type SafeStorageLike } from '../../electron/secrets';
import { tempDir } from '../helpers/temp';

/** safeStorage as Electron documents it: opaque bytes out, the string back; a fake key here. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike & { key: number } {
  const fake = {
    key: 7,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ fake.key)),
    decryptString: (bytes: Buffer) => {
      if (fake.key !== 7) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from([...bytes].map((b) => b ^ fake.key)).toString('utf8');
    },
  };
  return fake;
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('intertitle-secrets-'));
});
afterEach(() => cleanup());

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ0ZXN0In0.c2lnbmF0dXJl';

describe('secrets kept with Electron safeStorage', () => {
  it('stores only ciphertext, readable by the critic alone, and reads it back after a restart', async () => {
    const file = join(dir, 'user-data', 'secrets.json');
    await createSafeStorageSecrets({ file, safeStorage: fakeSafeStorage(), platform: 'darwin' }).set('tmdb.readAccessToken', token);
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain(token);
    expect(onDisk).not.toContain('eyJ');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const restarted = createSafeStorageSecrets({ file, safeStorage: fakeSafeStorage(), platform: 'darwin' });
    expect(await restarted.get('tmdb.readAccessToken')).toBe(token);
    expect(restarted.persistent).toBe(true);
    await restarted.delete('tmdb.readAccessToken');
    expect(await restarted.get('tmdb.readAccessToken')).toBeNull();
  });

  it.each([
    ['no keychain at all', false, 'gnome_libsecret', 'linux'],
    ['Linux without a secret service (a fixed key)', true, 'basic_text', 'linux'],
  ] as const)('refuses to store where there is %s, and says what to do instead', async (_name, available, backend, platform) => {
    const secrets = createSafeStorageSecrets({ file: join(dir, 'secrets.json'), safeStorage: fakeSafeStorage(available, backend), platform });
    const error = await secrets.set('tmdb.readAccessToken', token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('unsupported');
    expect((error as HostError).message).toMatch(/INTERTITLE_TMDB_TOKEN/);
  });

  it('a secret that no longer decrypts (a new keychain) reads as absent and is reported', async () => {
    const file = join(dir, 'secrets.json');
    const storage = fakeSafeStorage();
    const errors: unknown[] = [];
    const secrets = createSafeStorageSecrets({ file, safeStorage: storage, platform: 'win32', onError: (e) => errors.push(e) });
    await secrets.set('a', 'one');
    storage.key = 9;
    expect(await secrets.get('a')).toBeNull();
    expect(errors).toHaveLength(1);
  });

  it('two quick changes both land', async () => {
    const secrets = createSafeStorageSecrets({ file: join(dir, 'secrets.json'), safeStorage: fakeSafeStorage(), platform: 'darwin' });
    await Promise.all([secrets.set('a', 'one'), secrets.set('b', 'two')]);
    expect([await secrets.get('a'), await secrets.get('b')]).toEqual(['one', 'two']);
  });
});
