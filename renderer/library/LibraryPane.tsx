import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { Client, LibraryListing, ReviewSummary, TrashKind } from '../../src/contract';
import { shortcutLabel } from '../commands';
import { notify, reportError } from '../ui/notices';
import { LibraryFilters } from './LibraryFilters';
import { RenameDialog, TrashDialog } from './LibraryDialogs';
import { facetsOf, isFiltered, noFilter, visibleReviews, type LibraryFilter, type SortKey } from './library-query';
import { ReviewList, type ReviewListHandle } from './ReviewList';
import type { RowAction } from './RowMenu';
import { useLibrarySearch } from './use-library-search';
import './library.css';

export interface LibraryHandle {
  focusFilter(): void;
}

interface Props {
  client: Pick<Client, 'call' | 'on'>;
  listing: LibraryListing | null;
  currentPath: string | null;
  /** Where trashed reviews go on this host. */
  trash: TrashKind;
  onOpen: (path: string) => void;
  onNew: () => void;
  onOpenLibrary: () => void;
  /** Saves the open review before it is renamed or trashed; false when it could not be saved. */
  beforeMove: (path: string) => Promise<boolean>;
  /** A review moved: renamed to `to`, or trashed (`to` null). */
  onMoved: (from: string, to: string | null) => void;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The reviews of the open library: full-text search with highlighted snippets, filters by
 * status, year, director, tag and rating, five sort orders, counts, and per-review actions
 * (rename, duplicate, move to the trash) from a context menu or the keyboard.
 */
export const LibraryPane = forwardRef<LibraryHandle, Props>(function LibraryPane(
  { client, listing, currentPath, trash, onOpen, onNew, onOpenLibrary, beforeMove, onMoved },
  ref,
) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>(noFilter);
  const [chosenSort, setChosenSort] = useState<SortKey | null>(null);
  const [renaming, setRenaming] = useState<ReviewSummary | null>(null);
  const [trashing, setTrashing] = useState<ReviewSummary | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const list = useRef<ReviewListHandle>(null);
  useImperativeHandle(ref, () => ({ focusFilter: () => searchInput.current?.select() }), []);

  const all = listing?.reviews ?? [];
  const search = useLibrarySearch(client, query, listing);
  const searching = search.ranked !== null;
  const sort: SortKey = chosenSort && (chosenSort !== 'relevance' || searching) ? chosenSort : searching ? 'relevance' : 'date';
  const facets = useMemo(() => facetsOf(all), [all]);
  const reviews = useMemo(() => visibleReviews(all, filter, sort, search.ranked), [all, filter, sort, search.ranked]);
  const { wantSnippets } = search;
  const onVisible = useCallback((paths: string[]) => wantSnippets(paths), [wantSnippets]);

  const act = (action: RowAction, review: ReviewSummary) => {
    if (action === 'rename') setRenaming(review);
    else if (action === 'trash') setTrashing(review);
    else if (action === 'duplicate') {
      client
        .call('review.duplicate', { path: review.path })
        .then(({ path }) => {
          notify(`Duplicated “${review.title}” as ${path}.`);
          onOpen(path);
        })
        .catch((error) => reportError(error, 'duplicating the review'));
    }
  };

  const rename = async (review: ReviewSummary, name: string) => {
    if (!(await beforeMove(review.path))) throw new Error('the open review could not be saved first, so it was not renamed');
    const { path } = await client.call('review.rename', { path: review.path, name });
    if (path === review.path) return;
    onMoved(review.path, path);
    notify(`Renamed “${review.title}”: it is now ${path}.`);
  };

  const moveToTrash = async (review: ReviewSummary) => {
    if (!(await beforeMove(review.path))) throw new Error('the open review could not be saved first, so it stays');
    const { trashedTo } = await client.call('review.trash', { path: review.path });
    onMoved(review.path, null);
    notify(trashedTo ? `Moved “${review.title}” to Intertitle’s trash folder: ${trashedTo}` : `Moved “${review.title}” to the trash.`);
  };

  const total = all.length;
  const narrowed = searching || isFiltered(filter);
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
          ref={searchInput}
          type="search"
          className="filter"
          placeholder="Search"
          aria-label="Search reviews"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && reviews[0]) onOpen(reviews[0].path);
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              list.current?.focus();
            }
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <button type="button" className="primary small" onClick={onNew} title={`New review (${shortcutLabel('review.new')})`}>
          New review
        </button>
      </div>
      <LibraryFilters facets={facets} filter={filter} onFilter={setFilter} sort={sort} onSort={setChosenSort} searching={searching} />
      {searching && search.indexing && (
        <div className="library-note" role="status">
          Still indexing: {search.indexing.done.toLocaleString('en')} of {plural(search.indexing.total, 'review')} searched so far.
        </div>
      )}
      <ReviewList
        ref={list}
        reviews={reviews}
        currentPath={currentPath}
        snippets={search.snippets}
        searching={searching}
        onOpen={onOpen}
        onAction={act}
        onVisible={onVisible}
        onExitTop={() => searchInput.current?.focus()}
      />
      {listing && narrowed && reviews.length === 0 && (
        <p className="library-empty">{searching ? `No review matches “${query.trim()}”${isFiltered(filter) ? ' with these filters' : ''}.` : 'No review matches these filters.'}</p>
      )}
      <footer className="library-count" aria-live="polite">
        {listing ? (narrowed ? `${reviews.length.toLocaleString('en')} of ${plural(total, 'review')}` : plural(total, 'review')) : ''}
      </footer>
      <RenameDialog review={renaming} onClose={() => setRenaming(null)} onRename={rename} />
      <TrashDialog review={trashing} trash={trash} onClose={() => setTrashing(null)} onTrash={moveToTrash} />
    </section>
  );
});
