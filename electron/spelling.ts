import type { ContextMenuParams, MenuItemConstructorOptions, Session } from 'electron';

type Dictionary = Pick<Session, 'addWordToSpellCheckerDictionary'>;

/**
 * The host's `addSpellingWords`: the names of the review being written become known words of
 * Electron's spellchecker, so "Vysotskaya" is not underlined in red. Each word is sent once a
 * run. On macOS and Windows Electron also writes it to the system's custom dictionary, which
 * is what "Add to Dictionary" does in any app (docs/writing-aids.md).
 */
export function createSpellingWords(dictionary: () => Dictionary): (words: readonly string[]) => number {
  const added = new Set<string>();
  return (words) => {
    let count = 0;
    for (const word of words) {
      if (added.has(word) || !/^[\p{L}\p{M}'’-]+$/u.test(word)) continue;
      if (dictionary().addWordToSpellCheckerDictionary(word)) {
        added.add(word);
        count++;
      }
    }
    return count;
  };
}

/**
 * The right-click menu of an editable field: the spellchecker's suggestions for a misspelt word
 * and "Add to Dictionary" (Electron shows no menu of its own), then the usual edit items.
 */
export function editingMenuTemplate(
  params: Pick<ContextMenuParams, 'isEditable' | 'misspelledWord' | 'dictionarySuggestions' | 'selectionText'>,
  actions: { replace: (word: string) => void; learn: (word: string) => void },
): MenuItemConstructorOptions[] {
  if (!params.isEditable) return params.selectionText ? [{ role: 'copy' }] : [];
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    for (const suggestion of params.dictionarySuggestions.slice(0, 6)) items.push({ label: suggestion, click: () => actions.replace(suggestion) });
    if (!params.dictionarySuggestions.length) items.push({ label: 'No Guesses Found', enabled: false });
    items.push({ label: 'Add to Dictionary', click: () => actions.learn(params.misspelledWord) }, { type: 'separator' });
  }
  items.push({ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' });
  return items;
}
