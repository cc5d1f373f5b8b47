import { openSearchPanel } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, type Command } from '@codemirror/view';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { ReviewDocument } from '../document/review-document';
import { documentExtensions, editorExtensions } from './extensions';
import { foldFrontMatterOnOpen } from './front-matter-fold';
import { afterPaint, settleDelay } from './settle-delay';
import { configureWritingAids, defaultAidsConfig, loadWritingChecks, writingAids, type WritingAidsConfig } from '../writing/writing-aids';
import { minimalReplace } from '../document/minimal-replace';
import { isolateHistory } from '@codemirror/commands';
import type { TextChange } from '../../src/review/front-matter-edit';

export interface EditorHandle {
  focus(): void;
  /** Focuses the editor with the cursor at the end of the review (a new review's body). */
  focusEnd(): void;
  openSearch(): void;
  /** Fractional 0-based source line at the top of the editor's viewport. */
  topLine(): number;
  scrollToLine(line: number): void;
  onScroll(listener: () => void): () => void;
  /** Replaces the text (a reload from disk), changing only what differs so the cursor stays near where it was. */
  replaceText(text: string): void;
  /**
   * Applies changes computed from the current text as one undoable step (the sidebar's edits:
   * one Ctrl+Z undoes one). Returns the new text, or null when nothing was applied.
   */
  dispatchChanges(compute: (text: string) => readonly TextChange[] | null, userEvent: string): string | null;
  /** Runs an editor command (the lint panel's toggle); false when there is no editor or it did nothing. */
  run(command: Command): boolean;
}

interface Props {
  document: ReviewDocument | null;
  /** Called with the text about 30 ms after typing pauses (400 ms in a very long draft: settle-delay.ts), and once when a review loads. */
  onTextSettled: (path: string | null, text: string) => void;
  /** Features other panes add to every review's editor (the Stills panel's drop and paste); read once. */
  extensions?: Extension;
  /** Names, check settings and focus toggles for the writing aids (renderer/writing). */
  aids?: WritingAidsConfig;
}


/**
 * The CodeMirror editor. One EditorView for the app; each review gets its own EditorState,
 * kept while the app runs so that switching back restores its undo history.
 */
export const EditorPane = forwardRef<EditorHandle, Props>(function EditorPane({ document, onTextSettled, extensions, aids }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const documentRef = useRef(document);
  const onSettledRef = useRef(onTextSettled);
  const states = useRef(new Map<string, EditorState>());
  onSettledRef.current = onTextSettled;
  const aidsRef = useRef(aids ?? defaultAidsConfig);
  aidsRef.current = aids ?? defaultAidsConfig;

  // Shared by every review's state; reads the current document and callback through refs.
  const baseExtensions = useMemo(() => {
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    const listener = EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      documentRef.current?.changed();
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = setTimeout(
        () => onSettledRef.current(documentRef.current?.path ?? null, update.view.state.doc.toString()),
        settleDelay(update.state.doc.length),
      );
    });
    return [listener, editorExtensions(), extensions ?? []];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const stateFor = (text: string, readOnly: boolean) =>
    EditorState.create({ doc: text, extensions: [baseExtensions, writingAids(aidsRef.current), documentExtensions({ readOnly })] });

  useEffect(() => {
    const created = new EditorView({ parent: host.current!, state: stateFor('', true) });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const previous = documentRef.current;
    if (previous && previous !== document) states.current.set(previous.path, editor.state);
    documentRef.current = document;
    if (!document) {
      // With nothing open before, the view still holds the empty state it was created with: a new
      // one would only rebuild every plugin again (at start, before the first review arrives).
      if (previous) editor.setState(stateFor('', true));
      onSettledRef.current(null, '');
      return;
    }
    const cached = states.current.get(document.path);
    const reuse = cached && cached.doc.sliceString(0, cached.doc.length, document.lineBreak) === document.initialText;
    editor.setState(reuse ? cached : stateFor(document.initialText, document.readOnly !== null));
    if (!reuse) foldFrontMatterOnOpen(editor);
    if (reuse) editor.dispatch({ effects: configureWritingAids(aidsRef.current) });
    document.attach(() => editor.state.doc.sliceString(0, editor.state.doc.length, document.lineBreak));
    onSettledRef.current(document.path, editor.state.doc.toString());
    // The review is drawn and takes typing: now fetch the writing checks, before their first run
    // (which tries again, and reports, if this fetch fails).
    return afterPaint(() => void loadWritingChecks().catch(() => {}));
  }, [document]);

  useEffect(() => {
    view.current?.dispatch({ effects: configureWritingAids(aidsRef.current) });
  }, [aids]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => view.current?.focus(),
      focusEnd() {
        const editor = view.current;
        if (!editor) return;
        editor.dispatch({ selection: { anchor: editor.state.doc.length }, scrollIntoView: true });
        editor.focus();
      },
      openSearch: () => {
        if (view.current) openSearchPanel(view.current);
      },
      topLine() {
        const editor = view.current;
        if (!editor) return 0;
        const top = editor.scrollDOM.scrollTop;
        const block = editor.lineBlockAtHeight(top);
        const line = editor.state.doc.lineAt(block.from).number - 1;
        return line + Math.max(0, Math.min(1, (top - block.top) / Math.max(block.height, 1)));
      },
      scrollToLine(line) {
        const editor = view.current;
        if (!editor) return;
        const doc = editor.state.doc;
        const whole = Math.max(0, Math.min(doc.lines - 1, Math.floor(line)));
        const block = editor.lineBlockAt(doc.line(whole + 1).from);
        editor.scrollDOM.scrollTop = block.top + (line - whole) * block.height;
      },
      replaceText(text) {
        const editor = view.current;
        if (editor) editor.dispatch(minimalReplace(editor.state.doc.toString(), text.replace(/\r\n?/g, '\n')));
      },
      dispatchChanges(compute, userEvent) {
        const editor = view.current;
        if (!editor || editor.state.readOnly) return null;
        const changes = compute(editor.state.doc.toString());
        if (!changes?.length) return null;
        editor.dispatch({ changes: [...changes], userEvent, annotations: isolateHistory.of('full') });
        return editor.state.doc.toString();
      },
      run: (command) => (view.current ? command(view.current) : false),
      onScroll(listener) {
        const scroller = view.current?.scrollDOM;
        scroller?.addEventListener('scroll', listener, { passive: true });
        return () => scroller?.removeEventListener('scroll', listener);
      },
    }),
    [],
  );

  return <div className="editor-host" ref={host} />;
});
