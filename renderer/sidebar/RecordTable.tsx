import { useState, type KeyboardEvent } from 'react';
import type { FieldPath } from '../../src/review/front-matter-edit';
import type { FieldIssue } from '../../src/review/review-check';
import { FieldIssues } from './FieldIssues';
import { RowButtons } from './RowButtons';
import { issuesAt, isRecord, listAt, textAt, textEdit, type EditFn } from './sidebar-model';
import { TextField } from './TextField';
import { moveKey, useRowFocus } from './use-row-focus';

export interface Column {
  key: string;
  label: string;
  /** The first column names the row and is required to add one. */
  normalise?: (text: string) => string;
}

interface Props {
  /** The table's caption, e.g. "Cast". */
  label: string;
  /** One row's name, e.g. "cast member". */
  rowLabel: string;
  path: FieldPath;
  columns: readonly [Column, ...Column[]];
  /** `stacked`: each field on its own line (long names, the cast); `inline`: side by side. */
  layout?: 'stacked' | 'inline';
  data: Record<string, unknown>;
  issues: readonly FieldIssue[];
  edit: EditFn;
}

/**
 * A list of records (the cast: actor and character) as rows of fields. Fields are edited in
 * place; rows move with their buttons or Alt+↑/↓ and are removed with their button; the last
 * row adds one. In a narrow sidebar the cast is stacked, actor over character, so that long
 * names stay readable.
 */
export function RecordTable({ label, rowLabel, path, columns, data, issues, edit, layout = 'stacked' }: Props) {
  const rows = listAt(data, path);
  const { root, focusLater } = useRowFocus<HTMLDivElement>();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [first] = columns;

  const move = (from: number, to: number, control: string) => {
    if (!rows || to < 0 || to >= rows.length) return;
    if (edit({ kind: 'move', path, from, to }) === null) focusLater(to, control);
  };
  const remove = (index: number) => {
    if (edit({ kind: 'remove', path: [...path, index] }) === null) focusLater(Math.min(index, (rows?.length ?? 1) - 2), 'remove');
  };
  const add = () => {
    const record: Record<string, string> = {};
    for (const column of columns) {
      const text = (column.normalise ?? ((t: string) => t))((draft[column.key] ?? '').trim());
      if (text) record[column.key] = text;
    }
    if (!record[first.key]) return;
    const problem = edit({ kind: 'insert', path, index: rows?.length ?? 0, value: record });
    setFailure(problem);
    if (problem === null) {
      setDraft({});
      root.current?.querySelector<HTMLElement>('[data-control="add"]')?.focus();
    }
  };
  const onCellKey = (index: number, control: string) => (event: KeyboardEvent<HTMLElement>) => {
    const direction = moveKey(event);
    if (!direction) return;
    event.preventDefault();
    (event.target as HTMLElement).blur();
    move(index, index + direction, control);
  };

  return (
    <div className="meta-table" ref={root} role="group" aria-label={label}>
      <div className="meta-label">{label}</div>
      {rows === null ? (
        <p className="meta-note">This field is not a list, so it can only be edited in the text.</p>
      ) : (
        <ul className={`meta-records ${layout}`}>
          {rows.map((row, index) => {
            const name = textAt(row, [first.key]) || `${rowLabel} ${index + 1}`;
            return (
              <li key={index} data-row={index} className="meta-record">
                {isRecord(row) ? (
                  columns.map((column, c) => (
                    <TextField
                      key={column.key}
                      className={`record-cell cell-${column.key}`}
                      label={`${column.label}, row ${index + 1}`}
                      hideLabel
                      placeholder={column.label}
                      control={column.key}
                      value={textAt(row, [column.key])}
                      issues={issuesAt(issues, [...path, index, column.key])}
                      onKeyDown={onCellKey(index, column.key)}
                      onCommit={(text) => edit(textEdit([...path, index, column.key], (column.normalise ?? ((t) => t))(text)))}
                    >
                      {c === (layout === 'stacked' ? 0 : columns.length - 1) && (
                        <RowButtons
                          name={name}
                          index={index}
                          count={rows.length}
                          onMove={(to, control) => move(index, to, control)}
                          onRemove={() => remove(index)}
                        />
                      )}
                    </TextField>
                  ))
                ) : (
                  <div className="record-cell">
                    <FieldIssues issues={issuesAt(issues, [...path, index])} />
                    <RowButtons name={name} index={index} count={rows.length} onMove={(to, control) => move(index, to, control)} onRemove={() => remove(index)} />
                  </div>
                )}
              </li>
            );
          })}
          <li className="meta-record add-record">
            {columns.map((column, i) => (
              <div key={column.key} className={`record-cell cell-${column.key}`}>
                <input
                  className="field-input compact"
                  aria-label={`New ${rowLabel}: ${column.label.toLowerCase()}`}
                  placeholder={i === 0 ? `Add ${column.label.toLowerCase()}` : column.label}
                  data-control={i === 0 ? 'add' : undefined}
                  value={draft[column.key] ?? ''}
                  onChange={(e) => setDraft((d) => ({ ...d, [column.key]: e.target.value }))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                      e.preventDefault();
                      add();
                    }
                  }}
                />
                {i === (layout === 'stacked' ? 0 : columns.length - 1) && (
                  <button type="button" className="small" disabled={!(draft[first.key] ?? '').trim()} onClick={add} aria-label={`Add ${rowLabel}`}>
                    Add
                  </button>
                )}
              </div>
            ))}
          </li>
        </ul>
      )}
      {failure && <p className="issue-error">Not added: {failure}</p>}
      <FieldIssues issues={issuesAt(issues, path).filter((issue) => issue.path.length === path.length)} />
    </div>
  );
}
