import { Suspense, lazy, useState, type ComponentType } from 'react';

/**
 * The app's dialogs, each loaded as its own chunk the first time it opens (and fetched in the
 * background once the app is idle, so that first open does not wait). A closed dialog cost the
 * start its code and a render of its whole form (docs/performance.md, "Renderer start"). Same
 * names and props as the components themselves.
 */

const idleLoads: Array<() => Promise<unknown>> = [];

/** Fetches the dialogs' chunks once the page has been idle a moment after its start. */
function loadWhenIdle(load: () => Promise<unknown>): void {
  idleLoads.push(load);
  if (idleLoads.length > 1 || typeof window === 'undefined') return;
  const run = () => {
    for (const next of idleLoads.splice(0)) void next().catch(() => {});
  };
  window.setTimeout(() => (window.requestIdleCallback ? window.requestIdleCallback(run, { timeout: 5000 }) : run()), 3000);
}

/**
 * `load`'s component, rendered from its first open on (and kept mounted after, so it opens and
 * closes exactly as before); nothing until then.
 */
function onFirstOpen<P extends { open: unknown }>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  loadWhenIdle(load);
  function FirstOpen(props: P) {
    const [used, setUsed] = useState(false);
    if (props.open && !used) setUsed(true);
    if (!used && !props.open) return null;
    const Component = Loaded as unknown as ComponentType<P>;
    return (
      <Suspense fallback={null}>
        <Component {...props} />
      </Suspense>
    );
  }
  return FirstOpen;
}

export const NewReviewDialog = onFirstOpen(() => import('./library/NewReviewDialog').then((m) => m.NewReviewDialog));
export const OpenLibraryDialog = onFirstOpen(() => import('./library/OpenLibraryDialog').then((m) => m.OpenLibraryDialog));
export const ExportDialog = onFirstOpen(() => import('./export/ExportDialog').then((m) => m.ExportDialog));
export const PublishDialog = onFirstOpen(() => import('./publish/PublishDialog').then((m) => m.PublishDialog));
export const FilmLookup = onFirstOpen(() => import('./lookup/FilmLookup').then((m) => m.FilmLookup));
export const WritingSettingsDialog = onFirstOpen(() => import('./writing/WritingSettingsDialog').then((m) => m.WritingSettingsDialog));
