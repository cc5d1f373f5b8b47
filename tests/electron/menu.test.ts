import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/contract';
import { buildMenuTemplate, toAccelerator } from '../../electron/menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, packaged = true) {
  const sent: string[] = [];
  const template = buildMenuTemplate({ platform, packaged, sendCommand: (id) => sent.push(id) });
  return { template, all: items(template), sent };
}

describe('toAccelerator', () => {
  it.each([
    ['Mod-Shift-p', 'CmdOrCtrl+Shift+P'],
    ['Mod-n', 'CmdOrCtrl+N'],
    ['Mod-s', 'CmdOrCtrl+S'],
    ['Ctrl-Alt-ArrowUp', 'Ctrl+Alt+Up'],
    ['Mod-Enter', 'CmdOrCtrl+Enter'],
    ['Shift-F3', 'Shift+F3'],
    ['Mod--', 'CmdOrCtrl+-'],
    ['Mod-+', 'CmdOrCtrl+Plus'],
    ['Mod-Space', 'CmdOrCtrl+Space'],
  ])('%s → %s', (keys, accelerator) => {
    expect(toAccelerator(keys)).toBe(accelerator);
  });

  it.each([undefined, '', 'Hyper-x', 'Mod-Unidentified'])('gives no accelerator for %s', (keys) => {
    expect(toAccelerator(keys)).toBeUndefined();
  });
});

describe('application menu', () => {
  it('has every command exactly once, with its label and shortcut', () => {
    const { all } = build('linux');
    for (const command of commands) {
      const found = all.filter((item) => item.id === command.id);
      expect(found, command.id).toHaveLength(1);
      expect(found[0]?.label).toBe(command.label);
      expect(found[0]?.accelerator).toBe(toAccelerator('keys' in command ? command.keys : undefined));
    }
  });

  it('puts each command in its menu', () => {
    const { template } = build('linux');
    const menuOf = (id: string) =>
      template.find((menu) => Array.isArray(menu.submenu) && menu.submenu.some((item) => item.id === id))?.label;
    expect(menuOf('review.save')).toBe('&File');
    expect(menuOf('editor.find')).toBe('&Edit');
    expect(menuOf('view.togglePreview')).toBe('&View');
    expect(menuOf('help.about')).toBe('&Help');
  });

  it('sends only the command id when an item is clicked', () => {
    const { all, sent } = build('linux');
    for (const command of commands) {
      const item = all.find((i) => i.id === command.id);
      (item?.click as () => void)();
    }
    expect(sent).toEqual(commands.map((c) => c.id));
  });

  it('has the standard edit roles', () => {
    const roles = build('linux').all.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('offers DevTools only when not packaged', () => {
    expect(build('linux', true).all.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', false).all.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('has the app menu and window menu on macOS only', () => {
    const mac = build('darwin').template;
    expect(mac[0]?.label).toBe('Intertitle');
    expect(items(mac[0]?.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toContain('quit');
    expect(mac.some((menu) => menu.role === 'windowMenu')).toBe(true);
    const linux = build('linux').template;
    expect(linux[0]?.label).toBe('&File');
    expect(linux.some((menu) => menu.role === 'windowMenu')).toBe(false);
  });
});
