import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HostError } from '../contract';
import type { PublishConnection } from '../publish/contract-types';
import { parseGhostAdminKey } from '../publish/ghost-token';
import { normaliseSiteUrl } from '../publish/site-url';
import { isPublishTarget, publishTargetLabels, type PublishTarget, type SiteCredentials } from '../publish/types';
import { writeFileAtomic } from './atomic-write';
import { createSessionSecrets, type SecretStore } from './lookup-secrets';

interface StoredConnection {
  target: PublishTarget;
  site: string;
  user?: string;
}

export interface SaveConnection {
  target: PublishTarget;
  site: string;
  user?: string;
  /** The application password or Admin API key; absent keeps the one stored. */
  secret?: string;
}

export const connectionsFile = 'publish-connections.json';

export function connectionId(target: PublishTarget, site: string): string {
  return `${target}:${site}`;
}

/** An application password as WordPress makes it: 24 letters and digits, often shown in groups of four. */
export function checkAppPassword(password: string): string {
  const compact = password.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9]{24}$/.test(compact)) {
    throw new HostError(
      'invalid-args',
      'That is not an application password. WordPress makes one under Users › Profile › Application Passwords: 24 letters and digits, shown in groups of four. Your login password does not work for publishing.',
    );
  }
  return compact;
}

/**
 * The sites the critic publishes to. Addresses and user names are kept in user data
 * (`publish-connections.json`); passwords and keys only in the host's secret store (the OS
 * keychain in the desktop app), never in a library, a log, or an answer to the renderer. Where
 * the keychain cannot keep a secret, it is kept for this run only, and the connection says so.
 */
export class ConnectionStore {
  private readonly file: string;
  private readonly fallback = createSessionSecrets();
  private readonly inFallback = new Set<string>();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    userDataDir: string,
    private readonly secrets: SecretStore,
  ) {
    this.file = join(userDataDir, connectionsFile);
  }

  private async load(): Promise<StoredConnection[]> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(this.file, 'utf8'));
    } catch {
      return [];
    }
    const list = (parsed as { connections?: unknown })?.connections;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (c): c is StoredConnection =>
        typeof c === 'object' && c !== null && isPublishTarget(c.target) && typeof c.site === 'string' && (c.user === undefined || typeof c.user === 'string'),
    );
  }

  private store(change: (list: StoredConnection[]) => StoredConnection[]): Promise<void> {
    const next = this.writes.then(async () => {
      const list = change(await this.load());
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify({ connections: list }, null, 2)}\n`);
    });
    this.writes = next.catch(() => {});
    return next;
  }

  private secretName(id: string): string {
    return `publish:${id}`;
  }

  private async secretOf(id: string): Promise<{ value: string; where: 'keychain' | 'session' } | null> {
    const fallback = this.inFallback.has(id) ? await this.fallback.get(this.secretName(id)) : null;
    if (fallback) return { value: fallback, where: 'session' };
    const stored = await this.secrets.get(this.secretName(id));
    return stored ? { value: stored, where: this.secrets.persistent ? 'keychain' : 'session' } : null;
  }

  private async view(c: StoredConnection): Promise<PublishConnection> {
    const id = connectionId(c.target, c.site);
    const secret = await this.secretOf(id);
    return { id, target: c.target, site: c.site, user: c.user ?? null, credentials: secret?.where ?? 'missing' };
  }

  async list(): Promise<PublishConnection[]> {
    await this.writes;
    return Promise.all((await this.load()).map((c) => this.view(c)));
  }

  /** Adds a site or changes one (same platform and address); checks the secret's form first. */
  async save(input: SaveConnection): Promise<PublishConnection> {
    const site = normaliseSiteUrl(input.site);
    const user = input.user?.trim();
    if (input.target === 'wordpress' && !user) throw new HostError('invalid-args', 'Type the WordPress user name the application password belongs to.');
    const id = connectionId(input.target, site);
    let secret: string | undefined;
    if (input.secret !== undefined && input.secret.trim() !== '') {
      secret = input.target === 'wordpress' ? checkAppPassword(input.secret) : (parseGhostAdminKey(input.secret), input.secret.trim());
    }
    const entry: StoredConnection = input.target === 'wordpress' ? { target: input.target, site, user } : { target: input.target, site };
    if (secret !== undefined) await this.keepSecret(id, secret);
    await this.store((list) => [...list.filter((c) => connectionId(c.target, c.site) !== id), entry]);
    return this.view(entry);
  }

  private async keepSecret(id: string, secret: string): Promise<void> {
    try {
      await this.secrets.set(this.secretName(id), secret);
      this.inFallback.delete(id);
      await this.fallback.delete(this.secretName(id));
    } catch (error) {
      // No usable keychain (Linux without a secret service): kept for this run, never written in clear.
      if (!(error instanceof HostError && error.code === 'unsupported')) throw error;
      await this.fallback.set(this.secretName(id), secret);
      this.inFallback.add(id);
    }
  }

  async remove(id: string): Promise<void> {
    await this.store((list) => list.filter((c) => connectionId(c.target, c.site) !== id));
    await this.secrets.delete(this.secretName(id));
    await this.fallback.delete(this.secretName(id));
    this.inFallback.delete(id);
  }

  /** A connection and its credentials, for a publish or a test in the host; never for the renderer. */
  async open(id: string): Promise<{ connection: PublishConnection; credentials: SiteCredentials }> {
    await this.writes;
    const stored = (await this.load()).find((c) => connectionId(c.target, c.site) === id);
    if (!stored) throw new HostError('not-found', 'That site is no longer among the connections. Add it again in Connections.');
    const connection = await this.view(stored);
    const secret = await this.secretOf(id);
    if (!secret) {
      const what = stored.target === 'wordpress' ? 'application password' : 'Admin API key';
      throw new HostError('auth', `Intertitle has no ${what} for ${publishTargetLabels[stored.target]} at ${stored.site} (the browser host keeps it only until it stops). Type it in Connections.`);
    }
    const credentials: SiteCredentials =
      stored.target === 'wordpress' ? { target: 'wordpress', user: stored.user ?? '', appPassword: secret.value } : { target: 'ghost', adminKey: secret.value };
    return { connection, credentials };
  }
}
