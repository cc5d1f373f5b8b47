import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, Client, LibraryListing, RecoveryEntry } from '../src/contract';
import type { CommandActions } from './commands';
import { installKeyboardCommands } from './commands';
import { DocumentBars } from './conflict/DocumentBars';
import { openDocument } from './document/open-document';
import type { ReviewDocument } from './document/review-document';
import { useDiskSync } from './document/use-disk-sync';
import { EditorPane, type EditorHandle } from './editor/EditorPane';
import type { PublishView } from './publish/PublishDialog';
import { reloadAfterPublish } from './publish/reload-review';
import { usePublishShortcut } from './publish/use-publish-shortcut';
import { LibraryPane, type LibraryHandle } from './library/LibraryPane';
import { useReviewMoves } from './library/use-review-moves';
import { PreviewPane, type PreviewHandle } from './preview/PreviewPane';
import { useLivePreview } from './preview/use-live-preview';
import { useScrollSync } from './preview/use-scroll-sync';
import { MetadataSidebar } from './sidebar/MetadataSidebar';
import { ImportStatus } from './stills/ImportStatus';
import { SideColumn, type SideTab } from './stills/SideColumn';
import { createStillsEditorBridge } from './stills/stills-editor';
import { StillsPanel, type StillsPanelHandle } from './stills/StillsPanel';
import { useStills } from './stills/use-stills';
import { useFrontMatter } from './sidebar/use-front-matter';
import { RecoveryBar } from './recovery/RecoveryBar';
import type { LookupDialogKind } from './lookup/FilmLookup';
import { useLookupShortcut } from './lookup/use-lookup-shortcut';
import { StatusBar } from './StatusBar';
import { toggleLintPanel } from './editor/writing-checks';
import { useWritingAids } from './writing/use-writing-aids';
import { Notices } from './ui/Notices';
import { notify, reportError } from './ui/notices';
import type { Sanitize } from '../src/markdown/pipeline';
import { initialReview, lastReviewKey } from './host/prefetch';
import { useFirstSettleAfterPaint, useSettleWhenIdle } from './editor/settle-delay';
// Loaded on first open, so a closed dialog costs the start nothing.
import { ExportDialog, FilmLookup, NewReviewDialog, OpenLibraryDialog, PublishDialog, WritingSettingsDialog } from './lazy-dialogs';

interface Props {
  client: Client;
  sanitize: Sanitize;
}


export function App({ client, sanitize }: Props) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [document, setDocument] = useState<ReviewDocument | null>(null);
  const [dialog, setDialog] = useState<'new' | 'open' | null>(null);
  const [lookupDialog, setLookupDialog] = useState<LookupDialogKind>(null);
  const [exporting, setExporting] = useState(false);
  const [publishing, setPublishing] = useState<PublishView | null>(null);
  const [showLibrary, setShowLibrary] = useState(true);
  const [showPreview, setShowPreview] = useState(true);
  const [showMetadata, setShowMetadata] = useState(true);
  const [sideTab, setSideTab] = useState<SideTab>('metadata');
  const stillsBridge = useMemo(() => createStillsEditorBridge(), []);
  const stillsPanel = useRef<StillsPanelHandle>(null);
  const editor = useRef<EditorHandle>(null);
  const preview = useRef<PreviewHandle>(null);
  const library = useRef<LibraryHandle>(null);
  const documentRef = useRef<ReviewDocument | null>(null);
  /** What follows the New review dialog once it has closed: typing, or looking the film up. */
  const afterNewReview = useRef<'type' | 'lookup' | null>(null);
  const { rendered, words, minutes, onTextSettled, setImages } = useLivePreview(sanitize);
  const stills = useStills({ client, bridge: stillsBridge, path: document?.path ?? null, readOnly: Boolean(document?.readOnly), setImages });
  // The Stills panel reads figures with a whole markdown parse: when the page is idle, not at each pause.
  const onStillsSettled = useSettleWhenIdle(stills.onTextSettled);
  const frontMatter = useFrontMatter(editor, document?.path ?? null);
  const writing = useWritingAids(client, listing?.library.root ?? null, frontMatter.view.data);
  // The file checks of the writing aids (missing, over 5 MB without a web copy) read what the Stills panel was told.
  const stillRefs = stills.listing?.refs;
  const aids = useMemo(
    () => (stillRefs ? { ...writing.aids, files: (src: string) => (Object.hasOwn(stillRefs, src) ? stillRefs[src] : undefined) } : writing.aids),
    [writing.aids, stillRefs],
  );
  const onFrontMatterSettled = frontMatter.onTextSettled;
  // The sidebar reads the same settled text as the preview (front matter only, in its own hook).
  const onSettled = useFirstSettleAfterPaint(
    useCallback(
      (path: string | null, text: string) => {
        onTextSettled(path, text);
        onFrontMatterSettled(path, text);
        onStillsSettled(path, text);
      },
      [onTextSettled, onFrontMatterSettled, onStillsSettled],
    ),
  );
  useScrollSync(editor, preview, [document, showPreview]);
  useDiskSync(client, document, editor);

  const refresh = useCallback(async () => {
    const next = await client.call('library.list', {});
    setListing(next);
    return next;
  }, [client]);

  const openNow = useCallback(
    async (path: string, restore?: RecoveryEntry) => {
      const current = documentRef.current;
      if (current?.path === path && !restore) return;
      if (current) {
        await current.flush();
        if (current.dirty) {
          notify(`${current.path} could not be saved, so it stays open. Your text is still here.`, 'error');
          return;
        }
      }
      const next = await openDocument(client, path, restore);
      current?.dispose();
      documentRef.current = next;
      setDocument(next);
      const root = listing?.library.root ?? info?.library?.root;
      if (root) localStorage.setItem(lastReviewKey(root), path);
      if (next.readOnly) notify(next.readOnly, 'error');
      if (next.mixedLineBreaks) {
        notify(`${path} mixes Windows and Unix line breaks; Intertitle will save it with ${next.lineBreak === '\r\n' ? 'Windows' : 'Unix'} ones.`);
      }
    },
    [client, listing, info],
  );

  /**
   * Opens run one after another and the latest choice wins: a review clicked while the first screen's
   * review is still opening is not overtaken by it, and an open superseded before it starts is skipped.
   */
  const opening = useRef<{ queue: Promise<unknown>; latest: number }>({ queue: Promise.resolve(), latest: 0 });
  /** Switches to another review (or restores journaled text), saving the current one first; never drops unsaved text. */
  const openReview = useCallback(
    (path: string, restore?: RecoveryEntry): Promise<void> => {
      const ticket = ++opening.current.latest;
      const run = opening.current.queue
        .catch(() => undefined)
        .then(() => (ticket === opening.current.latest ? openNow(path, restore) : undefined));
      opening.current.queue = run;
      return run;
    },
    [openNow],
  );

  /** Opens the remembered review of a library, or its first one: the first screen is an editor. */
  const openInitialReview = useCallback(
    async (current: LibraryListing) => {
      const remembered = localStorage.getItem(lastReviewKey(current.library.root));
      const path = initialReview(current, remembered);
      if (path) await openReview(path);
    },
    [openReview],
  );

  /** Opens another library; the open review is saved first and stays open if that fails. */
  const switchLibrary = useCallback(
    async (open: () => Promise<unknown>) => {
      const current = documentRef.current;
      if (current) {
        await current.flush();
        if (current.dirty) {
          notify(`${current.path} could not be saved, so Intertitle stays in this library. Your text is still here.`, 'error');
          return;
        }
      }
      const opened = await open();
      if (opened === null) return; // the critic cancelled the folder picker
      current?.dispose();
      documentRef.current = null;
      setDocument(null);
      const next = await refresh();
      await openInitialReview(next);
    },
    [refresh, openInitialReview],
  );

  const createReview = useCallback(
    async (filmTitle: string, year: number, lookUp: boolean) => {
      const { path } = await client.call('review.create', { filmTitle, year });
      await refresh();
      await openReview(path);
      afterNewReview.current = lookUp ? 'lookup' : 'type';
    },
    [client, refresh, openReview],
  );
  const moves = useReviewMoves({ documentRef, setDocument, refresh, openReview });

  const actions = useRef<CommandActions>(null!);
  actions.current = {
    'review.new': () => setDialog('new'),
    'library.open': () => {
      if (info?.canChooseFolder) void switchLibrary(() => client.call('library.choose', {})).catch(reportError);
      else setDialog('open');
    },
    'review.save': () => void documentRef.current?.save(),
    'editor.find': () => editor.current?.openSearch(),
    'library.filter': () => {
      setShowLibrary(true);
      requestAnimationFrame(() => library.current?.focusFilter());
    },
    'view.toggleLibrary': () => setShowLibrary((v) => !v),
    'view.togglePreview': () => setShowPreview((v) => !v),
    'view.toggleMetadata': () => toggleSide('metadata'),
    'view.toggleStills': () => toggleSide('stills'),
    'stills.add': () => addStill(),
    'review.export': () => (documentRef.current ? setExporting(true) : notify('Open a review to export it.')),
    'film.lookup': () => setLookupDialog('lookup'),
    'help.about': () => setLookupDialog('about'),
    'review.publish': () => (documentRef.current ? setPublishing('publish') : notify('Open a review to publish it.')),
    'publish.connections': () => setPublishing('connections'),
    'view.toggleChecks': () => editor.current?.run(toggleLintPanel),
    'view.toggleFocusMode': writing.toggleFocusMode,
    'view.toggleTypewriter': writing.toggleTypewriter,
    'writing.settings': () => writing.setSettingsOpen(true),
  };

  /** Shows the side column on a tab, or hides it when that tab is already shown. */
  const toggleSide = (tab: SideTab) => {
    if (showMetadata && sideTab === tab) setShowMetadata(false);
    else {
      setShowMetadata(true);
      setSideTab(tab);
    }
  };
  /** "Add still…": the host's file dialog (Electron), or the Stills panel's upload. */
  const addStill = () => {
    if (!documentRef.current) return notify('Open a review to add stills to it.');
    if (info?.canChooseStills) {
      void client
        .call('stills.choose', {})
        .then((picked) => picked && stills.addPicked(picked))
        .catch((e) => reportError(e, 'adding stills'));
      return;
    }
    setShowMetadata(true);
    setSideTab('stills');
    requestAnimationFrame(() => stillsPanel.current?.chooseFiles());
  };

  useEffect(() => installKeyboardCommands(() => actions.current), []);
  useLookupShortcut(() => actions.current['film.lookup']());
  usePublishShortcut(() => actions.current['review.publish']());

  // A new review: once its dialog has closed (and handed focus back), the critic types at its end,
  // or looks the film up first. The dialog's own effect runs first, so this focus wins.
  useEffect(() => {
    if (dialog !== null || afterNewReview.current === null) return;
    const next = afterNewReview.current;
    afterNewReview.current = null;
    if (next === 'lookup') setLookupDialog('lookup');
    else editor.current?.focusEnd();
  }, [dialog]);

  // Start: the host's library, its listing, and a review in the editor.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const appInfo = await client.call('app.info', {});
      if (cancelled) return;
      setInfo(appInfo);
      if (!appInfo.library) {
        setDialog('open');
        return;
      }
      const first = await refresh();
      if (!cancelled) await openInitialReview(first);
    })().catch((error) => reportError(error, 'starting'));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  // Host events: library changes, menu commands, and the quit flow.
  useEffect(() => {
    const offs = [
      client.on('library.changed', ({ reason }) => {
        if (reason !== 'opened') void refresh().catch(reportError);
      }),
      client.on('menu.command', ({ id }) => actions.current[id as keyof CommandActions]?.()),
      client.on('app.closeRequested', () => {
        const current = documentRef.current;
        void (current ? current.flush() : Promise.resolve())
          .then(() => client.call('app.readyToClose', {}))
          .catch(reportError);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [client, refresh]);

  // Save when the window is hidden or closed (the browser host; Electron asks first).
  useEffect(() => {
    const onHide = () => {
      if (window.document.visibilityState === 'hidden') void documentRef.current?.flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const current = documentRef.current;
      if (current?.dirty) {
        void current.flush();
        event.preventDefault();
      }
    };
    window.document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  // Images resolve against the review the rendered text came from, never another one.
  const renderedPath = rendered.path;
  // A still's web derivative, when it has one, is what the preview loads (src/stills).
  const webCopies = stills.derivatives;
  const imageUrl = useMemo(
    () => (src: string) => (renderedPath ? client.assetUrl(renderedPath, Object.hasOwn(webCopies, src) ? webCopies[src]! : src) : null),
    [client, renderedPath, webCopies],
  );

  const frontMatterError = rendered.frontMatter.error;
  const layout = `layout${showLibrary ? '' : ' no-library'}${showPreview ? '' : ' no-preview'}${showMetadata ? '' : ' no-metadata'}`;

  return (
    <div className={layout}>
      {showLibrary && (
        <LibraryPane
          ref={library}
          listing={listing}
          currentPath={document?.path ?? null}
          onOpen={(path) => void openReview(path).catch((e) => reportError(e, 'opening the review'))}
          onNew={() => actions.current['review.new']()}
          onOpenLibrary={() => actions.current['library.open']()}
          client={client}
          trash={info?.trash ?? 'app-folder'}
          beforeMove={moves.beforeMove}
          onMoved={(from, to) => void moves.onMoved(from, to).catch((e) => reportError(e, 'following the moved review'))}
        />
      )}
      <section className="pane editor-pane" aria-label="Editor">
        <RecoveryBar client={client} libraryRoot={listing?.library.root ?? null} onRestore={(entry) => openReview(entry.path, entry)} />
        {document && <DocumentBars key={document.path} document={document} onOpen={(path) => void openReview(path).catch((e) => reportError(e, 'opening the review'))} />}
        {document?.readOnly && <div className="bar bar-alert" role="alert">{document.readOnly}</div>}
        {frontMatterError && (
          <div className="bar bar-warn" role="alert">
            The front matter does not parse (line {frontMatterError.line}): {frontMatterError.message} The review is still
            editable; the film’s facts wait until the YAML is fixed.
          </div>
        )}
        <EditorPane ref={editor} document={document} onTextSettled={onSettled} extensions={stillsBridge.extension} aids={aids} />
        {!(showMetadata && sideTab === 'stills') && <ImportStatus progress={stills.progress} className="still-import-editor" />}
        {!document && listing && listing.reviews.length === 0 && (
          <div className="empty-editor">
            <p>This library has no reviews yet.</p>
            <button type="button" className="primary" onClick={() => setDialog('new')}>
              New review
            </button>
          </div>
        )}
      </section>
      {showPreview && (
        <section className="pane preview-pane" aria-label="Preview">
          <PreviewPane
            ref={preview}
            masthead={
              document
                ? { headline: rendered.meta.title, film: rendered.meta.film.title, year: rendered.meta.film.year }
                : null
            }
            blocks={document ? rendered.blocks : null}
            imageUrl={imageUrl}
            onOpenLink={(href) => window.open(href, '_blank', 'noopener,noreferrer')}
          />
        </section>
      )}
      {showMetadata && (
        <SideColumn
          tab={sideTab}
          onTab={setSideTab}
          stillsBadge={stills.missing}
          metadata={
            <MetadataSidebar
              view={frontMatter.view}
              locked={!document ? 'Open a review to see its film’s facts.' : document.readOnly ? 'This review is read-only.' : null}
              onEdit={frontMatter.edit}
              onLookUp={() => actions.current['film.lookup']()}
            />
          }
          stills={
            <StillsPanel
              ref={stillsPanel}
              stills={stills}
              client={client}
              path={document?.path ?? null}
              locked={!document ? 'Open a review to see its stills.' : document.readOnly ? 'This review is read-only.' : null}
              trash={info?.trash ?? 'app-folder'}
              onAdd={() => actions.current['stills.add']()}
            />
          }
        />
      )}
      <StatusBar document={document} words={words} minutes={minutes} target={writing.target} onOpenWritingSettings={() => writing.setSettingsOpen(true)} />
      <NewReviewDialog open={dialog === 'new'} onClose={() => setDialog(null)} onCreate={createReview} />
      <OpenLibraryDialog
        open={dialog === 'open'}
        currentRoot={listing?.library.root ?? null}
        onClose={() => setDialog(null)}
        onOpenPath={(path) => switchLibrary(() => client.call('library.open', { path }))}
      />
      <ExportDialog
        open={exporting}
        client={client}
        reviewPath={document?.path ?? null}
        save={async () => (documentRef.current ? (await documentRef.current.flush(), !documentRef.current.dirty) : true)}
        canChooseFolder={Boolean(info?.canChooseFolder)}
        onClose={() => setExporting(false)}
      />
      <PublishDialog
        open={publishing}
        client={client}
        reviewPath={document?.path ?? null}
        readText={() => documentRef.current?.text() ?? ''}
        save={async () => (documentRef.current ? (await documentRef.current.flush(), !documentRef.current.dirty) : true)}
        reload={() => reloadAfterPublish(client, documentRef.current)}
        keeps={info?.host === 'electron' ? 'keychain' : 'session'}
        onClose={() => setPublishing(null)}
      />
      <FilmLookup
        open={lookupDialog}
        client={client}
        version={info?.version ?? ''}
        document={document}
        view={frontMatter.view}
        editor={editor}
        onClose={() => setLookupDialog(null)}
      />
      <WritingSettingsDialog open={writing.settingsOpen} settings={writing.settings} onClose={() => writing.setSettingsOpen(false)} onSave={writing.saveSettings} />
      <Notices />
    </div>
  );
}
