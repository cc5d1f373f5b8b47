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
          <FacetSelect
            label="Status"
            facets={facets.statuses}
            name={(v) => statusNames[v] ?? v}
            value={filter.status}
            onChange={(v) => set('status', v as LibraryFilter['status'])}
          />
          <FacetSelect
            label="Film year"
            facets={facets.years}
            value={filter.year === null ? null : String(filter.year)}
            onChange={(v) => set('year', v === null ? null : Number(v))}
          />
          <FacetSelect label="Director" facets={facets.directors} value={filter.director} onChange={(v) => set('director', v)} />
          <FacetSelect label="Tag" facets={facets.tags} value={filter.tag} onChange={(v) => set('tag', v)} />
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

interface FacetSelectProps<T extends string | number> {
  label: string;
  facets: Array<Facet<T>>;
  value: string | null;
  onChange: (value: string | null) => void;
  name?: (value: string) => string;
}

/** One filter: "Any", or one of the values the library holds, with how many reviews have it. */
function FacetSelect<T extends string | number>({ label, facets, value, onChange, name = (v) => v }: FacetSelectProps<T>) {
  return (
    <label className="compact-field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Any</option>
        {facets.map(({ value: option, count }) => (
          <option key={String(option)} value={String(option)}>
            {name(String(option))} ({count})
          </option>
        ))}
      </select>
    </label>
  );
}
