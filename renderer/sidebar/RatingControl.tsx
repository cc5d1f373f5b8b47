import { useId, type KeyboardEvent, type MouseEvent } from 'react';
import type { FieldIssue } from '../../src/review/review-check';
import { FieldIssues } from './FieldIssues';

interface Props {
  /** Stars given, or null when the review is not rated. */
  value: number | null;
  /** Stars possible (`rating_scale`, 5 unless the file says otherwise). */
  scale: number;
  onChange: (value: number | null) => void;
  issues: readonly FieldIssue[];
  disabled?: boolean;
}

const step = 0.5;

/** "4.5 of 5 stars". */
export function ratingText(value: number | null, scale: number): string {
  if (value === null) return 'Not rated';
  return `${value} of ${scale} star${scale === 1 ? '' : 's'}`;
}

/**
 * The rating in half stars on the file's scale. A slider to assistive technology: arrows change
 * it by half a star, Page Up/Down by a whole one, Home and End go to the ends, Delete clears it.
 * Clicking the left half of a star gives the half.
 */
export function RatingControl({ value, scale, onChange, issues, disabled }: Props) {
  const labelId = useId();
  const clamp = (n: number) => Math.min(scale, Math.max(0, Math.round(n / step) * step));
  const current = value === null ? null : clamp(value);
  const set = (next: number | null) => {
    if (!disabled && next !== current) onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = current ?? 0;
    const next: Record<string, number | null> = {
      ArrowRight: from + step,
      ArrowUp: from + step,
      ArrowLeft: from - step,
      ArrowDown: from - step,
      PageUp: from + 1,
      PageDown: from - 1,
      Home: 0,
      End: scale,
      Delete: null,
      Backspace: null,
    };
    if (!(event.key in next) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const target = next[event.key]!;
    set(target === null ? null : clamp(target));
  };

  const onStarClick = (index: number) => (event: MouseEvent<HTMLSpanElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const half = box.width > 0 && event.clientX - box.left < box.width / 2;
    set(index + (half ? step : 1));
  };

  // Large scales (a 100-point score) get a number rather than a hundred stars.
  const stars = Math.min(scale, 10);
  return (
    <div className="meta-field">
      <span className="meta-label" id={labelId}>
        Rating
      </span>
      <div className="rating-row">
        <div
          className="rating"
          role="slider"
          tabIndex={disabled ? -1 : 0}
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={scale}
          aria-valuenow={current ?? undefined}
          aria-valuetext={ratingText(current, scale)}
          aria-disabled={disabled || undefined}
          aria-invalid={issues.some((i) => i.severity === 'error') || undefined}
          onKeyDown={onKeyDown}
        >
          {scale <= 10 ? (
            Array.from({ length: stars }, (_, i) => {
              const fill = current === null ? 0 : Math.max(0, Math.min(1, current - i));
              return (
                <span key={i} className="star" data-fill={fill === 1 ? 'full' : fill > 0 ? 'half' : 'empty'} onClick={onStarClick(i)} aria-hidden="true">
                  <span className="star-back">★</span>
                  <span className="star-front" style={{ width: `${fill * 100}%` }}>
                    ★
                  </span>
                </span>
              );
            })
          ) : (
            <span className="rating-number">{current ?? '–'}</span>
          )}
        </div>
        <span className="rating-text" aria-hidden="true">
          {current === null ? 'Not rated' : `${current} / ${scale}`}
        </span>
        {current !== null && !disabled && (
          <button type="button" className="quiet small" onClick={() => set(null)} aria-label="Clear the rating">
            Clear
          </button>
        )}
      </div>
      <FieldIssues issues={issues} />
    </div>
  );
}
