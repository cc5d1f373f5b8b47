import './writing.css';

interface Props {
  words: number;
  /** The target length in words; null when the review and the library set none. */
  target: number | null;
}

/** "840 / 1,200" with a thin bar, in the status bar; green once the target is reached. */
export function TargetProgress({ words, target }: Props) {
  if (!target) return null;
  const share = Math.min(1, words / target);
  const percent = Math.round((words / target) * 100);
  const reached = words >= target;
  const over = words - target;
  const title = reached
    ? over > 0
      ? `${over.toLocaleString('en')} words over the target of ${target.toLocaleString('en')}`
      : 'Exactly on target'
    : `${(target - words).toLocaleString('en')} words to go to the target of ${target.toLocaleString('en')}`;
  return (
    <span className={`target-progress${reached ? ' reached' : ''}`} title={title} data-testid="target-progress">
      <span className="target-text">
        of {target.toLocaleString('en')} ({percent}%)
      </span>
      <span className="target-bar" role="progressbar" aria-label="Target length" aria-valuemin={0} aria-valuemax={target} aria-valuenow={Math.min(words, target)} aria-valuetext={title}>
        <span className="target-fill" style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}
