import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../../src/contract';
import { knownNamesOf, type KnownName } from '../../src/lint/names';
import { defaultWritingSettings, type WritingSettings } from '../../src/lint/settings';
import { reportError } from '../ui/notices';
import type { WritingAidsConfig } from './writing-aids';
import { spellingWords } from './spelling-words';

const focusKey = 'intertitle:focus-mode';
const typewriterKey = 'intertitle:typewriter';

/**
 * The app's side of the writing aids: the open library's settings (from the host), the names
 * of the review's front matter, the focus and typewriter toggles (remembered), and the target
 * length. `data` is the sidebar's parsed front matter, a new object only when the YAML changed,
 * so typing in the body changes nothing here.
 */
export function useWritingAids(client: Client, libraryRoot: string | null, data: Record<string, unknown>) {
  const [settings, setSettings] = useState<WritingSettings>(defaultWritingSettings);
  const [focusMode, setFocusMode] = useState(() => localStorage.getItem(focusKey) === 'true');
  const [typewriter, setTypewriter] = useState(() => localStorage.getItem(typewriterKey) === 'true');
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    if (!libraryRoot) return;
    let cancelled = false;
    setSettings(defaultWritingSettings);
    client
      .call('writing.settings.get', {})
      .then((loaded) => !cancelled && setSettings(loaded))
      .catch((error) => reportError(error, 'reading the writing settings'));
    return () => {
      cancelled = true;
    };
  }, [client, libraryRoot]);

  const names = useMemo<readonly KnownName[]>(() => knownNamesOf(data), [data]);
  useSpellingNames(client, names);

  const lintSettings = useMemo(
    () => ({ titleStyle: settings.titleStyle, maxSentenceWords: settings.maxSentenceWords, disabledRules: settings.disabledRules }),
    [settings.titleStyle, settings.maxSentenceWords, settings.disabledRules],
  );
  const aids = useMemo<WritingAidsConfig>(() => ({ names, settings: lintSettings, focusMode, typewriter }), [names, lintSettings, focusMode, typewriter]);

  const saveSettings = useCallback(
    async (next: WritingSettings) => {
      const saved = await client.call('writing.settings.set', { settings: next });
      setSettings(saved);
    },
    [client],
  );
  const toggleFocusMode = useCallback(() => {
    setFocusMode((on) => {
      localStorage.setItem(focusKey, String(!on));
      return !on;
    });
  }, []);
  const toggleTypewriter = useCallback(() => {
    setTypewriter((on) => {
      localStorage.setItem(typewriterKey, String(!on));
      return !on;
    });
  }, []);

  const target = targetLength(data, settings.targetWords);

  return { aids, target, settings, saveSettings, toggleFocusMode, toggleTypewriter, settingsOpen, setSettingsOpen };
}

/** The review's `target_words` when it is a whole positive number, else the library's default (or null). */
export function targetLength(data: Record<string, unknown>, libraryDefault: number | null): number | null {
  const own = data['target_words'];
  return typeof own === 'number' && Number.isInteger(own) && own > 0 ? own : libraryDefault;
}

/** Sends the review's names to the host's spellchecker (Electron), each word once, after a pause. */
function useSpellingNames(client: Client, names: readonly KnownName[]): void {
  const sent = useRef(new Set<string>());
  useEffect(() => {
    const words = spellingWords(names).filter((word) => !sent.current.has(word));
    if (!words.length) return;
    const timer = setTimeout(() => {
      for (const word of words) sent.current.add(word);
      client.call('spelling.addWords', { words }).catch((error) => {
        for (const word of words) sent.current.delete(word);
        reportError(error, 'adding the film’s names to the spellchecker');
      });
    }, 1000);
    return () => clearTimeout(timer);
  }, [client, names]);
}
