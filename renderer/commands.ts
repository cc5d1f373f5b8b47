import { commands, type CommandId } from '../src/contract/commands';

export type CommandActions = Record<CommandId, () => void>;

interface KeyBinding {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function parseKeys(keys: string): KeyBinding {
  const parts = keys.split('-');
  const key = parts.pop()!.toLowerCase();
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

const bindings = commands.flatMap((command) =>
  'keys' in command && command.keys ? [{ id: command.id as CommandId, binding: parseKeys(command.keys) }] : [],
);

/** The command a key press stands for, if any (CodeMirror's `Mod` is Cmd on macOS, Ctrl elsewhere). */
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): CommandId | null {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const key = event.key.toLowerCase();
  for (const { id, binding } of bindings) {
    if (binding.key === key && binding.mod === mod && binding.shift === event.shiftKey && binding.alt === event.altKey) return id;
  }
  return null;
}

/** Shortcut text for buttons and tooltips, e.g. "Ctrl+Shift+P". */
export function shortcutLabel(id: CommandId): string {
  const command = commands.find((c) => c.id === id);
  if (!command || !('keys' in command) || !command.keys) return '';
  return command.keys
    .split('-')
    .map((part) => (part === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : part.length === 1 ? part.toUpperCase() : part))
    .join(isMac ? '' : '+');
}

/**
 * Commands whose keys CodeMirror also binds and would take first in the editor: Mod-L (select
 * line) and, on macOS, Mod-Shift-U (redo selection). The app's command wins, as the command
 * table promises, so these are caught in the capture phase, before the editor sees them.
 */
const beforeEditor: ReadonlySet<CommandId> = new Set<CommandId>(['film.lookup', 'review.publish']);

/**
 * Runs commands from the keyboard (window-wide) and from the host's menu. Keys the editor
 * already handled (search, undo) arrive with defaultPrevented and are left alone, except the
 * commands in `beforeEditor`, which run before the editor is asked.
 */
export function installKeyboardCommands(actions: () => CommandActions): () => void {
  const listener = (capture: boolean) => (event: KeyboardEvent) => {
    if (event.isComposing || (!capture && event.defaultPrevented)) return;
    const id = commandForKey(event);
    if (!id || beforeEditor.has(id) !== capture) return;
    event.preventDefault();
    if (capture) event.stopPropagation();
    actions()[id]();
  };
  const onCapture = listener(true);
  const onBubble = listener(false);
  window.addEventListener('keydown', onCapture, true);
  window.addEventListener('keydown', onBubble);
  return () => {
    window.removeEventListener('keydown', onCapture, true);
    window.removeEventListener('keydown', onBubble);
  };
}
