import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export type SideTab = 'metadata' | 'stills';

interface Props {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  metadata: ReactNode;
  stills: ReactNode;
  /** Shown beside the Stills tab's name: how many stills the text shows have no file. */
  stillsBadge?: number;
  /** Buttons for the panel shown, at the end of the tab row (outside the tab list). */
  actions?: ReactNode;
}

const tabs: Array<{ id: SideTab; label: string }> = [
  { id: 'metadata', label: 'Film metadata' },
  { id: 'stills', label: 'Stills' },
];

/**
 * The right-hand column: the film's facts and the review's stills as two tabs, so both fit beside
 * the editor and preview at 1440 px. Arrow keys, Home and End move between the tabs (the ARIA tabs
 * pattern); the panel shown is its own labelled region.
 */
export function SideColumn({ tab, onTab, metadata, stills, stillsBadge = 0, actions }: Props) {
  const base = useId();
  const buttons = useRef(new Map<SideTab, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    onTab(next.id);
    buttons.current.get(next.id)?.focus();
  };

  return (
    <div className="side-column">
      <div className="side-tabs-row">
        <div className="side-tabs" role="tablist" aria-label="Beside the review" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                if (el) buttons.current.set(t.id, el);
              }}
              type="button"
              role="tab"
              id={`${base}-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`${base}-${t.id}-panel`}
              tabIndex={tab === t.id ? 0 : -1}
              className="side-tab"
              onClick={() => onTab(t.id)}
            >
              {t.label}
              {t.id === 'stills' && stillsBadge > 0 && (
                <span className="side-tab-badge" title={`${stillsBadge} missing`}>
                  {stillsBadge}
                  <span className="visually-hidden"> missing</span>
                </span>
              )}
            </button>
          ))}
        </div>
        {actions && <div className="side-tab-actions">{actions}</div>}
      </div>
      <div className="side-panel" role="tabpanel" id={`${base}-${tab}-panel`} aria-labelledby={`${base}-${tab}`}>
        {tab === 'metadata' ? metadata : stills}
      </div>
    </div>
  );
}
