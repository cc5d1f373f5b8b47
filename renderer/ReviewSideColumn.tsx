import type { Client, TrashKind } from '../src/contract';
import { shortcutLabel } from './commands';
import type { ReviewDocument } from './document/review-document';
import { MetadataSidebar } from './sidebar/MetadataSidebar';
import { SideColumn } from './stills/SideColumn';
import { StillsPanel } from './stills/StillsPanel';
import type { SideColumnState } from './use-side-column';

interface Props {
  side: SideColumnState;
  client: Client;
  document: ReviewDocument | null;
  trash: TrashKind;
  onLookUp: () => void;
  onAddStill: () => void;
}

/** The side column's two tabs for the open review, locked while there is none or it is read-only. */
export function ReviewSideColumn({ side, client, document, trash, onLookUp, onAddStill }: Props) {
  const locked = (what: string) => (!document ? `Open a review to see its ${what}.` : document.readOnly ? 'This review is read-only.' : null);
  return (
    <SideColumn
      tab={side.tab}
      onTab={side.setTab}
      stillsBadge={side.stills.missing}
      actions={
        side.tab === 'metadata' && (
          <button type="button" className="small" onClick={onLookUp} disabled={locked('film’s facts') !== null} title={`Look Up Film… (${shortcutLabel('film.lookup')})`}>
            Look up film
          </button>
        )
      }
      metadata={<MetadataSidebar view={side.frontMatter.view} locked={locked('film’s facts')} onEdit={side.frontMatter.edit} />}
      stills={
        <StillsPanel
          ref={side.stillsPanel}
          stills={side.stills}
          client={client}
          path={document?.path ?? null}
          locked={locked('stills')}
          trash={trash}
          onAdd={onAddStill}
        />
      }
    />
  );
}
