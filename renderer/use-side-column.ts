import { useCallback, useMemo, useRef, useState, type MutableRefObject, type RefObject } from 'react';
import type { Client } from '../src/contract';
import type { ReviewDocument } from './document/review-document';
import type { EditorHandle } from './editor/EditorPane';
import { useSettleWhenIdle } from './editor/settle-delay';
import type { ImageSizes } from '../src/markdown/render-env';
import { useFrontMatter } from './sidebar/use-front-matter';
import type { SideTab } from './stills/SideColumn';
import { createStillsEditorBridge } from './stills/stills-editor';
import type { StillsPanelHandle } from './stills/StillsPanel';
import { useStills } from './stills/use-stills';
import { notify, reportError } from './ui/notices';
import { useWritingAids } from './writing/use-writing-aids';

interface Options {
  client: Client;
  document: ReviewDocument | null;
  /** Read by "Add still…", which may run before the state of a just-opened review has rendered. */
  documentRef: MutableRefObject<ReviewDocument | null>;
  editor: RefObject<EditorHandle | null>;
  libraryRoot: string | null;
  /** Electron has a file dialog for stills; the browser host uses the Stills panel's upload. */
  canChooseStills: boolean;
  /** Hands the preview the host's image sizes for a review. */
  setImages: (path: string, sizes: ImageSizes) => void;
}

/**
 * The side column beside the editor — the film's facts and the review's stills as two tabs — with
 * the state those tabs read (front matter, stills) and the writing aids the editor draws from the
 * same facts. Kept together because the aids' file checks read the stills the panel was told of.
 */
export function useSideColumn({ client, document, documentRef, editor, libraryRoot, canChooseStills, setImages }: Options) {
  const [shown, setShown] = useState(true);
  const [tab, setTab] = useState<SideTab>('metadata');
  const stillsBridge = useMemo(() => createStillsEditorBridge(), []);
  const stillsPanel = useRef<StillsPanelHandle>(null);
  const stills = useStills({ client, bridge: stillsBridge, path: document?.path ?? null, readOnly: Boolean(document?.readOnly), setImages });
  // The Stills panel reads figures with a whole markdown parse: when the page is idle, not at each pause.
  const onStillsSettled = useSettleWhenIdle(stills.onTextSettled);
  const frontMatter = useFrontMatter(editor, document?.path ?? null);
  const writing = useWritingAids(client, libraryRoot, frontMatter.view.data);
  // The file checks of the writing aids (missing, over 5 MB without a web copy) read what the Stills panel was told.
  const stillRefs = stills.listing?.refs;
  const aids = useMemo(
    () => (stillRefs ? { ...writing.aids, files: (src: string) => (Object.hasOwn(stillRefs, src) ? stillRefs[src] : undefined) } : writing.aids),
    [writing.aids, stillRefs],
  );
  const onFrontMatterSettled = frontMatter.onTextSettled;
  // The sidebar reads the same settled text as the preview (front matter only, in its own hook).
  const onTextSettled = useCallback(
    (path: string | null, text: string) => {
      onFrontMatterSettled(path, text);
      onStillsSettled(path, text);
    },
    [onFrontMatterSettled, onStillsSettled],
  );

  /** Shows the column on a tab, or hides it when that tab is already shown. */
  const toggle = (next: SideTab) => {
    if (shown && tab === next) setShown(false);
    else {
      setShown(true);
      setTab(next);
    }
  };
  /** "Add still…": the host's file dialog (Electron), or the Stills panel's upload. */
  const addStill = () => {
    if (!documentRef.current) return notify('Open a review to add stills to it.');
    if (canChooseStills) {
      void client
        .call('stills.choose', {})
        .then((picked) => picked && stills.addPicked(picked))
        .catch((e) => reportError(e, 'adding stills'));
      return;
    }
    setShown(true);
    setTab('stills');
    requestAnimationFrame(() => stillsPanel.current?.chooseFiles());
  };

  return {
    shown,
    tab,
    setTab,
    /** True while the Stills tab is on screen: it shows the import progress itself, so the editor does not. */
    stillsVisible: shown && tab === 'stills',
    toggle,
    addStill,
    stills,
    stillsBridge,
    stillsPanel,
    frontMatter,
    writing,
    aids,
    onTextSettled,
  };
}

export type SideColumnState = ReturnType<typeof useSideColumn>;
