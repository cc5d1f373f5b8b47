import { isolateHistory } from '@codemirror/commands';
import { ChangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import type { TextChange } from '../../src/review/front-matter-edit';
import { transferFiles } from './transfer-files';

/** Marks the Stills panel's transactions in the editor's history. */
export const stillsUserEvent = 'input.stills';

/** A place in the text where a still is on its way (the cursor, or where files were dropped). */
export interface StillMarker {
  readonly id: number;
}

const addMarker = StateEffect.define<{ id: number; pos: number }>();
const moveMarker = StateEffect.define<{ id: number; pos: number }>();
const dropMarker = StateEffect.define<number>();

/**
 * Where each pending still will go, mapped through every edit, so a still that takes seconds to
 * copy lands where it was dropped even if the critic typed above it meanwhile.
 */
const markers = StateField.define<ReadonlyMap<number, number>>({
  create: () => new Map(),
  update(value, tr) {
    let next: Map<number, number> | null = null;
    const edit = () => (next ??= new Map(value));
    if (tr.docChanged && value.size) for (const [id, pos] of value) edit().set(id, tr.changes.mapPos(pos));
    for (const effect of tr.effects) {
      if (effect.is(addMarker) || effect.is(moveMarker)) edit().set(effect.value.id, effect.value.pos);
      else if (effect.is(dropMarker)) edit().delete(effect.value);
    }
    return next ?? value;
  },
});

/** What `apply` did: the new text, and how positions of the text before moved. */
export interface Applied {
  text: string;
  mapPos(pos: number, assoc?: -1 | 1): number;
}

/** Files dropped or pasted into the editor, with where they go. */
export type StillFilesHandler = (files: File[], marker: StillMarker) => void;

/**
 * The link between the editor and the Stills panel. The panel never reads the editor's state
 * directly: it asks the bridge to place markers, apply changes computed from the current text
 * (one undoable transaction each), and scroll to a figure. The bridge's `extension` goes into the
 * editor; it also turns dropped and pasted picture files into stills.
 */
export interface StillsEditorBridge {
  readonly extension: Extension;
  /** Called with picture files dropped on or pasted into the editor. */
  onFiles: StillFilesHandler | null;
  /** The editor's text now, or null when there is no editor. */
  text(): string | null;
  /** A marker at `pos`, or at the cursor. */
  mark(pos?: number): StillMarker | null;
  /** Where a marker is now; null when the editor switched reviews since (the marker is gone). */
  position(marker: StillMarker): number | null;
  /** Moves a marker (after a still was placed, the next goes after it). */
  move(marker: StillMarker, pos: number): void;
  release(marker: StillMarker): void;
  /**
   * Applies changes computed from the current text as one undoable step; returns the new text,
   * or null when nothing was applied (no editor, read-only, or `compute` gave nothing).
   */
  apply(compute: (text: string) => readonly TextChange[] | null): Applied | null;
  /** Scrolls the editor to a range and selects it. */
  reveal(from: number, to: number): void;
}

export function createStillsEditorBridge(): StillsEditorBridge {
  let view: EditorView | null = null;
  let nextId = 1;

  const bridge: StillsEditorBridge = {
    onFiles: null,
    extension: [
      markers,
      ViewPlugin.define((v) => {
        view = v;
        return {
          destroy() {
            if (view === v) view = null;
          },
        };
      }),
      EditorView.domEventHandlers({
        drop(event, v) {
          const files = transferFiles(event.dataTransfer, 'drop');
          if (!files.length || !bridge.onFiles || v.state.readOnly) return false;
          event.preventDefault();
          const pos = v.posAtCoords({ x: event.clientX, y: event.clientY }) ?? v.state.selection.main.head;
          const marker = bridge.mark(pos);
          if (marker) bridge.onFiles(files, marker);
          return true;
        },
        paste(event, v) {
          const files = transferFiles(event.clipboardData, 'paste');
          if (!files.length || !bridge.onFiles || v.state.readOnly) return false;
          event.preventDefault();
          const marker = bridge.mark();
          if (marker) bridge.onFiles(files, marker);
          return true;
        },
      }),
    ],
    text: () => view?.state.doc.toString() ?? null,
    mark(pos) {
      if (!view) return null;
      const id = nextId++;
      const at = Math.max(0, Math.min(view.state.doc.length, pos ?? view.state.selection.main.head));
      view.dispatch({ effects: addMarker.of({ id, pos: at }) });
      return { id };
    },
    position(marker) {
      return view?.state.field(markers, false)?.get(marker.id) ?? null;
    },
    move(marker, pos) {
      if (view?.state.field(markers, false)?.has(marker.id)) view.dispatch({ effects: moveMarker.of({ id: marker.id, pos }) });
    },
    release(marker) {
      if (view?.state.field(markers, false)?.has(marker.id)) view.dispatch({ effects: dropMarker.of(marker.id) });
    },
    apply(compute) {
      const editor = view;
      if (!editor || editor.state.readOnly) return null;
      const changes = compute(editor.state.doc.toString());
      if (!changes?.length) return null;
      const set = ChangeSet.of([...changes].sort((a, b) => a.from - b.from), editor.state.doc.length);
      // The critic's cursor stays where it is: a still may arrive while they type elsewhere.
      editor.dispatch({ changes: set, userEvent: stillsUserEvent, annotations: isolateHistory.of('full') });
      return { text: editor.state.doc.toString(), mapPos: (pos, assoc = -1) => set.mapPos(pos, assoc) };
    },
    reveal(from, to) {
      const editor = view;
      if (!editor) return;
      const end = Math.min(to, editor.state.doc.length);
      const start = Math.min(from, end);
      editor.dispatch({ selection: { anchor: start, head: end }, effects: EditorView.scrollIntoView(start, { y: 'center' }) });
      editor.focus();
    },
  };
  return bridge;
}
