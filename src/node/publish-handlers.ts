import type { Handlers, HostEvent, LibraryInfo } from '../contract';
import type { LibraryService } from './library/service';
import type { SecretStore } from './lookup-secrets';
import { ConnectionStore } from './publish-connections';
import { publishReview, testConnection, type NetworkOptions } from './publish-service';

export type PublishHandlers = Pick<
  Handlers,
  'publish.connections' | 'publish.connection.save' | 'publish.connection.remove' | 'publish.connection.test' | 'publish.run'
>;

export interface PublishHostOptions extends NetworkOptions {
  userDataDir: string;
  version: string;
  secrets: SecretStore;
  emit: (event: HostEvent) => void;
  /** The open library (throws when none is). */
  library: () => LibraryInfo;
  /** Its service, which must know the record written into a review is Intertitle's own write. */
  service: () => LibraryService | null;
}

/** The publishing requests of both hosts (docs/publishing.md). */
export function createPublishHandlers(options: PublishHostOptions): PublishHandlers {
  const connections = new ConnectionStore(options.userDataDir, options.secrets);
  const network: NetworkOptions = { fetch: options.fetch, timeoutMs: options.timeoutMs, now: options.now };
  return {
    'publish.connections': () => connections.list(),
    'publish.connection.save': (args) => connections.save(args),
    'publish.connection.remove': async ({ id }) => {
      await connections.remove(id);
      return null;
    },
    'publish.connection.test': async ({ id }) => {
      const { connection, credentials } = await connections.open(id);
      return testConnection({ ...network, site: connection.site, credentials, version: options.version });
    },
    'publish.run': async ({ path, connection: id, force }) => {
      const library = options.library();
      const { connection, credentials } = await connections.open(id);
      return publishReview({
        ...network,
        root: library.root,
        path,
        service: options.service(),
        target: connection.target,
        site: connection.site,
        credentials,
        force,
        version: options.version,
        progress: (progress) => options.emit({ name: 'publish.progress', payload: { path, target: connection.target, ...progress } }),
      });
    },
  };
}
