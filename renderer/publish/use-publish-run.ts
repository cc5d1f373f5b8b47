import { useCallback, useRef, useState } from 'react';
import { HostError, type Client, type PublishProgressEvent, type PublishResult } from '../../src/contract';
import { messageOf } from './use-connections';

export type PublishRunState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: PublishProgressEvent | null; steps: string[] }
  | { kind: 'done'; result: PublishResult; steps: string[] }
  /** The post changed on the site (or the review names another site): publish only if the critic says so. */
  | { kind: 'confirm'; message: string; connection: string; steps: string[] }
  | { kind: 'failed'; message: string; steps: string[] };

interface Options {
  client: Client;
  path: string | null;
  /** Saves the open review first; false when it could not be saved. */
  save: () => Promise<boolean>;
  /** The host wrote into the review (the record): the editor takes the new text. */
  reload: () => Promise<void>;
}

/**
 * One publish from the dialog: saves the review, asks the host to publish it, follows its
 * `publish.progress` events, and turns a "changed on the site" conflict into a question.
 */
export function usePublishRun({ client, path, save, reload }: Options) {
  const [state, setState] = useState<PublishRunState>({ kind: 'idle' });
  const running = useRef(false);

  const run = useCallback(
    async (connection: string, force = false) => {
      if (!path || running.current) return;
      running.current = true;
      const steps: string[] = [];
      setState({ kind: 'running', progress: null, steps });
      const off = client.on('publish.progress', (progress) => {
        if (progress.path !== path) return;
        steps.push(progress.message);
        setState({ kind: 'running', progress, steps: [...steps] });
      });
      let final: PublishRunState;
      try {
        if (!(await save())) {
          final = { kind: 'failed', message: 'The latest changes could not be saved, so nothing was published. Your text is still here.', steps };
        } else {
          const result = await client.call('publish.run', { path, connection, ...(force ? { force } : {}) });
          final = { kind: 'done', result, steps: [...steps] };
        }
      } catch (error) {
        const reason = error instanceof HostError ? (error.details as { reason?: string } | undefined)?.reason : undefined;
        final =
          error instanceof HostError && error.code === 'conflict' && (reason === 'changed-on-site' || reason === 'other-site')
            ? { kind: 'confirm', message: error.message, connection, steps: [...steps] }
            : { kind: 'failed', message: messageOf(error, 'publish'), steps: [...steps] };
      } finally {
        off();
      }
      // Whatever happened, the host may have recorded uploads in the review: the editor takes
      // that version before the outcome shows, so what the dialog says matches the text.
      await reload().catch((error: unknown) => console.error('[intertitle] bug while reloading after publishing:', error));
      running.current = false;
      setState(final);
    },
    [client, path, save, reload],
  );

  const reset = useCallback(() => {
    if (!running.current) setState({ kind: 'idle' });
  }, []);

  return { state, run, reset };
}
