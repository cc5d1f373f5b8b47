import type { FieldIssue } from '../../src/review/review-check';

interface Props {
  id?: string;
  issues: readonly FieldIssue[];
  /** Why the last change could not be written. */
  failure?: string | null;
}

/** The schema's messages beside a field: errors first, then warnings. */
export function FieldIssues({ id, issues, failure }: Props) {
  if (issues.length === 0 && !failure) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <ul className="field-issues" id={id}>
      {failure && <li className="issue-error">Not written: {failure}</li>}
      {sorted.map((issue, i) => (
        <li key={i} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
