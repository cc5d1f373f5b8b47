import { createRoot } from 'react-dom/client';
import type { Client } from '../src/contract';
import { createSanitizer } from '../src/markdown/sanitize';
import { App } from './App';

/** Renders the app into the page (main.tsx loads this module as the app's own chunk). */
export function start(client: Client): void {
  const sanitize = createSanitizer(window);
  createRoot(document.getElementById('root')!).render(<App client={client} sanitize={sanitize} />);
}
