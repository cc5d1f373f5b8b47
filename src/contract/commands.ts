/**
 * The app's commands as data: the renderer's registry, its keyboard shortcuts and the Electron
 * menu all read this one list. The menu sends only the id (event `menu.command`); the renderer
 * runs the command. Keys use CodeMirror's notation (`Mod` is Cmd on macOS, Ctrl elsewhere).
 */
export interface CommandSpec {
  id: string;
  label: string;
  /** Which menu the host shows it in. */
  menu: 'file' | 'edit' | 'view' | 'help';
  keys?: string;
}

export const commands = [
  { id: 'review.new', label: 'New Review…', menu: 'file', keys: 'Mod-n' },
  { id: 'library.open', label: 'Open Library…', menu: 'file', keys: 'Mod-o' },
  { id: 'review.save', label: 'Save', menu: 'file', keys: 'Mod-s' },
  { id: 'review.export', label: 'Export…', menu: 'file', keys: 'Mod-e' },
  { id: 'review.publish', label: 'Publish…', menu: 'file', keys: 'Mod-Shift-u' },
  { id: 'publish.connections', label: 'Publishing Connections…', menu: 'file' },
  { id: 'stills.add', label: 'Add Still…', menu: 'file' },
  { id: 'editor.find', label: 'Find…', menu: 'edit', keys: 'Mod-f' },
  { id: 'film.lookup', label: 'Look Up Film…', menu: 'edit', keys: 'Mod-l' },
  { id: 'writing.settings', label: 'Writing Checks…', menu: 'edit' },
  { id: 'library.filter', label: 'Filter Library', menu: 'view', keys: 'Mod-Shift-f' },
  { id: 'view.toggleLibrary', label: 'Show Library', menu: 'view', keys: 'Mod-Shift-l' },
  { id: 'view.togglePreview', label: 'Show Preview', menu: 'view', keys: 'Mod-Shift-p' },
  { id: 'view.toggleMetadata', label: 'Show Film Metadata', menu: 'view', keys: 'Mod-Shift-m' },
  { id: 'view.toggleStills', label: 'Show Stills', menu: 'view', keys: 'Mod-Shift-i' },
  { id: 'view.toggleChecks', label: 'Show Writing Checks', menu: 'view', keys: 'Mod-Shift-e' },
  { id: 'view.toggleFrontMatter', label: 'Show Front Matter', menu: 'view', keys: 'Mod-Shift-h' },
  { id: 'view.toggleFocusMode', label: 'Focus Mode', menu: 'view', keys: 'Mod-Shift-d' },
  { id: 'view.toggleTypewriter', label: 'Typewriter Scrolling', menu: 'view', keys: 'Mod-Shift-y' },
  { id: 'help.about', label: 'About Intertitle', menu: 'help' },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof commands)[number]['id'];

export function isCommandId(id: unknown): id is CommandId {
  return commands.some((c) => c.id === id);
}
