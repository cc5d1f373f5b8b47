import type { ImportProgress } from './import-queue';
import { formatBytes } from './read-file';

/** Progress of pictures being added: which one, how many, a bar over their bytes. */
export function ImportStatus({ progress, className = '' }: { progress: ImportProgress; className?: string }) {
  if (progress.total === 0) return null;
  const { current, done, total, failed } = progress;
  const number = Math.min(done + 1, total);
  return (
    <div className={`still-import ${className}`} role="status" aria-live="polite">
      <span className="still-import-text">
        {total === 1 ? 'Adding a still' : `Adding stills: ${number} of ${total}`}
        {current ? ` — ${current.name} (${formatBytes(current.bytes)})` : ''}
        {failed > 0 ? ` · ${failed} could not be added` : ''}
      </span>
      <progress max={Math.max(progress.bytesTotal, 1)} value={progress.bytesDone} aria-label="Stills added so far" />
    </div>
  );
}
