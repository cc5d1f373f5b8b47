import { createClient } from '../src/contract/client';
import { createPrefetcher, prefetchStart } from './host/prefetch';
import { pickTransport } from './host/transports';

// main.tsx imports this module first, so it runs before the rest of the app's code is evaluated:
// the start's requests are under way while the app loads and renders (docs/performance.md).
const prefetcher = createPrefetcher(createClient(pickTransport()));
prefetchStart(prefetcher);

/** The app's one client of its host. */
export const client = prefetcher.client;
