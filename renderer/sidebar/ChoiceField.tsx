import { useId } from 'react';
import type { FieldIssue } from '../../src/review/review-check';
import { FieldIssues } from './FieldIssues';

interface Props {
  label: string;
  value: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  /** Called with the chosen value, or '' for "not set". */
  onChange: (value: string) => void;
  issues: readonly FieldIssue[];
}

/** A field with a few allowed values (status, colour). A value the file has that is not allowed is still shown. */
export function ChoiceField({ label, value, choices, onChange, issues }: Props) {
  const id = useId();
  const known = value === '' || choices.some((choice) => choice.value === value);
  return (
    <div className="meta-field">
      <label htmlFor={id} className="meta-label">
        {label}
      </label>
      <select
        id={id}
        className="field-input compact"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={issues.some((i) => i.severity === 'error') || undefined}
        aria-describedby={issues.length ? `${id}-issues` : undefined}
      >
        <option value="">—</option>
        {!known && <option value={value}>{value} (not allowed)</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldIssues id={`${id}-issues`} issues={issues} />
    </div>
  );
}
