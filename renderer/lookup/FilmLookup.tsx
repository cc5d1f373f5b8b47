import type { RefObject } from 'react';
import type { Client } from '../../src/contract';
import type { ReviewDocument } from '../document/review-document';
import type { EditorHandle } from '../editor/EditorPane';
import type { FrontMatterView } from '../sidebar/sidebar-model';
import { AboutDialog } from './AboutDialog';
import { lookupUserEvent } from './lookup-apply';
import { LookupDialog } from './LookupDialog';

export type LookupDialogKind = 'lookup' | 'about' | null;

interface Props {
  open: LookupDialogKind;
  client: Client;
  version: string;
  document: ReviewDocument | null;
  /** The sidebar's reading of the open review's front matter. */
  view: FrontMatterView;
  editor: RefObject<EditorHandle | null>;
  onClose: () => void;
}

/** The lookup dialog and the About dialog (which carries TMDb's credit and the token setting). */
export function FilmLookup({ open, client, version, document, view, editor, onClose }: Props) {
  const blocked = !document
    ? 'Open a review to take the film’s facts into it.'
    : document.readOnly
      ? `This review is read-only: ${document.readOnly}`
      : view.error
        ? `The front matter does not parse (line ${view.error.line}); fix it in the text first.`
        : null;
  return (
    <>
      <LookupDialog
        open={open === 'lookup'}
        client={client}
        frontMatter={document ? (view.path === document.path ? view.data : undefined) : null}
        blocked={blocked}
        onApply={(compute) => {
          const text = editor.current?.dispatchChanges(compute, lookupUserEvent) ?? null;
          // Back in the editor once the dialog has closed, so Ctrl+Z undoes the lookup at once.
          if (text !== null) requestAnimationFrame(() => editor.current?.focus());
          return text;
        }}
        onClose={onClose}
      />
      <AboutDialog open={open === 'about'} client={client} version={version} onClose={onClose} />
    </>
  );
}
