import { useId } from 'react';
import type { FieldIssue } from '../../src/review/review-check';
import { FieldIssues } from './FieldIssues';

interface Props {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  issues: readonly FieldIssue[];
}

/** A true/false field (spoilers). */
export function CheckField({ label, checked, onChange, issues }: Props) {
  const id = useId();
  return (
    <div className="meta-field meta-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <FieldIssues issues={issues} />
    </div>
  );
}
