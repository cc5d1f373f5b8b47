import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { requestNames, type Handlers, type HostEvent } from '../../src/contract';
import { callChannel, eventChannel } from '../../electron/channels';
import { isTrustedSender, registerIpc, sendEvent } from '../../electron/ipc';
import { BrowserWindow, FakeWebContents, FakeWebFrameMain, ipcMain, resetElectronFake } from '../mocks/electron';

/** Handlers that only record that they ran. */
function recordingHandlers(): { handlers: Handlers; calls: Array<{ name: string; args: unknown; via: string }> } {
  const calls: Array<{ name: string; args: unknown; via: string }> = [];
  const handlers = Object.fromEntries(
    requestNames.map((name) => [
      name,
      (args: unknown, context: { via: string }) => {
        calls.push({ name, args, via: context.via });
        return name === 'app.info' ? { host: 'electron' } : null;
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

let ours: BrowserWindow;
let calls: ReturnType<typeof recordingHandlers>['calls'];
const refusedUrls: string[] = [];

beforeEach(() => {
  resetElectronFake();
  refusedUrls.length = 0;
  ours = new BrowserWindow();
  void ours.loadURL('intertitle://app/index.html');
  const recording = recordingHandlers();
  calls = recording.calls;
  registerIpc(ipcMain as unknown as IpcMain, {
    handlers: recording.handlers,
    isOurs: (contents) => BrowserWindow.fromWebContents(contents) === ours,
    bugSink: () => {},
    onRefused: (url) => refusedUrls.push(url),
  });
});

function call(sender: unknown, senderFrame: FakeWebFrameMain | null, name: unknown = 'app.info', args: unknown = {}) {
  return ipcMain.invoke(callChannel, { sender, senderFrame }, name, args);
}

describe('IPC sender check', () => {
  const app = (): FakeWebFrameMain => ours.webContents.mainFrame;
  const badSenders: Array<[string, () => [unknown, FakeWebFrameMain | null]]> = [
    ['a sub-frame showing the app', () => [ours.webContents, new FakeWebFrameMain('intertitle://app/index.html', app())]],
    ['the preview frame (about:srcdoc)', () => [ours.webContents, new FakeWebFrameMain('about:srcdoc', app())]],
    ['a main frame at about:srcdoc', () => [ours.webContents, new FakeWebFrameMain('about:srcdoc')]],
    ['a frame whose URL is "null"', () => [ours.webContents, new FakeWebFrameMain('null')]],
    ['a destroyed frame (senderFrame null)', () => [ours.webContents, null]],
    ['https://evil.example', () => [ours.webContents, new FakeWebFrameMain('https://evil.example/')]],
    ['intertitle://app.evil', () => [ours.webContents, new FakeWebFrameMain('intertitle://app.evil/index.html')]],
    ['intertitle://app with a port', () => [ours.webContents, new FakeWebFrameMain('intertitle://app:8080/index.html')]],
    ['intertitle://app with credentials', () => [ours.webContents, new FakeWebFrameMain('intertitle://user@app/index.html')]],
    ['the stills scheme', () => [ours.webContents, new FakeWebFrameMain('intertitle-still://library/x')]],
    ['file://', () => [ours.webContents, new FakeWebFrameMain('file:///app/dist/renderer/index.html')]],
    ['a window that is not ours', () => {
      const other = new BrowserWindow();
      void other.loadURL('intertitle://app/index.html');
      return [other.webContents, other.webContents.mainFrame];
    }],
    ['a webContents with no window', () => {
      const contents = new FakeWebContents();
      void contents.loadURL('intertitle://app/index.html');
      return [contents, contents.mainFrame];
    }],
  ];

  it.each(badSenders)('refuses %s, and no handler runs', async (_label, sender) => {
    const [contents, frame] = sender();
    const answer = await call(contents, frame);
    expect(answer).toMatchObject({ ok: false, error: { code: 'auth' } });
    expect(calls).toEqual([]);
    expect(refusedUrls).toHaveLength(1);
  });

  it('checks the sender before looking at the request', async () => {
    const answer = await call(ours.webContents, new FakeWebFrameMain('https://evil.example/'), 'no.such.request', 42);
    expect(answer).toMatchObject({ ok: false, error: { code: 'auth' } });
  });

  it('dispatches a call from the main frame of our window', async () => {
    const answer = await call(ours.webContents, ours.webContents.mainFrame, 'app.info', {});
    expect(answer).toEqual({ ok: true, value: { host: 'electron' } });
    expect(calls).toEqual([{ name: 'app.info', args: {}, via: 'ipc' }]);
  });

  it('answers invalid-args for an unknown request or bad arguments', async () => {
    expect(await call(ours.webContents, ours.webContents.mainFrame, 'fs.readAnyFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    expect(await call(ours.webContents, ours.webContents.mainFrame, 'library.open', { path: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    expect(calls).toEqual([]);
  });

  it('treats a throwing senderFrame getter as untrusted', () => {
    const event = {
      sender: ours.webContents,
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(event as unknown as IpcMainInvokeEvent, () => true)).toBe(false);
  });
});

describe('events', () => {
  it('go to each live window on the event channel', () => {
    const second = new BrowserWindow();
    const gone = new BrowserWindow();
    gone.destroy();
    const event: HostEvent = { name: 'menu.command', payload: { id: 'review.save' } };
    sendEvent([ours, second, gone] as unknown as Array<{ webContents: WebContents; isDestroyed(): boolean }>, event);
    expect(ours.webContents.sent).toEqual([{ channel: eventChannel, args: [event] }]);
    expect(second.webContents.sent).toEqual([{ channel: eventChannel, args: [event] }]);
    expect(gone.webContents.sent).toEqual([]);
  });
});
