import type { FieldPath } from '../../src/review/front-matter-edit';
import type { FieldIssue } from '../../src/review/review-check';
import { issuesAt, textAt, textEdit, type EditFn } from './sidebar-model';
import { TextField } from './TextField';

/** What every section of the sidebar works from. */
export interface SectionProps {
  data: Record<string, unknown>;
  issues: readonly FieldIssue[];
  edit: EditFn;
  /** Nothing can be changed (the YAML is broken or the file is read-only). */
  readOnly?: boolean;
}

interface Props extends SectionProps {
  path: FieldPath;
  label: string;
  /** Whole numbers (year, runtime) and numbers are written unquoted when they are ones. */
  kind?: 'text' | 'integer' | 'number';
  multiline?: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
  className?: string;
}

/** A text field for the front-matter field at `path`. */
export function BoundText({ data, issues, edit, readOnly: _readOnly, path, label, kind = 'text', ...rest }: Props) {
  return (
    <TextField
      label={label}
      value={textAt(data, path)}
      issues={issuesAt(issues, path)}
      inputMode={kind === 'integer' ? 'numeric' : kind === 'number' ? 'decimal' : undefined}
      onCommit={(text) => edit(textEdit(path, text, kind))}
      {...rest}
    />
  );
}
