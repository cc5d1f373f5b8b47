import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ReviewSummary, SearchSnippet } from '../../src/contract';
import { layoutFreeMeasuring } from './layout-free-measuring';
import { ratingLabel } from './library-query';
import { RowMenu, type RowAction } from './RowMenu';

const statusLabels: Record<string, string> = { draft: 'Draft', ready: 'Ready', published: 'Published' };
/** The other version kept by “Keep mine” in a conflict (see docs/saving.md). */
const conflictCopy = /\.conflict-\d{4}-\d\d-\d\d-\d{6}(-\d+)?\.md$/;

export interface ReviewListHandle {
  /** Moves focus into the list (the current or first row). */
  focus(): void;
}

interface Props {
  reviews: ReviewSummary[];
  currentPath: string | null;
  snippets: ReadonlyMap<string, SearchSnippet>;
  searching: boolean;
  onOpen: (path: string) => void;
  onAction: (action: RowAction, review: ReviewSummary) => void;
  /** Rows now on screen, so the pane can fetch their search snippets. */
  onVisible: (paths: string[]) => void;
  /** Focus leaves the top of the list (back to the search box). */
  onExitTop: () => void;
}

function filmLine(review: ReviewSummary): string {
  if (!review.film.title) return review.film.year ? `(${review.film.year})` : '';
  return review.film.year ? `${review.film.title} (${review.film.year})` : review.film.title;
}

/** The snippet's text with its matches in <mark>. */
function marked(snippet: SearchSnippet): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  snippet.ranges.forEach(([start, end], i) => {
    if (start < at) return;
    out.push(snippet.text.slice(at, start), <mark key={i}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  });
  out.push(snippet.text.slice(at));
  return out;
}

/**
 * The reviews as a virtualised list: only the rows on screen exist in the DOM, so 10,000
 * reviews scroll as smoothly as ten. Keyboard: arrows, Page Up/Down, Home/End move; Enter
 * opens; F2 renames; Delete moves to the trash; the context-menu key or Shift+F10 (or the ⋯
 * button, or a right click) opens the row's menu.
 */
export const ReviewList = forwardRef<ReviewListHandle, Props>(function ReviewList(
  { reviews, currentPath, snippets, searching, onOpen, onAction, onVisible, onExitTop },
  ref,
) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [menu, setMenu] = useState<{ review: ReviewSummary; x: number; y: number } | null>(null);
  const focusAfterRender = useRef(false);
  const virtualizer = useVirtualizer({
    count: reviews.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (snippets.has(reviews[i]?.path ?? '') ? 116 : 80),
    getItemKey: (i) => reviews[i]?.path ?? i,
    overscan: 6,
    // Sizes from ResizeObserver, never read while React commits (a whole-page layout each time).
    ...layoutFreeMeasuring,
  });
  const items = virtualizer.getVirtualItems();
  const clampedActive = Math.min(active, Math.max(0, reviews.length - 1));

  // Keep the active row on the open review when the list changes under it.
  useEffect(() => {
    const index = reviews.findIndex((r) => r.path === currentPath);
    if (index >= 0) setActive(index);
  }, [reviews, currentPath]);

  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (searching && last >= first) onVisible(reviews.slice(first, last + 1).map((r) => r.path));
  }, [searching, first, last, reviews, onVisible]);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-row="${clampedActive}"] .review-item`)?.focus();
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(reviews.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusAfterRender.current = true;
  };

  useImperativeHandle(ref, () => ({ focus: () => reviews.length && moveTo(clampedActive) }));

  const openMenu = (review: ReviewSummary, element: HTMLElement, x?: number, y?: number) => {
    const box = element.getBoundingClientRect();
    setMenu({ review, x: x ?? box.right - 8, y: y ?? box.top + 24 });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number, review: ReviewSummary) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 600) / 64));
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: reviews.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      if (event.key === 'ArrowUp' && index === 0) onExitTop();
      else moveTo(moves[event.key]!);
    } else if (event.key === 'F2') {
      event.preventDefault();
      onAction('rename', review);
    } else if (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) {
      event.preventDefault();
      onAction('trash', review);
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      openMenu(review, event.currentTarget);
    }
  };

  return (
    <div className="review-list" ref={scroller} role="list" aria-label="Reviews">
      <div className="review-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const review = reviews[item.index]!;
          const snippet = snippets.get(review.path);
          return (
            <div
              key={item.key}
              role="listitem"
              className="review-row"
              data-index={item.index}
              data-row={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <button
                type="button"
                className="review-item"
                aria-current={review.path === currentPath ? 'true' : undefined}
                tabIndex={item.index === clampedActive ? 0 : -1}
                aria-haspopup="menu"
                aria-keyshortcuts="Shift+F10 F2 Delete"
                title={review.problem ?? review.path}
                onClick={() => {
                  setActive(item.index);
                  onOpen(review.path);
                }}
                onFocus={() => setActive(item.index)}
                onKeyDown={(e) => onKeyDown(e, item.index, review)}
                onContextMenu={(e) => {
                  e.preventDefault();
                  openMenu(review, e.currentTarget, e.clientX, e.clientY);
                }}
              >
                <span className="review-title">{review.title}</span>
                {filmLine(review) && <span className="review-film">{filmLine(review)}</span>}
                <span className="review-meta">
                  <span className="review-director">{review.film.directors.join(', ')}</span>
                  {ratingLabel(review) && <span className="review-rating" aria-label={`rated ${ratingLabel(review)}`}>★ {ratingLabel(review)}</span>}
                  {review.status && <span className={`status-pill status-${review.status}`}>{statusLabels[review.status]}</span>}
                  {review.problem && <span className="status-pill status-problem">Needs attention</span>}
                  {conflictCopy.test(review.path) && <span className="status-pill status-problem">Conflict copy</span>}
                </span>
                {snippet && <span className="review-snippet">{marked(snippet)}</span>}
              </button>
              {/* A pointer shortcut: keyboards and screen readers open the same menu with Shift+F10 on the row. */}
              <button
                type="button"
                className="quiet row-menu-button"
                tabIndex={-1}
                aria-hidden="true"
                title="Actions"
                onMouseDown={(e) => e.preventDefault()}
                onClick={(e) => openMenu(review, e.currentTarget)}
              >
                ⋯
              </button>
            </div>
          );
        })}
      </div>
      {menu && (
        <RowMenu
          x={menu.x}
          y={menu.y}
          title={menu.review.title}
          onChoose={(action) => {
            const { review } = menu;
            setMenu(null);
            if (action === 'open') onOpen(review.path);
            else onAction(action, review);
          }}
          onClose={() => {
            setMenu(null);
            focusAfterRender.current = true;
          }}
        />
      )}
    </div>
  );
});
