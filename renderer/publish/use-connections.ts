import { useCallback, useEffect, useState } from 'react';
import { HostError, type Client, type PublishConnection } from '../../src/contract';

export interface ConnectionsState {
  connections: PublishConnection[] | null;
  /** Why the list could not be read. */
  error: string | null;
  refresh: () => Promise<void>;
}

/** The host's list of sites (never their secrets), read when `active` turns on. */
export function useConnections(client: Client, active: boolean): ConnectionsState {
  const [connections, setConnections] = useState<PublishConnection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setConnections(await client.call('publish.connections', {}));
      setError(null);
    } catch (e) {
      setError(messageOf(e, 'read the connections'));
    }
  }, [client]);
  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);
  return { connections, error, refresh };
}

/** An error as the sentence the critic reads: the host's own for expected failures. */
export function messageOf(error: unknown, doing: string): string {
  if (error instanceof HostError) return error.message;
  console.error(`[intertitle] bug while trying to ${doing}:`, error);
  return `Intertitle could not ${doing}: ${(error as Error)?.message ?? String(error)}`;
}
