import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostEvent } from '../../src/contract';
import type { IntertitleBridge } from '../../electron/preload';
import { contextBridge, ipcRenderer, resetElectronFake } from '../mocks/electron';

function setProcessFlags(flags: { sandboxed?: boolean; contextIsolated?: boolean }): void {
  for (const [key, value] of Object.entries(flags)) {
    Object.defineProperty(process, key, { value, configurable: true, writable: true });
  }
}

let runs = 0;

/**
 * Runs the preload as Electron would, once per fresh renderer. The query makes a new module
 * instance each time while `electron` stays this file's fake.
 */
async function loadPreload(): Promise<IntertitleBridge | undefined> {
  const url = `../../electron/preload.ts?run=${++runs}`;
  await import(/* @vite-ignore */ url);
  return contextBridge.exposed.intertitle as IntertitleBridge | undefined;
}

beforeEach(() => {
  resetElectronFake();
  setProcessFlags({ sandboxed: true, contextIsolated: true });
});

afterEach(() => {
  setProcessFlags({ sandboxed: undefined, contextIsolated: undefined });
  vi.restoreAllMocks();
});

describe('preload', () => {
  it('exposes exactly one object, intertitle, with call, subscribe and stillBase', async () => {
    const bridge = await loadPreload();
    expect(Object.keys(contextBridge.exposed)).toEqual(['intertitle']);
    expect(Object.keys(bridge ?? {}).sort()).toEqual(['call', 'stillBase', 'subscribe']);
    expect(typeof bridge?.call).toBe('function');
    expect(typeof bridge?.subscribe).toBe('function');
    expect(bridge?.stillBase).toBe('intertitle-still://library/');
  });

  it('sends a known request on the one channel', async () => {
    const bridge = (await loadPreload())!;
    ipcRenderer.respond = () => ({ ok: true, value: { host: 'electron' } });
    expect(await bridge.call('library.open', { path: '/reviews' })).toEqual({ ok: true, value: { host: 'electron' } });
    expect(ipcRenderer.invocations).toEqual([{ channel: 'intertitle:call', args: ['library.open', { path: '/reviews' }] }]);
  });

  it.each(['fs.readFile', '__proto__', 'constructor', 'toString', '', 'app.info '])(
    'refuses %j without sending',
    async (name) => {
      const bridge = (await loadPreload())!;
      const answer = await bridge.call(name, {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
      expect(ipcRenderer.invocations).toEqual([]);
    },
  );

  it('refuses a name that is not a string', async () => {
    const bridge = (await loadPreload())!;
    const answer = await bridge.call({ toString: () => 'app.info' } as unknown as string, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(ipcRenderer.invocations).toEqual([]);
  });

  it('passes subscribers the event only, never the IPC event or its sender', async () => {
    const bridge = (await loadPreload())!;
    const received: unknown[][] = [];
    const stop = bridge.subscribe((...args: unknown[]) => received.push(args));
    const event: HostEvent = { name: 'menu.command', payload: { id: 'review.save' } };
    ipcRenderer.deliver('intertitle:event', event);
    expect(received).toEqual([[event]]);
    expect(JSON.stringify(received)).not.toContain('the-ipc-sender');
    stop();
    ipcRenderer.deliver('intertitle:event', event);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount('intertitle:event')).toBe(0);
  });

  it('drops messages that are not host events', async () => {
    const bridge = (await loadPreload())!;
    const received: unknown[] = [];
    bridge.subscribe((event) => received.push(event));
    ipcRenderer.deliver('intertitle:event', { name: 'evil', payload: {} });
    ipcRenderer.deliver('intertitle:event', 'menu.command');
    expect(received).toEqual([]);
  });

  it.each([
    ['not sandboxed', { sandboxed: false }],
    ['not context-isolated', { contextIsolated: false }],
  ])('exposes nothing when %s', async (_label, flags) => {
    setProcessFlags(flags);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await loadPreload()).toBeUndefined();
    expect(contextBridge.exposed).toEqual({});
    expect(error).toHaveBeenCalledTimes(1);
  });
});
