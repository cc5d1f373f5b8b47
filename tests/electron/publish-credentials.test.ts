import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type Envelope } from '../../src/contract';
import { app, resetElectronFake, safeStorage } from '../mocks/electron';

// The desktop app with its REAL host: publishing credentials go through electron/main.ts's
// safeStorage store (electron/secrets.ts), here over the fake electron module's safeStorage.
const { startApp } = await import('../../electron/main');

const password = 'abcd EFGH ijkl MNOP qrst UVWX';
const compact = password.replace(/\s/g, '');

let tmp: string;
let hosts: Array<{ close(): Promise<void> }>;

beforeEach(async () => {
  resetElectronFake();
  hosts = [];
  tmp = await mkdtemp(path.join(tmpdir(), 'intertitle-publish-keychain-'));
  await mkdir(path.join(tmp, 'Documents'));
  app.paths = { userData: path.join(tmp, 'user-data'), documents: path.join(tmp, 'Documents'), home: tmp };
  app.appPath = path.join(tmp, 'app');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  for (const host of hosts) await host.close();
  vi.restoreAllMocks();
  await rm(tmp, { recursive: true, force: true });
});

async function start() {
  const running = await startApp({ args: [] });
  if (!running) throw new Error('startApp returned null');
  hosts.push(running.host);
  return async <T>(name: string, args: unknown): Promise<T> => {
    const envelope = (await dispatch(running.host.handlers, name, args, { via: 'direct' })) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value;
  };
}

const userData = (file: string) => readFile(path.join(tmp, 'user-data', file), 'utf8');

describe('publishing credentials in the desktop app', () => {
  it('keeps the password in safeStorage (only ciphertext on disk), the address apart, and never answers it to the renderer', async () => {
    const call = await start();
    const saved = await call<{ id: string; credentials: string }>('publish.connection.save', { target: 'wordpress', site: 'blog.example.org', user: 'critic', secret: password });
    expect(saved).toMatchObject({ id: 'wordpress:https://blog.example.org', credentials: 'keychain' });

    const secrets = JSON.parse(await userData('secrets.json')) as Record<string, string>;
    const stored = secrets[`publish:${saved.id}`]!;
    expect(safeStorage.decryptString(Buffer.from(stored, 'base64'))).toBe(compact);
    const connections = await userData('publish-connections.json');
    expect(JSON.parse(connections)).toEqual({ connections: [{ target: 'wordpress', site: 'https://blog.example.org', user: 'critic' }] });
    for (const text of [JSON.stringify(secrets), connections, JSON.stringify(await call('publish.connections', {}))]) {
      expect(text).not.toContain(compact);
      expect(text).not.toContain('abcd EFGH');
    }

    // A restart finds it in the keychain again.
    await hosts.pop()!.close();
    resetElectronFake();
    app.paths = { userData: path.join(tmp, 'user-data'), documents: path.join(tmp, 'Documents'), home: tmp };
    const again = await start();
    expect(await again('publish.connections', {})).toEqual([{ id: saved.id, target: 'wordpress', site: 'https://blog.example.org', user: 'critic', credentials: 'keychain' }]);

    await again('publish.connection.remove', { id: saved.id });
    expect(JSON.parse(await userData('secrets.json'))).toEqual({});
  });

  it('where safeStorage would use a fixed key (Linux without a secret service), keeps the key for this run only and says so', async () => {
    safeStorage.backend = 'basic_text';
    const call = await start();
    const key = `6489c0ffee0123456789abcd:${'ab'.repeat(32)}`;
    const saved = await call<{ credentials: string }>('publish.connection.save', { target: 'ghost', site: 'https://critic.ghost.io', secret: key });
    expect(saved.credentials).toBe('session');
    const onDisk = await userData('secrets.json').catch(() => '');
    expect(onDisk).not.toContain('ab'.repeat(32));
    expect(onDisk).not.toContain(Buffer.from(safeStorage.encryptString(key)).toString('base64'));
  });
});
