import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch, type BugSink, type Envelope, type Handlers, type HostEvent } from '../src/contract';
import { isAppUrl } from './app-url';
import { callChannel, eventChannel } from './channels';

/** The answer to a caller that is not the top frame of one of our windows. */
export const refusedEnvelope: Envelope<never> = {
  ok: false,
  error: { code: 'auth', message: 'This request did not come from an Intertitle window.' },
};

/**
 * A call may come only from the main frame of one of our windows showing the app. A sub-frame
 * (the preview), a page that navigated elsewhere or a destroyed frame is refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, isOurs: (contents: WebContents) => boolean): boolean {
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    return false;
  }
  if (!frame || frame.parent !== null) return false;
  if (!isOurs(event.sender)) return false;
  return isAppUrl(frame.url);
}

function frameUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(no frame)';
  }
}

export interface IpcOptions {
  handlers: Handlers;
  isOurs: (contents: WebContents) => boolean;
  bugSink: BugSink;
  /** Told the URL of each refused caller (for the log). */
  onRefused?: (url: string) => void;
}

/** Registers the one request channel. The sender is checked before anything else runs. */
export function registerIpc(ipcMain: IpcMain, { handlers, isOurs, bugSink, onRefused }: IpcOptions): void {
  ipcMain.handle(callChannel, (event, name: unknown, args: unknown) => {
    if (!isTrustedSender(event, isOurs)) {
      onRefused?.(frameUrl(event));
      return refusedEnvelope;
    }
    return dispatch(handlers, name, args, { via: 'ipc' }, bugSink);
  });
}

/** Sends a host event to each live window. */
export function sendEvent(targets: Iterable<{ webContents: WebContents; isDestroyed(): boolean }>, event: HostEvent): void {
  for (const target of targets) {
    if (!target.isDestroyed() && !target.webContents.isDestroyed()) target.webContents.send(eventChannel, event);
  }
}
