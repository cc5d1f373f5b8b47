import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FieldIssue } from '../../src/review/review-check';
import { FieldIssues } from './FieldIssues';

interface Props {
  label: string;
  /** Show the label to screen readers only (list rows and table cells). */
  hideLabel?: boolean;
  value: string;
  /** Writes the text to the file; returns why it could not, or null. */
  onCommit: (text: string) => string | null;
  issues?: readonly FieldIssue[];
  multiline?: boolean;
  type?: 'text' | 'date';
  inputMode?: 'text' | 'numeric' | 'decimal';
  placeholder?: string;
  className?: string;
  /** Extra keys for the input, such as Alt+Arrow to move a list item. */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  /** Data attributes for focus management in lists. */
  control?: string;
  children?: ReactNode;
}

/** How long typing must pause before the text is written to the file. */
export const commitDelayMs = 700;

/**
 * A text field bound to one front-matter field. The critic's text is the truth while they type:
 * it is written to the file after a pause, on Enter and on leaving the field, and a change coming
 * back from the file never replaces unsent keystrokes or moves the caret. Escape restores the
 * file's value. If the file cannot take the text (the YAML broke meanwhile), the text stays in
 * the field with the reason beside it.
 */
export function TextField(props: Props) {
  const { label, hideLabel, value, onCommit, issues = [], multiline, type = 'text', inputMode, placeholder, className } = props;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const dirty = useRef(false);
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const caret = useRef<[number, number] | null>(null);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const valueRef = useRef(value);
  valueRef.current = value;

  const commit = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = latest.current;
    if (!dirty.current || text === null) return;
    if (text === valueRef.current) {
      dirty.current = false;
      return;
    }
    const problem = commitRef.current(text);
    setFailure(problem);
    if (problem === null) {
      dirty.current = false;
      sent.current = text;
    }
  };

  // A change from the file while the field has focus: adopt it only when nothing typed is unsent
  // and it is not the echo of what was just sent; keep the caret where it was.
  useEffect(() => {
    if (draft === null || dirty.current || value === sent.current || value === draft) return;
    const el = input.current;
    if (el && el.selectionStart !== null && el.selectionEnd !== null) caret.current = [el.selectionStart, el.selectionEnd];
    latest.current = value;
    setDraft(value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useLayoutEffect(() => {
    const el = input.current;
    if (!caret.current || !el || type === 'date') return;
    const [start, end] = caret.current;
    caret.current = null;
    el.setSelectionRange(Math.min(start, el.value.length), Math.min(end, el.value.length));
  });

  // Unsent text is written when the field goes away (the sidebar hidden, a row removed).
  useEffect(() => () => commit(), []); // eslint-disable-line react-hooks/exhaustive-deps

  const shown = draft ?? value;
  const common = {
    id,
    ref: input,
    value: shown,
    placeholder,
    inputMode,
    spellCheck: type === 'text',
    'aria-invalid': issues.some((i) => i.severity === 'error') || failure !== null ? true : undefined,
    'aria-describedby': issues.length > 0 || failure ? `${id}-issues` : undefined,
    'data-control': props.control,
    className: 'field-input compact',
    onFocus: () => {
      if (draft === null) {
        latest.current = value;
        sent.current = value;
        setDraft(value);
      }
    },
    onChange: (event: { target: { value: string } }) => {
      latest.current = event.target.value;
      dirty.current = true;
      setDraft(event.target.value);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(commit, commitDelayMs);
    },
    onBlur: () => {
      commit();
      // Text the file could not take stays on screen; otherwise show the file's value again.
      if (!dirty.current) setDraft(null);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape' && draft !== null && draft !== value) {
        event.preventDefault();
        event.stopPropagation();
        if (timer.current) clearTimeout(timer.current);
        dirty.current = false;
        latest.current = value;
        setFailure(null);
        setDraft(value);
      }
      props.onKeyDown?.(event);
    },
  };

  return (
    <div className={`meta-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'meta-label'}>
        {label}
      </label>
      <div className="meta-input-row">
        {multiline ? <textarea rows={3} {...common} /> : <input type={type} {...common} />}
        {props.children}
      </div>
      <FieldIssues id={`${id}-issues`} issues={issues} failure={failure} />
    </div>
  );
}
