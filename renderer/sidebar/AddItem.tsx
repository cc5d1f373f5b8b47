import { useId, useState } from 'react';

interface Props {
  /** Accessible name of the field and its button, e.g. "Add director". */
  label: string;
  placeholder: string;
  /** Adds the text to the list; returns why it could not, or null. */
  onAdd: (text: string) => string | null;
}

/** A field under a list: type a name, press Enter (or the button) and it joins the list. */
export function AddItem({ label, placeholder, onAdd }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const add = () => {
    const value = text.trim();
    if (!value) return;
    const problem = onAdd(value);
    setFailure(problem);
    // The field stays focused and empty, ready for the next name.
    if (problem === null) setText('');
  };
  return (
    <div className="meta-add">
      <input
        id={id}
        className="field-input compact"
        data-control="add"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            add();
          }
        }}
      />
      <button type="button" className="small" onClick={add} disabled={!text.trim()} aria-label={label}>
        Add
      </button>
      {failure && <p className="issue-error">Not added: {failure}</p>}
    </div>
  );
}
