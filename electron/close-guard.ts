import type { BrowserWindow } from 'electron';
import type { HostEvent } from '../src/contract';
import { eventChannel } from './channels';

export interface CloseGuardOptions {
  /** How long to wait for the renderer to save before closing anyway. */
  timeoutMs?: number;
  log: (message: string) => void;
}

export interface CloseGuard {
  /** Intercepts the window's close until its renderer says it saved. */
  attach(win: BrowserWindow): void;
  /** The renderer saved (`app.readyToClose`): windows waiting to close now close. */
  readyToClose(): void;
  /** True once the window may close without asking its renderer again. */
  isConfirmed(win: BrowserWindow): boolean;
}

const closeRequested: HostEvent = { name: 'app.closeRequested', payload: {} };

/**
 * No word lost on close: the first close of a window is held back, the renderer is asked to
 * save (`app.closeRequested`), and the window closes for real on `app.readyToClose` or, if the
 * renderer never answers (hung, crashed), after the timeout.
 */
export function createCloseGuard({ timeoutMs = 10_000, log }: CloseGuardOptions): CloseGuard {
  const waiting = new Map<BrowserWindow, ReturnType<typeof setTimeout>>();
  const confirmed = new WeakSet<BrowserWindow>();

  function closeNow(win: BrowserWindow): void {
    const timer = waiting.get(win);
    if (timer !== undefined) clearTimeout(timer);
    waiting.delete(win);
    confirmed.add(win);
    if (!win.isDestroyed()) win.close();
  }

  return {
    attach(win) {
      win.on('close', (event) => {
        if (confirmed.has(win)) return;
        event.preventDefault();
        if (waiting.has(win)) return;
        // A crashed renderer cannot answer; there is nothing left in it to save.
        if (win.webContents.isDestroyed() || win.webContents.isCrashed()) {
          setImmediate(() => closeNow(win));
          return;
        }
        waiting.set(
          win,
          setTimeout(() => {
            log(`The window did not confirm it saved within ${timeoutMs / 1000} s; closing anyway.`);
            closeNow(win);
          }, timeoutMs),
        );
        win.webContents.send(eventChannel, closeRequested);
      });
      win.on('closed', () => {
        const timer = waiting.get(win);
        if (timer !== undefined) clearTimeout(timer);
        waiting.delete(win);
      });
    },
    readyToClose() {
      for (const win of [...waiting.keys()]) closeNow(win);
    },
    isConfirmed: (win) => confirmed.has(win),
  };
}
