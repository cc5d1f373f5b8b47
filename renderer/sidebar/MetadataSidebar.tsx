import { useCallback, type ReactNode } from 'react';
import type { FrontMatterEdit } from '../../src/review/front-matter-edit';
import type { FieldIssue } from '../../src/review/review-check';
import { CrewSection } from './CrewSection';
import { FilmSection } from './FilmSection';
import { ReviewSection } from './ReviewSection';
import type { FrontMatterView } from './sidebar-model';
import './sidebar.css';

interface Props {
  view: FrontMatterView;
  /** Why the review cannot be edited at all (no review open, a read-only file), or null. */
  locked: string | null;
  /** Sends one edit for the review at `forPath`; returns why it could not be made, or null. */
  onEdit: (edit: FrontMatterEdit, forPath: string | null) => string | null;
}

// Fields with a control of their own; issues anywhere else are listed at the foot of the sidebar.
const shown = new Set(['title', 'date', 'status', 'rating', 'rating_scale', 'tags', 'summary', 'spoilers', 'slug', 'target_words']);
const shownFilm = new Set(['title', 'original_title', 'year', 'runtime', 'countries', 'languages', 'genres', 'aspect_ratio', 'color', 'distributors', 'watch', 'ids', 'directors', 'writers', 'cast', 'cinematographers', 'editors', 'composers', 'producers']);
const hasControl = (issue: FieldIssue) => {
  const [head, second] = issue.path;
  if (issue.severity === 'warning') return false;
  if (head === 'film') return issue.path.length === 1 || shownFilm.has(String(second));
  return shown.has(String(head));
};

/**
 * The film's facts and the review's own fields beside the text ("Film metadata"). Shows the
 * front matter of the settled text and writes each change back as one editor transaction.
 * While the YAML does not parse it shows the error and the last facts that did, read-only.
 */
export function MetadataSidebar({ view, locked, onEdit }: Props) {
  const path = view.path;
  const edit = useCallback((change: FrontMatterEdit) => onEdit(change, path), [onEdit, path]);
  const readOnly = locked !== null || view.error !== null;
  const sectionProps = { data: view.data, issues: view.issues, edit, readOnly };
  const others = view.issues.filter((issue) => !hasControl(issue));
  const errors = view.issues.filter((issue) => issue.severity === 'error').length;
  const problems = !readOnly && errors > 0;

  return (
    // No heading of its own: the tab above already reads "Film metadata" (and holds Look up film); the label names the region.
    <section className="pane metadata-pane" aria-label="Film metadata">
      {problems && (
        <header className="pane-header metadata-header">
          <span className="metadata-count" role="status">
            {errors} problem{errors === 1 ? '' : 's'}
          </span>
        </header>
      )}
      {view.error && (
        <div className="metadata-alert" role="alert">
          <strong>The front matter does not parse (line {view.error.line}).</strong> {view.error.message} The facts below are read-only
          until the YAML is fixed in the text.
        </div>
      )}
      {locked && !view.error && <p className="metadata-note">{locked}</p>}
      <fieldset className="metadata-body" disabled={readOnly} aria-readonly={readOnly || undefined} key={path ?? ''}>
        <Section title="Film">
          <FilmSection {...sectionProps} />
        </Section>
        <Section title="Cast & crew">
          <CrewSection {...sectionProps} />
        </Section>
        <Section title="Review">
          <ReviewSection {...sectionProps} />
        </Section>
        {(others.length > 0 || view.warnings.length > 0) && (
          <Section title="Other fields">
            <ul className="field-issues metadata-others">
              {view.warnings.map((warning, i) => (
                <li key={`w${i}`} className="issue-warning">
                  Line {warning.line}: {warning.message}
                </li>
              ))}
              {others.map((issue, i) => (
                <li key={i} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                  {issue.message}
                </li>
              ))}
            </ul>
          </Section>
        )}
      </fieldset>
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="metadata-section" open>
      <summary>{title}</summary>
      <div className="metadata-fields">{children}</div>
    </details>
  );
}
