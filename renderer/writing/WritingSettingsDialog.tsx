import './writing.css';
import { useEffect, useState } from 'react';
import { HostError } from '../../src/contract';
import type { RuleId, TitleStyle, WritingSettings } from '../../src/lint/settings';
import { Dialog } from '../ui/Dialog';

interface Props {
  open: boolean;
  settings: WritingSettings;
  onClose: () => void;
  /** Saves for the open library; rejects with a HostError whose message is shown. */
  onSave: (settings: WritingSettings) => Promise<void>;
}

const CHECKS: ReadonlyArray<[RuleId, string]> = [
  ['name-near-miss', 'Names close to one in the film’s facts (“Zetka” for “Svetka”)'],
  ['name-inconsistent', 'One name spelt two ways in a review'],
  ['title-style', 'The film’s title in the house style'],
  ['repeated-word', 'A word written twice (“the the”)'],
  ['long-sentence', 'Very long sentences'],
  ['still-alt-missing', 'Stills without alt text'],
  ['still-caption-missing', 'Stills without a caption'],
  ['still-alt-is-caption', 'Alt text that repeats the caption'],
  ['spoiler-flag', 'Spoilers marked in a review that says it has none'],
];

/** Edit › Writing Checks…: the library's house style for the checks, and its default target length. */
export function WritingSettingsDialog({ open, settings, onClose, onSave }: Props) {
  const [titleStyle, setTitleStyle] = useState<TitleStyle>(settings.titleStyle);
  const [maxWords, setMaxWords] = useState(String(settings.maxSentenceWords));
  const [target, setTarget] = useState(settings.targetWords ? String(settings.targetWords) : '');
  const [disabled, setDisabled] = useState(new Set(settings.disabledRules));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Each opening starts from what is saved.
  useEffect(() => {
    if (!open) return;
    setTitleStyle(settings.titleStyle);
    setMaxWords(String(settings.maxSentenceWords));
    setTarget(settings.targetWords ? String(settings.targetWords) : '');
    setDisabled(new Set(settings.disabledRules));
    setError(null);
  }, [open, settings]);

  const submit = async () => {
    const max = Number(maxWords.trim());
    if (!/^\d+$/.test(maxWords.trim()) || max < 10 || max > 500) return setError('The longest sentence is a whole number of words from 10 to 500.');
    const targetText = target.trim().replace(/[,\s]/g, '');
    if (targetText !== '' && (!/^\d+$/.test(targetText) || Number(targetText) < 1)) return setError('The target length is a whole number of words, such as 1200, or empty for none.');
    setBusy(true);
    setError(null);
    try {
      await onSave({
        titleStyle,
        maxSentenceWords: max,
        targetWords: targetText === '' ? null : Number(targetText),
        disabledRules: CHECKS.map(([id]) => id).filter((id) => disabled.has(id)),
      });
      onClose();
    } catch (e) {
      setError(e instanceof HostError ? e.message : `Could not save the settings: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: RuleId, on: boolean) =>
    setDisabled((current) => {
      const next = new Set(current);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Dialog title="Writing checks" open={open} onClose={onClose} onSubmit={submit} submitLabel="Save" busy={busy} error={error}>
      <p className="dialog-note">For every review in this library. A review’s own target_words wins over the default.</p>
      <label className="field">
        <span>The film’s title is set</span>
        <select className="field-input" value={titleStyle} onChange={(e) => setTitleStyle(e.target.value as TitleStyle)}>
          <option value="italic">in italics: *Nosferatu*</option>
          <option value="quotes">in quotes: “Nosferatu”</option>
          <option value="off">any way (do not check)</option>
        </select>
      </label>
      <label className="field">
        <span>Longest sentence (words)</span>
        <input className="field-input" value={maxWords} onChange={(e) => setMaxWords(e.target.value)} inputMode="numeric" maxLength={3} />
      </label>
      <label className="field">
        <span>Default target length (words)</span>
        <input className="field-input" value={target} onChange={(e) => setTarget(e.target.value)} inputMode="numeric" placeholder="none" maxLength={9} />
      </label>
      <fieldset className="field-group">
        <legend>Checks</legend>
        {CHECKS.map(([id, label]) => (
          <label key={id} className="field-check">
            <input type="checkbox" checked={!disabled.has(id)} onChange={(e) => toggle(id, e.target.checked)} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
