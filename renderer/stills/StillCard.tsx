import type { StillFinding } from '../../src/stills/checks';
import type { StillEntry } from '../../src/stills/panel-model';
import { TextField } from '../sidebar/TextField';
import { formatBytes } from './read-file';

interface Props {
  entry: StillEntry;
  /** Where the thumbnail loads from; null when the still is outside the library. */
  thumbnail: string | null;
  checks: readonly StillFinding[];
  readOnly: boolean;
  onReveal: () => void;
  onAlt: (text: string) => string | null;
  onCaption: (text: string) => string | null;
  onCredit: (text: string) => string | null;
  onInsert: () => void;
  onRemove: () => void;
  onDerive: () => void;
}

const fileName = (src: string) => src.slice(src.lastIndexOf('/') + 1);

/** The checks name their still for the editor's list; inside the still's own card, "this still" says it. */
const inCard = (message: string, src: string) =>
  message.startsWith(`${src} `) ? `This still ${message.slice(src.length + 1)}` : message.replace(` of ${src}`, '');

/** One still: its thumbnail (a click shows its figure in the text), its facts and its three fields. */
export function StillCard({ entry, thumbnail, checks, readOnly, onReveal, onAlt, onCaption, onCredit, onInsert, onRemove, onDerive }: Props) {
  const { figure, file } = entry;
  const missing = file === null;
  const unreadable = file && (file.width === 0 || file.height === 0);
  const tooLarge = checks.some((c) => c.rule === 'still-too-large');
  const name = fileName(entry.src);
  return (
    <li className={`still-card${entry.referenced ? '' : ' still-unreferenced'}${missing ? ' still-card-missing' : ''}`} aria-label={name} data-src={entry.src}>
      <div className="still-top">
        <button
          type="button"
          className="still-thumb"
          onClick={onReveal}
          disabled={!figure}
          title={figure ? `Show this still in the text (line ${figure.line})` : 'Not in the text yet'}
          aria-label={figure ? `Show ${name} in the text` : `${name} is not in the text`}
        >
          {missing ? (
            <span className="still-thumb-missing">Missing file</span>
          ) : unreadable ? (
            <span className="still-thumb-missing">Cannot be read</span>
          ) : thumbnail ? (
            <img src={thumbnail} alt="" loading="lazy" decoding="async" width={file?.width || undefined} height={file?.height || undefined} />
          ) : (
            <span className="still-thumb-missing">Outside the library</span>
          )}
        </button>
        <div className="still-facts">
          <span className="still-name" title={entry.src}>
            {name}
          </span>
          {!entry.referenced && <span className="still-badge">Not in the text</span>}
          {entry.uses > 1 && <span className="still-badge">Shown {entry.uses} times</span>}
          {file && !unreadable && (
            <span className="still-size">
              {file.width} × {file.height} · {formatBytes(file.bytes)}
              {file.derivative ? ' · web copy' : ''}
            </span>
          )}
        </div>
      </div>
      {figure ? (
        <>
          <TextField label="Alt text" value={figure.alt} onCommit={onAlt} placeholder="What is in the picture, for readers who cannot see it" multiline className="still-text" />
          <TextField label="Caption" value={figure.caption} onCommit={onCaption} placeholder="What you say about it, shown under the picture" multiline className="still-text" />
        </>
      ) : (
        <p className="still-note">
          {entry.referenced ? 'Shown inside a paragraph; alt text and caption are edited in the text.' : 'Insert it to give it alt text and a caption.'}
        </p>
      )}
      <TextField label="Credit" value={entry.credit} onCommit={onCredit} placeholder="Who owns the picture" multiline className="still-text" />
      {checks.length > 0 && (
        <ul className="still-checks">
          {checks.map((check) => (
            <li key={check.rule} className={`still-check still-check-${check.severity}`}>
              {inCard(check.message, entry.src)}
            </li>
          ))}
        </ul>
      )}
      <div className="still-actions">
        {!entry.referenced && file && (
          <button type="button" className="small" onClick={onInsert} disabled={readOnly}>
            Insert at cursor
          </button>
        )}
        {tooLarge && (
          <button type="button" className="small" onClick={onDerive} disabled={readOnly}>
            Make web copy
          </button>
        )}
        <button type="button" className="small quiet" onClick={onRemove} disabled={readOnly || file === undefined}>
          Remove…
        </button>
      </div>
    </li>
  );
}
