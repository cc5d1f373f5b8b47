import type { KeyboardEvent } from 'react';
import type { FieldPath } from '../../src/review/front-matter-edit';
import type { FieldIssue } from '../../src/review/review-check';
import { AddItem } from './AddItem';
import { FieldIssues } from './FieldIssues';
import { RowButtons } from './RowButtons';
import { issuesAt, itemText, listAt, namePath, textEdit, type EditFn } from './sidebar-model';
import { TextField } from './TextField';
import { moveKey, useRowFocus } from './use-row-focus';

interface Props {
  /** The list's name, e.g. "Directors". */
  label: string;
  /** One item's name, e.g. "director". */
  itemLabel: string;
  path: FieldPath;
  data: Record<string, unknown>;
  issues: readonly FieldIssue[];
  edit: EditFn;
  /** Normalises typed text, e.g. country codes to upper case. */
  normalise?: (text: string) => string;
  placeholder?: string;
}

/**
 * A list of names (directors, genres, countries…): each item editable in place, moved with its
 * buttons or Alt+↑/↓, removed with its button or by clearing it; a field below adds one.
 */
export function ListField({ label, itemLabel, path, data, issues, edit, normalise = (t) => t, placeholder }: Props) {
  const items = listAt(data, path);
  const { root, focusLater } = useRowFocus<HTMLFieldSetElement>();
  // Issues about the list itself ("must be a list"); each item shows its own.
  const own = issuesAt(issues, path).filter((issue) => issue.path.length === path.length);

  const move = (from: number, to: number, control: string) => {
    if (!items || to < 0 || to >= items.length) return;
    if (edit({ kind: 'move', path, from, to }) === null) focusLater(to, control);
  };
  const remove = (index: number) => {
    if (edit({ kind: 'remove', path: [...path, index] }) === null) focusLater(Math.min(index, (items?.length ?? 1) - 2), 'remove');
  };
  const onItemKey = (index: number) => (event: KeyboardEvent<HTMLElement>) => {
    const direction = moveKey(event);
    if (!direction) return;
    event.preventDefault();
    (event.target as HTMLElement).blur(); // sends what was typed before the item moves
    move(index, index + direction, 'text');
  };

  return (
    <fieldset className="meta-list" ref={root}>
      <legend className="meta-label">{label}</legend>
      {items === null ? (
        <p className="meta-note">This field is not a list, so it can only be edited in the text.</p>
      ) : (
        <ul className="meta-rows">
          {items.map((item, index) => {
            const name = itemText(item) || `${itemLabel} ${index + 1}`;
            return (
              <li key={index} data-row={index} className="meta-row">
                <TextField
                  label={`${itemLabel[0]!.toUpperCase()}${itemLabel.slice(1)} ${index + 1}`}
                  hideLabel
                  control="text"
                  value={itemText(item)}
                  issues={issuesAt(issues, [...path, index])}
                  onKeyDown={onItemKey(index)}
                  onCommit={(text) => {
                    const change = textEdit(namePath(path, index, item), normalise(text));
                    // Clearing an item removes it from the list.
                    return edit(change.kind === 'remove' ? { kind: 'remove', path: [...path, index] } : change);
                  }}
                >
                  <RowButtons
                    name={name}
                    index={index}
                    count={items.length}
                    onMove={(to, control) => move(index, to, control)}
                    onRemove={() => remove(index)}
                  />
                </TextField>
              </li>
            );
          })}
        </ul>
      )}
      <FieldIssues issues={own} />
      {items !== null && (
        <AddItem
          label={`Add ${itemLabel}`}
          placeholder={placeholder ?? `Add ${itemLabel}`}
          onAdd={(text) => edit({ kind: 'insert', path, index: items.length, value: normalise(text) })}
        />
      )}
    </fieldset>
  );
}
