import { useEffect, useRef, useState } from 'react';
import { HostError, type Client, type ExportPreview } from '../../src/contract';
import type { ExportTarget } from '../../src/export/targets';

export interface ExportPreviewState {
  preview: ExportPreview | null;
  loading: boolean;
  error: string | null;
  /** Set when the review could not be saved first, so the export shows the version on disk. */
  stale: boolean;
}

/**
 * The export of the open review for the dialog, made again whenever the target or the inline
 * choice changes. The review is saved first, because the host exports the file on disk; an
 * answer that arrives after a newer request is dropped.
 */
export function useExportPreview(
  client: Client,
  request: { path: string; target: ExportTarget; inline: boolean } | null,
  save: () => Promise<boolean>,
): ExportPreviewState {
  const [state, setState] = useState<ExportPreviewState>({ preview: null, loading: false, error: null, stale: false });
  const latest = useRef(0);
  const path = request?.path;
  const target = request?.target;
  const inline = request?.inline;

  useEffect(() => {
    if (!path || !target) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    (async () => {
      const saved = await save();
      const preview = await client.call('export.run', { path, target, inline });
      if (id === latest.current) setState({ preview, loading: false, error: null, stale: !saved });
    })().catch((error: unknown) => {
      if (id !== latest.current) return;
      const message = error instanceof HostError ? error.message : `The export failed: ${(error as Error)?.message ?? String(error)}`;
      if (!(error instanceof HostError)) console.error('[intertitle] bug while exporting:', error);
      setState({ preview: null, loading: false, error: message, stale: false });
    });
    // `save` is read when a request starts; a new function alone does not make a new export.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, path, target, inline]);

  return state;
}
