import { useState } from 'react';
import type { ReviewStatus } from '../../src/contract';
import { isFiltered, noFilter, sortLabels, type Facet, type LibraryFilter, type SortKey } from './library-query';

interface Props {
  facets: {
    statuses: Array<Facet<ReviewStatus | 'none'>>;
    years: Array<Facet<number>>;
    directors: Array<Facet<string>>;
    tags: Array<Facet<string>>;
  };
  filter: LibraryFilter;
  onFilter: (filter: LibraryFilter) => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  searching: boolean;
}

const statusNames: Record<string, string> = { draft: 'Draft', ready: 'Ready', published: 'Published', none: 'No status' };
const ratings = [5, 4.5, 4, 3.5, 3, 2, 1];

/** Sort order, and the filters by status, film year, director, tag and least rating, with counts. */
export function LibraryFilters({ facets, filter, onFilter, sort, onSort, searching }: Props) {
  const [open, setOpen] = useState(false);
  const active = Object.values(filter).filter((v) => v !== null).length;
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) => onFilter({ ...filter, [key]: value });
  const sorts = (Object.keys(sortLabels) as SortKey[]).filter((key) => key !== 'relevance' || searching);

  return (
    <div className="library-filters">
      <div className="library-filter-row">
        <label className="compact-field">
          <span>Sort</span>
          <select value={sort} onChange={(e) => onSort(e.target.value as SortKey)} aria-label="Sort reviews">
            {sorts.map((key) => (
              <option key={key} value={key}>
                {sortLabels[key]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="quiet small" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          Filters{active ? ` (${active})` : ''} {open ? '▴' : '▾'}
        </button>
        {isFiltered(filter) && (
          <button type="button" className="quiet small" onClick={() => onFilter(noFilter)}>
            Clear
          </button>
        )}
      </div>
      {open && (
        <div className="library-filter-grid" role="group" aria-label="Filters">
          <label className="compact-field">
            <span>Status</span>
            <select value={filter.status ?? ''} onChange={(e) => set('status', (e.target.value || null) as LibraryFilter['status'])}>
              <option value="">Any</option>
              {facets.statuses.map(({ value, count }) => (
                <option key={value} value={value}>
                  {statusNames[value]} ({count})
                </option>
              ))}
            </select>
          </label>
          <label className="compact-field">
            <span>Film year</span>
            <select value={filter.year ?? ''} onChange={(e) => set('year', e.target.value ? Number(e.target.value) : null)}>
              <option value="">Any</option>
              {facets.years.map(({ value, count }) => (
                <option key={value} value={value}>
                  {value} ({count})
                </option>
              ))}
            </select>
          </label>
          <label className="compact-field">
            <span>Director</span>
            <select value={filter.director ?? ''} onChange={(e) => set('director', e.target.value || null)}>
              <option value="">Any</option>
              {facets.directors.map(({ value, count }) => (
                <option key={value} value={value}>
                  {value} ({count})
                </option>
              ))}
            </select>
          </label>
          <label className="compact-field">
            <span>Tag</span>
            <select value={filter.tag ?? ''} onChange={(e) => set('tag', e.target.value || null)}>
              <option value="">Any</option>
              {facets.tags.map(({ value, count }) => (
                <option key={value} value={value}>
                  {value} ({count})
                </option>
              ))}
            </select>
          </label>
          <label className="compact-field">
            <span>Rating</span>
            <select value={filter.minRating ?? ''} onChange={(e) => set('minRating', e.target.value ? Number(e.target.value) : null)}>
              <option value="">Any</option>
              {ratings.map((r) => (
                <option key={r} value={r}>
                  {r === 5 ? '5 of 5' : `${r} of 5 or more`}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
