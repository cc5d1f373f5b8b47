import type { FilmCandidate } from '../../src/contract';

interface Props {
  candidates: FilmCandidate[];
  busyId: string | null;
  onChoose: (candidate: FilmCandidate) => void;
}

/** The films a search found: poster (TMDb), title, year, director; choosing one compares it. */
export function CandidateList({ candidates, busyId, onChoose }: Props) {
  return (
    <ul className="lookup-candidates" aria-label="Films found">
      {candidates.map((c) => (
        <li key={`${c.provider}:${c.id}`}>
          <button
            type="button"
            className="lookup-candidate"
            onClick={() => onChoose(c)}
            disabled={busyId !== null}
            aria-busy={busyId === c.id || undefined}
            aria-label={spoken(c)}
          >
            {c.poster ? <img className="lookup-poster" src={c.poster} alt="" /> : <span className="lookup-poster lookup-poster-none" aria-hidden="true" />}
            <span className="lookup-candidate-text">
              <span className="lookup-candidate-title">
                {c.title}
                {c.year !== null && <span className="lookup-candidate-year"> ({c.year})</span>}
              </span>
              {c.originalTitle && <span className="lookup-candidate-original">{c.originalTitle}</span>}
              <span className="lookup-candidate-meta">
                {c.directors.length ? `Directed by ${c.directors.join(', ')}` : (c.description ?? 'Director not listed')}
              </span>
            </span>
            {busyId === c.id && <span className="lookup-candidate-busy">Loading…</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** What a screen reader says for a candidate: "Nosferatu (1922), directed by F. W. Murnau". */
function spoken(c: FilmCandidate): string {
  const year = c.year !== null ? ` (${c.year})` : '';
  const original = c.originalTitle ? `, ${c.originalTitle}` : '';
  const by = c.directors.length ? `, directed by ${c.directors.join(', ')}` : c.description ? `, ${c.description}` : '';
  return `${c.title}${year}${original}${by}`;
}
