import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { LibraryListing, ReviewSummary } from '../../src/contract';
import { shortcutLabel } from '../commands';

export interface LibraryHandle {
  focusFilter(): void;
}

interface Props {
  listing: LibraryListing | null;
  currentPath: string | null;
  onOpen: (path: string) => void;
  onNew: () => void;
  onOpenLibrary: () => void;
}

const statusLabels: Record<string, string> = { draft: 'Draft', ready: 'Ready', published: 'Published' };

/** Words of the filter must all appear in the headline, film title, year, status or path. */
export function matchesFilter(review: ReviewSummary, filter: string): boolean {
  const haystack = [review.title, review.film.title ?? '', review.film.year ?? '', review.status ?? '', review.path]
    .join(' ')
    .toLocaleLowerCase();
  return filter
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function filmLine(review: ReviewSummary): string {
  if (!review.film.title) return '';
  return review.film.year ? `${review.film.title} (${review.film.year})` : review.film.title;
}

/** The reviews of the open library, a filter, and the ways to add or switch. */
export const LibraryPane = forwardRef<LibraryHandle, Props>(function LibraryPane(
  { listing, currentPath, onOpen, onNew, onOpenLibrary },
  ref,
) {
  const [filter, setFilter] = useState('');
  const filterInput = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focusFilter: () => filterInput.current?.focus() }), []);

  const reviews = useMemo(
    () => (listing?.reviews ?? []).filter((review) => matchesFilter(review, filter)),
    [listing, filter],
  );

  return (
    <section className="pane library-pane" aria-label="Library">
      <header className="pane-header">
        <div className="library-name" title={listing?.library.root}>
          {listing?.library.name ?? 'No library'}
          {listing?.library.sample && <span className="badge">Sample</span>}
        </div>
        <button type="button" className="quiet small" onClick={onOpenLibrary} title={`Open another library folder (${shortcutLabel('library.open')})`}>
          Open…
        </button>
      </header>
      <div className="library-tools">
        <input
          ref={filterInput}
          type="search"
          className="filter"
          placeholder="Filter reviews"
          aria-label="Filter reviews"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && reviews[0]) onOpen(reviews[0].path);
            if (e.key === 'Escape') setFilter('');
          }}
        />
        <button type="button" className="primary small" onClick={onNew} title={`New review (${shortcutLabel('review.new')})`}>
          New review
        </button>
      </div>
      <ul className="review-list" aria-label="Reviews">
        {reviews.map((review) => (
          <li key={review.path}>
            <button
              type="button"
              className="review-item"
              aria-current={review.path === currentPath ? 'true' : undefined}
              onClick={() => onOpen(review.path)}
              title={review.problem ?? review.path}
            >
              <span className="review-title">{review.title}</span>
              <span className="review-meta">
                <span className="review-film">{filmLine(review)}</span>
                {review.status && <span className={`status-pill status-${review.status}`}>{statusLabels[review.status]}</span>}
                {review.problem && <span className="status-pill status-problem">Needs attention</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <footer className="library-count">
        {listing
          ? filter
            ? `${reviews.length} of ${listing.reviews.length} reviews`
            : `${listing.reviews.length} ${listing.reviews.length === 1 ? 'review' : 'reviews'}`
          : ''}
      </footer>
    </section>
  );
});
