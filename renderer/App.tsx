import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, Client, LibraryListing } from '../src/contract';
import type { CommandActions } from './commands';
import { installKeyboardCommands } from './commands';
import { ReviewDocument } from './document/review-document';
import { EditorPane, type EditorHandle } from './editor/EditorPane';
import { LibraryPane, type LibraryHandle } from './library/LibraryPane';
import { NewReviewDialog } from './library/NewReviewDialog';
import { OpenLibraryDialog } from './library/OpenLibraryDialog';
import { PreviewPane, type PreviewHandle } from './preview/PreviewPane';
import { useLivePreview } from './preview/use-live-preview';
import { useScrollSync } from './preview/use-scroll-sync';
import { StatusBar } from './StatusBar';
import { Notices } from './ui/Notices';
import { notify, reportError } from './ui/notices';
import type { Sanitize } from '../src/markdown/pipeline';

interface Props {
  client: Client;
  sanitize: Sanitize;
}

const lastReviewKey = (root: string) => `intertitle:last-review:${root}`;

export function App({ client, sanitize }: Props) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [document, setDocument] = useState<ReviewDocument | null>(null);
  const [dialog, setDialog] = useState<'new' | 'open' | null>(null);
  const [showLibrary, setShowLibrary] = useState(true);
  const [showPreview, setShowPreview] = useState(true);
  const editor = useRef<EditorHandle>(null);
  const preview = useRef<PreviewHandle>(null);
  const library = useRef<LibraryHandle>(null);
  const documentRef = useRef<ReviewDocument | null>(null);
  const focusEditorAfterDialog = useRef(false);
  const { rendered, words, minutes, onTextSettled } = useLivePreview(sanitize);
  useScrollSync(editor, preview, [document, showPreview]);

  const refresh = useCallback(async () => {
    const next = await client.call('library.list', {});
    setListing(next);
    return next;
  }, [client]);

  /** Switches to another review, saving the current one first; never drops unsaved text. */
  const openReview = useCallback(
    async (path: string) => {
      const current = documentRef.current;
      if (current?.path === path) return;
      if (current) {
        await current.flush();
        if (current.dirty) {
          notify(`${current.path} could not be saved, so it stays open. Your text is still here.`, 'error');
          return;
        }
      }
      const file = await client.call('review.read', { path });
      const next = new ReviewDocument(client, file);
      current?.dispose();
      documentRef.current = next;
      setDocument(next);
      const root = listing?.library.root ?? info?.library?.root;
      if (root) localStorage.setItem(lastReviewKey(root), path);
      if (file.readOnly) notify(file.readOnly, 'error');
      if (next.mixedLineBreaks) {
        notify(`${path} mixes Windows and Unix line breaks; Intertitle will save it with ${next.lineBreak === '\r\n' ? 'Windows' : 'Unix'} ones.`);
      }
    },
    [client, listing, info],
  );

  /** Opens the remembered review of a library, or its first one: the first screen is an editor. */
  const openInitialReview = useCallback(
    async (current: LibraryListing) => {
      const remembered = localStorage.getItem(lastReviewKey(current.library.root));
      const path = current.reviews.find((r) => r.path === remembered)?.path ?? current.reviews[0]?.path;
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
    async (filmTitle: string, year: number) => {
      const { path } = await client.call('review.create', { filmTitle, year });
      await refresh();
      await openReview(path);
      focusEditorAfterDialog.current = true;
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
    'help.about': () => notify(`Intertitle ${info?.version ?? ''} — a markdown editor for film critics.`),
  };

  useEffect(() => installKeyboardCommands(() => actions.current), []);

  // A new review: once its dialog has closed (and handed focus back), the critic types at its end.
  // The dialog's own effect runs first, so this focus wins.
  useEffect(() => {
    if (dialog === null && focusEditorAfterDialog.current) {
      focusEditorAfterDialog.current = false;
      editor.current?.focusEnd();
    }
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
  const imageUrl = useMemo(
    () => (src: string) => (renderedPath ? client.assetUrl(renderedPath, src) : null),
    [client, renderedPath],
  );

  const frontMatterError = rendered.frontMatter.error;
  const layout = `layout${showLibrary ? '' : ' no-library'}${showPreview ? '' : ' no-preview'}`;

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
        />
      )}
      <section className="pane editor-pane" aria-label="Editor">
        {document?.readOnly && <div className="bar bar-alert" role="alert">{document.readOnly}</div>}
        {frontMatterError && (
          <div className="bar bar-warn" role="alert">
            The front matter does not parse (line {frontMatterError.line}): {frontMatterError.message}. The review is still
            editable; the film’s facts wait until the YAML is fixed.
          </div>
        )}
        <EditorPane ref={editor} document={document} onTextSettled={onTextSettled} />
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
            html={document ? rendered.html : ''}
            imageUrl={imageUrl}
            onOpenLink={(href) => window.open(href, '_blank', 'noopener,noreferrer')}
          />
        </section>
      )}
      <StatusBar document={document} words={words} minutes={minutes} />
      <NewReviewDialog open={dialog === 'new'} onClose={() => setDialog(null)} onCreate={createReview} />
      <OpenLibraryDialog
        open={dialog === 'open'}
        currentRoot={listing?.library.root ?? null}
        onClose={() => setDialog(null)}
        onOpenPath={(path) => switchLibrary(() => client.call('library.open', { path }))}
      />
      <Notices />
    </div>
  );
}
