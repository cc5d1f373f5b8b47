import { useEffect, useMemo, useRef } from 'react';
import { sideBySide } from './line-diff';
import './conflict.css';

export interface CompareAction {
  label: string;
  run: () => void;
  primary?: boolean;
}

interface Props {
  title: string;
  leftLabel: string;
  left: string;
  rightLabel: string;
  right: string;
  actions: CompareAction[];
  onClose: () => void;
}

/**
 * Two versions of a review side by side, read-only, with the lines that differ marked, and the
 * choices the critic has (keep mine, take theirs…). Escape closes it without choosing.
 */
export function CompareView({ title, leftLabel, left, rightLabel, right, actions, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const rows = useMemo(() => sideBySide(left, right), [left, right]);
  const changes = rows.filter((row) => row.changed).length;
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  return (
    <dialog ref={dialog} className="dialog compare-dialog" aria-label={title} onClose={onClose}>
      <header className="compare-header">
        <h2>{title}</h2>
        <span className="compare-count">{changes === 0 ? 'The texts are the same.' : `${changes} ${changes === 1 ? 'line differs' : 'lines differ'}`}</span>
      </header>
      <div className="compare-table" role="table" aria-label={`${leftLabel} and ${rightLabel}`}>
        <div className="compare-row compare-heads" role="row">
          <div role="columnheader">{leftLabel}</div>
          <div role="columnheader">{rightLabel}</div>
        </div>
        {rows.map((row, i) => (
          <div key={i} className={`compare-row${row.changed ? ' changed' : ''}`} role="row">
            <div role="cell" className={row.left === null ? 'gap' : undefined}>
              {row.left ?? ''}
            </div>
            <div role="cell" className={row.right === null ? 'gap' : undefined}>
              {row.right ?? ''}
            </div>
          </div>
        ))}
      </div>
      <div className="dialog-buttons">
        <button type="button" className="quiet" onClick={onClose}>
          Close
        </button>
        {actions.map((action) => (
          <button key={action.label} type="button" className={action.primary ? 'primary' : undefined} onClick={action.run}>
            {action.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
