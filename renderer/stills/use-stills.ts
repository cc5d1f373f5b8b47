import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client, PickedStill, StillsListing, StillsSettings } from '../../src/contract';
import { HostError } from '../../src/contract';
import { resolveAssetPath } from '../../src/library/paths';
import type { ImageSizes } from '../../src/markdown/render-env';
import { parseFrontMatter, splitFrontMatter } from '../../src/review/front-matter';
import { fillCredit } from '../../src/stills/credits';
import { altEdit, captionEdit, creditTextEdit, insertStill, removeStill, type SameStill } from '../../src/stills/edits';
import { imageReferences } from '../../src/stills/figure-source';
import { imageSizes, stillEntries, type StillEntry } from '../../src/stills/panel-model';
import { maxStillUploadBytes, type StillInfo } from '../../src/stills/types';
import type { EditResult } from '../../src/review/front-matter-edit';
import { notify, reportError } from '../ui/notices';
import { ImportQueue, idleProgress, type ImportItem, type ImportProgress } from './import-queue';
import { fileToBase64, formatBytes } from './read-file';
import type { StillMarker, StillsEditorBridge } from './stills-editor';

interface Options {
  client: Client;
  bridge: StillsEditorBridge;
  /** The open review, or null. */
  path: string | null;
  readOnly: boolean;
  /** Hands the preview the host's image sizes for a review. */
  setImages: (path: string, sizes: ImageSizes) => void;
}

type Source = ImportItem & ({ file: File } | { picked: PickedStill });

/** The figure lines and the front matter: what the panel shows can only change when these do. */
function signatureOf(text: string): string {
  let lines = splitFrontMatter(text).yaml ?? '';
  for (let at = text.indexOf('!['); at >= 0; at = text.indexOf('![', at + 2)) {
    const start = text.lastIndexOf('\n', at) + 1;
    const end = text.indexOf('\n', at);
    lines += `\n${text.slice(start, end < 0 ? text.length : end)}`;
    if (end < 0) break;
    at = end - 1;
  }
  return lines;
}

function stable<T>(value: T, previous: { json: string; value: T } | null): { json: string; value: T } {
  const json = JSON.stringify(value);
  return previous?.json === json ? previous : { json, value };
}

/**
 * The Stills panel's state and actions for the open review: the host's listing of its stills
 * (refreshed when the figures change, after each change, and when the window comes back), the
 * entries the panel shows, the image sizes handed to the preview, and adding, editing and
 * removing stills. Edits go to the editor as one undoable transaction each.
 */
export function useStills({ client, bridge, path, readOnly, setImages }: Options) {
  const [listing, setListing] = useState<{ path: string; value: StillsListing } | null>(null);
  const [figures, setFigures] = useState<{ path: string | null; text: string; data: Record<string, unknown> | null }>({ path: null, text: '', data: null });
  const [progress, setProgress] = useState<ImportProgress>(idleProgress);
  /** The still added last (its src), so the panel can bring its card into view. */
  const [lastAdded, setLastAdded] = useState<{ path: string; src: string } | null>(null);
  const pathRef = useRef(path);
  pathRef.current = path;
  const signature = useRef<{ path: string | null; value: string } | null>(null);
  const refsRef = useRef<{ path: string | null; refs: string[] }>({ path: null, refs: [] });
  const listingRef = useRef(listing);
  listingRef.current = listing;
  const derivativesRef = useRef<{ json: string; value: Record<string, string> } | null>(null);

  const refresh = useCallback(async () => {
    const forPath = pathRef.current;
    if (!forPath) return;
    const refs = refsRef.current.path === forPath ? refsRef.current.refs : [];
    try {
      const value = await client.call('stills.list', { path: forPath, refs });
      if (pathRef.current !== forPath) return;
      setListing({ path: forPath, value });
      setImages(forPath, imageSizes(value.refs));
    } catch (error) {
      // A review that was just moved or deleted: its stills are listed again when it reopens.
      if (!(error instanceof HostError && error.code === 'not-found')) reportError(error, 'listing the stills');
    }
  }, [client, setImages]);

  /** The editor's settled text (the preview's): re-read only when a figure line or the front matter changed. */
  const onTextSettled = useCallback(
    (settledPath: string | null, text: string) => {
      const value = signatureOf(text);
      if (signature.current?.path === settledPath && signature.current.value === value) return;
      signature.current = { path: settledPath, value };
      const parsed = parseFrontMatter(text);
      setFigures({ path: settledPath, text, data: parsed.error ? null : parsed.data });
      const refs = imageReferences(text);
      const changed = refsRef.current.path !== settledPath || refsRef.current.refs.join('\n') !== refs.join('\n');
      refsRef.current = { path: settledPath, refs };
      if (changed && settledPath) void refresh();
    },
    [refresh],
  );

  useEffect(() => {
    setListing(null);
    if (path) void refresh();
  }, [path, refresh]);

  // Files may change while Intertitle is in the background (a file manager, an image editor).
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onVisible);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onVisible);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const current = listing && listing.path === path ? listing.value : null;
  const entries: StillEntry[] = useMemo(
    () => (path && figures.path === path ? stillEntries(path, figures.text, figures.data, current) : []),
    [path, figures, current],
  );
  const settings: StillsSettings | null = current?.settings ?? null;

  /** The preview loads each still's web derivative when it has one. */
  const derivatives = useMemo(() => {
    const map: Record<string, string> = {};
    for (const [src, info] of Object.entries(current?.refs ?? {})) if (info?.derivative) map[src] = info.derivative;
    derivativesRef.current = stable(map, derivativesRef.current);
    return derivativesRef.current.value;
  }, [current]);

  const sameStill = useCallback(
    (entry: Pick<StillEntry, 'src' | 'libraryPath'>): SameStill =>
      (src) => (entry.libraryPath !== null && path !== null ? resolveAssetPath(path, src) === entry.libraryPath : src === entry.src),
    [path],
  );

  /** Applies an edit for the review at `forPath`; returns why it could not be made, or null. */
  const applyEdit = useCallback(
    (forPath: string | null, compute: (text: string) => EditResult): string | null => {
      if (forPath === null || forPath !== pathRef.current) return 'That review is no longer open.';
      if (readOnly) return 'This review is read-only.';
      let failure: string | null = null;
      const applied = bridge.apply((text) => {
        const result = compute(text);
        if (result.ok) return result.changes;
        failure = result.message;
        return null;
      });
      if (applied) onTextSettled(forPath, applied.text);
      if (failure) notify(failure, 'error');
      return failure;
    },
    [bridge, readOnly, onTextSettled],
  );

  const setAlt = useCallback((entry: StillEntry, alt: string) => applyEdit(path, (text) => altEdit(text, sameStill(entry), alt)), [applyEdit, path, sameStill]);
  const setCaption = useCallback(
    (entry: StillEntry, caption: string) => applyEdit(path, (text) => captionEdit(text, sameStill(entry), caption)),
    [applyEdit, path, sameStill],
  );
  const setCredit = useCallback((entry: StillEntry, credit: string) => applyEdit(path, (text) => creditTextEdit(text, entry.src, credit)), [applyEdit, path]);

  /** Puts a still into the text at a marker, with the library's default credit when it has none. */
  const placeStill = useCallback(
    (forPath: string, still: Pick<StillInfo, 'src'>, marker: StillMarker): boolean => {
      const pos = bridge.position(marker);
      const text = bridge.text();
      if (pos === null || text === null || pathRef.current !== forPath || readOnly) return false;
      const data = parseFrontMatter(text).data;
      const known = data?.['stills'];
      const hasCredit = known !== null && typeof known === 'object' && Object.hasOwn(known, still.src);
      const template = listingRef.current?.value.settings.defaultCredit ?? '';
      const credit = hasCredit ? null : fillCredit(template, data);
      const insertion = insertStill(text, pos, { src: still.src, credit });
      const applied = bridge.apply(() => insertion.changes);
      if (!applied) return false;
      bridge.move(marker, applied.mapPos(insertion.at, -1) + insertion.lead + insertion.length);
      onTextSettled(forPath, applied.text);
      return true;
    },
    [bridge, readOnly, onTextSettled],
  );

  const queue = useMemo(
    () =>
      new ImportQueue<Source & { path: string; marker: StillMarker }>(async (item) => {
        try {
          let args: { path: string; name: string; data?: string; picked?: string };
          if ('file' in item) {
            if (item.bytes === 0) throw new HostError('invalid-args', `“${item.name}” is empty (0 bytes): there is no picture in it.`);
            if (item.bytes > maxStillUploadBytes) {
              throw new HostError('invalid-args', `“${item.name}” is ${formatBytes(item.bytes)}; stills can be up to ${formatBytes(maxStillUploadBytes)}. Save a smaller copy and add that.`);
            }
            args = { path: item.path, name: item.name, data: await fileToBase64(item.file) };
          } else {
            args = { path: item.path, name: item.name, picked: item.picked.id };
          }
          const { still } = await client.call('stills.import', args);
          setLastAdded({ path: item.path, src: still.src });
          if (!placeStill(item.path, still, item.marker)) {
            notify(`${still.src} was added to the review’s stills folder; insert it from the Stills panel.`);
          }
        } catch (error) {
          reportError(error, `adding ${item.name}`);
          throw error;
        }
      }, setProgress),
    [client, placeStill],
  );

  /** Adds pictures (dropped, pasted, uploaded or chosen in the host's dialog) at a marker. */
  const addStills = useCallback(
    async (sources: Source[], marker: StillMarker | null) => {
      const forPath = pathRef.current;
      const at = marker ?? bridge.mark();
      if (!forPath || !at) {
        notify('Open a review to add stills to it.');
        return;
      }
      if (readOnly) {
        notify('This review is read-only, so stills cannot be added to it.', 'error');
        bridge.release(at);
        return;
      }
      try {
        await queue.add(sources.map((source) => ({ ...source, path: forPath, marker: at })));
      } finally {
        bridge.release(at);
        void refresh();
      }
    },
    [bridge, queue, readOnly, refresh],
  );

  const addFiles = useCallback(
    (files: File[], marker: StillMarker | null) => addStills(files.map((file) => ({ file, name: file.name || 'pasted picture', bytes: file.size })), marker),
    [addStills],
  );

  const addPicked = useCallback(
    (picked: PickedStill[]) => addStills(picked.map((p) => ({ picked: p, name: p.name, bytes: p.bytes })), null),
    [addStills],
  );

  // Files dropped on or pasted into the editor.
  useEffect(() => {
    bridge.onFiles = (files, marker) => void addFiles(files, marker);
    return () => {
      bridge.onFiles = null;
    };
  }, [bridge, addFiles]);

  /** Inserts a still nothing refers to yet at the cursor. */
  const insert = useCallback(
    (entry: StillEntry) => {
      const marker = bridge.mark();
      if (!path || !marker) return;
      if (!placeStill(path, entry, marker)) notify('The review cannot be changed here.', 'error');
      bridge.release(marker);
    },
    [bridge, path, placeStill],
  );

  /** Moves a still to the trash and takes its figures and credit out of the text (one Ctrl+Z puts the text back). */
  const remove = useCallback(
    async (entry: StillEntry) => {
      const forPath = path;
      if (!forPath) return;
      let trashedTo: string | null = null;
      if (entry.file) {
        ({ trashedTo } = await client.call('stills.trash', { path: forPath, src: entry.src }));
      }
      if (entry.referenced || entry.credit) applyEdit(forPath, (text) => ({ ok: true, changes: removeStill(text, sameStill(entry), [entry.src]) }));
      notify(trashedTo ? `${entry.src} was moved to Intertitle’s trash folder: ${trashedTo}` : `${entry.src} was moved to the trash.`);
      void refresh();
    },
    [client, path, applyEdit, sameStill, refresh],
  );

  /** Makes the web-size copy of a still that has none. */
  const derive = useCallback(
    async (entry: StillEntry) => {
      if (!path) return;
      await client.call('stills.derive', { path, src: entry.src });
      void refresh();
    },
    [client, path, refresh],
  );

  const reveal = useCallback(
    (entry: StillEntry) => {
      const text = bridge.text();
      if (!text || !path) return;
      const same = sameStill(entry);
      const figure = stillEntries(path, text, null, null).find((e) => e.figure && same(e.figure.src))?.figure;
      if (figure) bridge.reveal(figure.from, figure.to);
    },
    [bridge, path, sameStill],
  );

  const saveSettings = useCallback(
    async (change: Partial<StillsSettings>) => {
      await client.call('stills.settings.set', change);
      await refresh();
    },
    [client, refresh],
  );

  return {
    entries,
    /** How many stills the text shows whose file is missing (the Stills tab shows the number). */
    missing: entries.filter((e) => e.referenced && e.file === null).length,
    /** The text and the host's listing of the open review have both arrived. */
    ready: path !== null && figures.path === path && current !== null,
    listing: current,
    settings,
    progress,
    lastAdded: lastAdded?.path === path ? lastAdded.src : null,
    derivatives,
    frontMatter: figures.data,
    text: figures.path === path ? figures.text : '',
    onTextSettled,
    addFiles,
    addPicked,
    setAlt,
    setCaption,
    setCredit,
    insert,
    remove,
    derive,
    reveal,
    saveSettings,
    refresh,
  };
}

export type StillsState = ReturnType<typeof useStills>;
