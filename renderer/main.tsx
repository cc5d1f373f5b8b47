// First: starts the app's first requests before anything else is evaluated.
import { client } from './boot';
import './styles.css';

// The app's code is a chunk of its own: the browser fetches and compiles it while the main thread
// is free to take the host's first answers (and ask for the review), instead of after it.
import('./start')
  .then(({ start }) => start(client))
  .catch((error: unknown) => {
    document.body.textContent = `Intertitle could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
