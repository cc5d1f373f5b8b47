import { useState } from 'react';
import { HostError } from '../../src/contract';
import { Dialog } from '../ui/Dialog';

interface Props {
  open: boolean;
  onClose: () => void;
  /**
   * Creates the review (and, when asked, looks the film up once it is open); rejects with a
   * HostError whose message is shown in the dialog.
   */
  onCreate: (filmTitle: string, year: number, lookUp: boolean) => Promise<void>;
}

const lookUpKey = 'intertitle:new-review-lookup';

/** New review: the film's title and year become a folder and an index.md with front matter. */
export function NewReviewDialog({ open, onClose, onCreate }: Props) {
  const [title, setTitle] = useState('');
  const [year, setYear] = useState('');
  // Remembered between reviews: a critic who looks films up does it every time.
  const [lookUp, setLookUp] = useState(() => localStorage.getItem(lookUpKey) !== 'false');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    const filmTitle = title.trim();
    const yearNumber = Number(year);
    if (!filmTitle) return setError('Type the film’s title.');
    if (!/^\d{4}$/.test(year.trim()) || yearNumber < 1870 || yearNumber > 2100) {
      return setError('The year is four digits, such as 1922.');
    }
    setBusy(true);
    setError(null);
    try {
      localStorage.setItem(lookUpKey, String(lookUp));
      await onCreate(filmTitle, yearNumber, lookUp);
      setTitle('');
      setYear('');
      onClose();
    } catch (e) {
      setError(e instanceof HostError ? e.message : `Could not create the review: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="New review" open={open} onClose={close} onSubmit={submit} submitLabel="Create review" busy={busy} error={error}>
      <label className="field">
        <span>Film title</span>
        <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Nosferatu" required />
      </label>
      <label className="field">
        <span>Year</span>
        <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" placeholder="1922" maxLength={4} required />
      </label>
      <label className="field-check">
        <input type="checkbox" checked={lookUp} onChange={(e) => setLookUp(e.target.checked)} />
        <span>Look up the film’s facts (TMDb or Wikidata) once it is created</span>
      </label>
    </Dialog>
  );
}
