// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { commands, type CommandId } from '../../src/contract/commands';
import { installKeyboardCommands, type CommandActions } from '../../renderer/commands';

/** An editor stand-in: takes every key it sees, as CodeMirror does with the keys it binds. */
function editorThatTakesKeys(): HTMLElement {
  const editor = document.createElement('div');
  editor.addEventListener('keydown', (event) => event.preventDefault());
  document.body.append(editor);
  return editor;
}

const press = (target: EventTarget, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  document.body.replaceChildren();
});

function install(): CommandId[] {
  const ran: CommandId[] = [];
  const actions = Object.fromEntries(commands.map((c) => [c.id, () => void ran.push(c.id)])) as unknown as CommandActions;
  uninstall = installKeyboardCommands(() => actions);
  return ran;
}

describe('keyboard commands', () => {
  it.each([
    ['Look Up Film (Ctrl+L, select line in the editor)', { key: 'l', ctrlKey: true }, 'film.lookup'],
    ['Publish (Ctrl+Shift+U, redo selection on macOS)', { key: 'U', ctrlKey: true, shiftKey: true }, 'review.publish'],
  ] as const)('%s wins over the editor, once', (_what, keys, id) => {
    const ran = install();
    const editor = editorThatTakesKeys();
    expect(press(editor, keys)).toBe(false);
    expect(ran).toEqual([id]);
  });

  it('leaves a key the editor handled to the editor, and runs it when the editor did not', () => {
    const ran = install();
    press(editorThatTakesKeys(), { key: 'f', ctrlKey: true });
    expect(ran).toEqual([]);
    press(document.body, { key: 'f', ctrlKey: true });
    expect(ran).toEqual(['editor.find']);
  });

  it('stops listening when uninstalled', () => {
    const ran = install();
    uninstall();
    press(document.body, { key: 'l', ctrlKey: true });
    press(document.body, { key: 'f', ctrlKey: true });
    expect(ran).toEqual([]);
  });
});
