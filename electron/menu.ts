import type { MenuItemConstructorOptions } from 'electron';
import { commands, type CommandSpec } from '../src/contract';

const modifierNames: Readonly<Record<string, string>> = {
  mod: 'CmdOrCtrl',
  ctrl: 'Ctrl',
  control: 'Ctrl',
  alt: 'Alt',
  shift: 'Shift',
  meta: 'Super',
  cmd: 'Command',
};

const keyNames: Readonly<Record<string, string>> = {
  arrowup: 'Up',
  arrowdown: 'Down',
  arrowleft: 'Left',
  arrowright: 'Right',
  enter: 'Enter',
  escape: 'Escape',
  esc: 'Escape',
  backspace: 'Backspace',
  delete: 'Delete',
  tab: 'Tab',
  space: 'Space',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  '+': 'Plus',
};

/**
 * A CodeMirror key name (`Mod-Shift-p`) as an Electron accelerator (`CmdOrCtrl+Shift+P`);
 * undefined for a key Electron cannot show, so the item just has no shortcut.
 */
export function toAccelerator(keys: string | undefined): string | undefined {
  if (!keys) return undefined;
  // The last part is the key; a trailing '-' means the key is '-' itself.
  const parts = keys.endsWith('--') ? [...keys.slice(0, -2).split('-'), '-'] : keys.split('-');
  const key = parts.pop();
  if (!key) return undefined;
  const modifiers: string[] = [];
  for (const part of parts) {
    const name = modifierNames[part.toLowerCase()];
    if (!name) return undefined;
    modifiers.push(name);
  }
  let keyName: string | undefined;
  if (key.length === 1) keyName = keyNames[key] ?? key.toUpperCase();
  else if (/^F([1-9]|1[0-9]|2[0-4])$/i.test(key)) keyName = key.toUpperCase();
  else keyName = keyNames[key.toLowerCase()];
  return keyName ? [...modifiers, keyName].join('+') : undefined;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** DevTools are offered only in development. */
  packaged: boolean;
  /** Sends `menu.command` with this id to the focused window. */
  sendCommand: (id: string) => void;
}

function commandItems(menu: CommandSpec['menu'], sendCommand: (id: string) => void): MenuItemConstructorOptions[] {
  return (commands as readonly CommandSpec[])
    .filter((command) => command.menu === menu)
    .map((command) => {
      const accelerator = toAccelerator(command.keys);
      return {
        id: command.id,
        label: command.label,
        // Shown in the menu, but the renderer handles the keys itself (the same registry runs
        // in the browser host), so the press is not delivered twice.
        ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
        click: () => sendCommand(command.id),
      };
    });
}

/**
 * The application menu, built from the command list. Items only send ids; the renderer runs
 * the commands. Edit, window and quit items are Electron roles so they behave natively.
 */
export function buildMenuTemplate({ platform, packaged, sendCommand }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Intertitle',
      submenu: [
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: '&File',
    submenu: [...commandItems('file', sendCommand), separator, mac ? { role: 'close' } : { role: 'quit' }],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      ...commandItems('edit', sendCommand),
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      ...commandItems('view', sendCommand),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(packaged ? [] : [separator, { role: 'toggleDevTools' } as const]),
    ],
  });
  if (mac) template.push({ role: 'windowMenu' });
  template.push({ label: '&Help', role: 'help', submenu: commandItems('help', sendCommand) });
  return template;
}
