import { createRequire } from 'node:module';
import { createSanitizer, type Sanitize } from '../markdown/sanitize';

/**
 * The slice of jsdom we use, typed here on purpose: importing jsdom's own types would pull the DOM
 * lib into the whole `src/node` program and hide DOM globals used there by mistake.
 */
interface Jsdom {
  JSDOM: new (html: string) => { window: unknown };
}

let cached: Sanitize | undefined;

/** The preview's sanitiser for Node (the CLI, exporters, tests): DOMPurify over one jsdom window. */
export function createNodeSanitizer(): Sanitize {
  if (!cached) {
    // The Electron main bundle is CommonJS, where import.meta is empty and __filename is set.
    const { JSDOM } = createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('jsdom') as Jsdom;
    cached = createSanitizer(new JSDOM('').window);
  }
  return cached;
}
