import type { FieldComparison, FieldStatus, LookupFieldKey } from '../../src/metadata/compare';
import { isApplicable } from '../../src/metadata/compare';

interface Props {
  rows: FieldComparison[];
  ticked: ReadonlySet<LookupFieldKey>;
  onToggle: (key: LookupFieldKey) => void;
  providerName: string;
}

const statusText: Record<FieldStatus, string> = { new: 'New', changed: 'Changed', same: 'Same', missing: 'Not found' };

/**
 * Field by field: what the review has, what the lookup found, and whether it is new, changed,
 * the same or not found. Only new and changed fields can be ticked; locked ones never.
 */
export function ComparisonTable({ rows, ticked, onToggle, providerName }: Props) {
  return (
    <table className="lookup-compare">
      <thead>
        <tr>
          <th scope="col" className="lookup-col-tick">
            <span className="visually-hidden">Apply</span>
          </th>
          <th scope="col">Field</th>
          <th scope="col">In the review</th>
          <th scope="col">From {providerName}</th>
          <th scope="col" className="lookup-col-status">
            <span className="visually-hidden">Status</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const applicable = isApplicable(row);
          const id = `lookup-field-${row.key.replace('.', '-')}`;
          return (
            <tr key={row.key} className={`lookup-row lookup-${row.locked ? 'locked' : row.status}`} data-field={row.key}>
              <td className="lookup-col-tick">
                {applicable && <input id={id} type="checkbox" checked={ticked.has(row.key)} onChange={() => onToggle(row.key)} />}
              </td>
              <th scope="row">
                {applicable ? <label htmlFor={id}>{row.label}</label> : row.label}
              </th>
              <td className="lookup-value">{row.currentText || <span className="lookup-empty">—</span>}</td>
              <td className="lookup-value">{row.foundText || <span className="lookup-empty">—</span>}</td>
              <td className="lookup-col-status">
                <span className="lookup-badge" title={row.locked ? 'Listed under locked: in the front matter; a lookup never changes it.' : undefined}>
                  {row.locked ? 'Locked' : statusText[row.status]}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
