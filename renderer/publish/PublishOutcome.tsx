import type { PublishRunState } from './use-publish-run';
import { publishTargetLabels } from '../../src/publish/types';

interface Props {
  state: PublishRunState;
  /** The critic confirmed: publish over the changes made on the site. */
  onForce: () => void;
  onCancel: () => void;
}

/** The publish as it goes: the steps so far with a progress bar, then the post's address, a question, or what went wrong. */
export function PublishOutcome({ state, onForce, onCancel }: Props) {
  if (state.kind === 'idle') return null;
  const steps = state.steps;
  return (
    <section className="publish-progress" aria-label="Progress" aria-live="polite">
      {state.kind === 'running' && (
        <>
          {/* Indeterminate until the host names its first step (it reads and exports the review first). */}
          {state.progress ? (
            <progress max={state.progress.total} value={state.progress.done + 1} aria-label="Publishing" />
          ) : (
            <progress aria-label="Publishing" />
          )}
          {state.progress && (
            <span className="publish-count" aria-hidden="true">
              {state.progress.done + 1} of {state.progress.total}
            </span>
          )}
          <p className="publish-step">{state.progress?.message ?? 'Reading the review and its stills…'}</p>
        </>
      )}
      {steps.length > 0 && state.kind !== 'running' && (
        <details className="publish-steps">
          <summary>
            {steps.length} step{steps.length === 1 ? '' : 's'}
          </summary>
          <ol>
            {steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </details>
      )}
      {state.kind === 'done' && (
        <div className="publish-done" role="status">
          <p>
            {state.result.created ? `Made a draft on ${publishTargetLabels[state.result.target]}` : `Updated the post on ${publishTargetLabels[state.result.target]}`}
            {state.result.url && (
              <>
                :{' '}
                <a href={state.result.url} target="_blank" rel="noopener noreferrer">
                  {state.result.url}
                </a>
              </>
            )}
          </p>
          <p className="publish-counts">
            {state.result.uploaded} still{state.result.uploaded === 1 ? '' : 's'} uploaded, {state.result.reused} reused. The review records the post under
            <code> published.{state.result.target}</code>.
          </p>
          {state.result.warnings.length > 0 && (
            <ul className="publish-warnings" aria-label="Warnings">
              {state.result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'confirm' && (
        <div className="publish-confirm" role="alertdialog" aria-label="Publish anyway?">
          <p>{state.message}</p>
          <div className="dialog-buttons">
            <button type="button" className="quiet" onClick={onCancel}>
              Don’t publish
            </button>
            <button type="button" className="danger" onClick={onForce}>
              Publish anyway
            </button>
          </div>
        </div>
      )}
      {state.kind === 'failed' && (
        <p className="publish-failed" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
