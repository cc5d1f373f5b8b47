import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, Client, LibraryListing } from '../src/contract';
import type { CommandActions } from './commands';
import { installKeyboardCommands } from './commands';
import { DocumentBars } from './conflict/DocumentBars';
import { useDiskSync } from './document/use-disk-sync';
import { EditorPane, type EditorHandle } from './editor/EditorPane';
import type { PublishView } from './publish/PublishDialog';
import { reloadAfterPublish } from './publish/reload-review';
import { LibraryPane, type LibraryHandle } from './library/LibraryPane';
import { PreviewPane, type PreviewHandle } from './preview/PreviewPane';
import { useLivePreview } from './preview/use-live-preview';
import { useScrollSync } from './preview/use-scroll-sync';
import { ImportStatus } from './stills/ImportStatus';
import { RecoveryBar } from './recovery/RecoveryBar';
import type { LookupDialogKind } from './lookup/FilmLookup';
import { ReviewSideColumn } from './ReviewSideColumn';
import { StatusBar } from './StatusBar';
import { toggleLintPanel } from './editor/writing-checks';
import { toggleFrontMatter } from './editor/front-matter-fold';
import { Notices } from './ui/Notices';
import { notify, reportError } from './ui/notices';
import type { Sanitize } from '../src/markdown/pipeline';
import { useFirstSettleAfterPaint } from './editor/settle-delay';
import { useOpenReview } from './use-open-review';
import { useSideColumn } from './use-side-column';
// Loaded on first open, so a closed dialog costs the start nothing.
import { ExportDialog, FilmLookup, NewReviewDialog, OpenLibraryDialog, PublishDialog, WritingSettingsDialog } from './lazy-dialogs';

interface Props {
  client: Client;
  sanitize: Sanitize;
}

export function App({ client, sanitize }: Props) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [dialog, setDialog] = useState<'new' | 'open' | null>(null);
  const [lookupDialog, setLookupDialog] = useState<LookupDialogKind>(null);
  const [exporting, setExporting] = useState(false);
  const [publishing, setPublishing] = useState<PublishView | null>(null);
  const [showLibrary, setShowLibrary] = useState(true);
  const [showPreview, setShowPreview] = useState(true);
  const editor = useRef<EditorHandle>(null);
  const preview = useRef<PreviewHandle>(null);
  const library = useRef<LibraryHandle>(null);
  /** What follows the New review dialog once it has closed: typing, or looking the film up. */
  const afterNewReview = useRef<'type' | 'lookup' | null>(null);
  const { rendered, words, minutes, onTextSettled, setImages } = useLivePreview(sanitize);

  const refresh = useCallback(async () => {
    const next = await client.call('library.list', {});
    setListing(next);
    return next;
  }, [client]);
  const libraryRoot = listing?.library.root ?? null;
  const { document, documentRef, openReview, openInitialReview, switchLibrary, saveOpenReview, moves } = useOpenReview({
    client,
    libraryRoot: libraryRoot ?? info?.library?.root,
    refresh,
  });
  const side = useSideColumn({ client, document, documentRef, editor, libraryRoot, canChooseStills: Boolean(info?.canChooseStills), setImages });
  const { frontMatter, writing, stills } = side;
  const onSideSettled = side.onTextSettled;
  // The side column reads the same settled text as the preview.
  const onSettled = useFirstSettleAfterPaint(
    useCallback(
      (path: string | null, text: string) => {
        onTextSettled(path, text);
        onSideSettled(path, text);
      },
      [onTextSettled, onSideSettled],
    ),
  );
  useScrollSync(editor, preview, [document, showPreview]);
  useDiskSync(client, document, editor);

  const createReview = useCallback(
    async (filmTitle: string, year: number, lookUp: boolean) => {
      const { path } = await client.call('review.create', { filmTitle, year });
      await refresh();
      await openReview(path);
      afterNewReview.current = lookUp ? 'lookup' : 'type';
    },
    [client, refresh, openReview],
  );

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
    'view.toggleMetadata': () => side.toggle('metadata'),
    'view.toggleStills': () => side.toggle('stills'),
    'stills.add': () => side.addStill(),
    'review.export': () => (documentRef.current ? setExporting(true) : notify('Open a review to export it.')),
    'film.lookup': () => setLookupDialog('lookup'),
    'help.about': () => setLookupDialog('about'),
    'review.publish': () => (documentRef.current ? setPublishing('publish') : notify('Open a review to publish it.')),
    'publish.connections': () => setPublishing('connections'),
    'view.toggleChecks': () => editor.current?.run(toggleLintPanel),
    'view.toggleFrontMatter': () => editor.current?.run(toggleFrontMatter),
    'view.toggleFocusMode': writing.toggleFocusMode,
    'view.toggleTypewriter': writing.toggleTypewriter,
    'writing.settings': () => writing.setSettingsOpen(true),
  };

  useEffect(() => installKeyboardCommands(() => actions.current), []);

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

  // Images resolve against the review the rendered text came from, never another one.
  const renderedPath = rendered.path;
  // A still's web derivative, when it has one, is what the preview loads (src/stills).
  const webCopies = stills.derivatives;
  const imageUrl = useMemo(
    () => (src: string) => (renderedPath ? client.assetUrl(renderedPath, Object.hasOwn(webCopies, src) ? webCopies[src]! : src) : null),
    [client, renderedPath, webCopies],
  );

  const frontMatterError = rendered.frontMatter.error;
  const layout = `layout${showLibrary ? '' : ' no-library'}${showPreview ? '' : ' no-preview'}${side.shown ? '' : ' no-metadata'}`;

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
        <RecoveryBar client={client} libraryRoot={libraryRoot} onRestore={(entry) => openReview(entry.path, entry)} />
        {document && <DocumentBars key={document.path} document={document} onOpen={(path) => void openReview(path).catch((e) => reportError(e, 'opening the review'))} />}
        {document?.readOnly && <div className="bar bar-alert" role="alert">{document.readOnly}</div>}
        {frontMatterError && (
          <div className="bar bar-warn" role="alert">
            The front matter does not parse (line {frontMatterError.line}): {frontMatterError.message} The review is still
            editable; the film’s facts wait until the YAML is fixed.
          </div>
        )}
        <EditorPane ref={editor} document={document} onTextSettled={onSettled} extensions={side.stillsBridge.extension} aids={side.aids} />
        {!side.stillsVisible && <ImportStatus progress={stills.progress} className="still-import-editor" />}
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
      {side.shown && (
        <ReviewSideColumn
          side={side}
          client={client}
          document={document}
          trash={info?.trash ?? 'app-folder'}
          onLookUp={() => actions.current['film.lookup']()}
          onAddStill={() => actions.current['stills.add']()}
        />
      )}
      <StatusBar document={document} words={words} minutes={minutes} target={writing.target} onOpenWritingSettings={() => writing.setSettingsOpen(true)} />
      <NewReviewDialog open={dialog === 'new'} onClose={() => setDialog(null)} onCreate={createReview} />
      <OpenLibraryDialog
        open={dialog === 'open'}
        currentRoot={libraryRoot}
        onClose={() => setDialog(null)}
        onOpenPath={(path) => switchLibrary(() => client.call('library.open', { path }))}
      />
      <ExportDialog
        open={exporting}
        client={client}
        reviewPath={document?.path ?? null}
        save={saveOpenReview}
        canChooseFolder={Boolean(info?.canChooseFolder)}
        onClose={() => setExporting(false)}
      />
      <PublishDialog
        open={publishing}
        client={client}
        reviewPath={document?.path ?? null}
        readText={() => documentRef.current?.text() ?? ''}
        save={saveOpenReview}
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
