import type { LookupPorts, ResponseCache } from '../../src/metadata/ports';

/** An in-memory cache that counts what it is asked. */
export class MemoryCache implements ResponseCache {
  readonly values = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return this.values.get(key);
  }
  async set(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

/** The ports the Node hosts give the providers: real fetch and AbortSignal.timeout. */
export function nodePorts(overrides: Partial<LookupPorts> = {}): LookupPorts {
  return {
    fetch: (url, init) => fetch(url, init as RequestInit),
    timeoutSignal: (ms) => AbortSignal.timeout(ms),
    now: Date.now,
    userAgent: 'Intertitle/test (https://intertitle.example; lookup@intertitle.example)',
    timeoutMs: 2000,
    ...overrides,
  };
}
