import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Imported by file, not through src/contract's index, to keep the sandboxed bundle small.
import type { Envelope } from '../src/contract/envelope';
import { isHostEvent, type HostEvent } from '../src/contract/events';
import { isRequestName } from '../src/contract/request-names';
import { stillBase } from './app-url';
import { callChannel, eventChannel } from './channels';

/** The whole API the page gets: `window.intertitle`. Nothing of Electron itself crosses. */
export interface IntertitleBridge {
  /** Calls the host; names outside the request table are refused here, without sending. */
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
  /** Listens to host events; returns the function that stops listening. */
  subscribe(listener: (event: HostEvent) => void): () => void;
  /** Prefix of still URLs; a library path follows, each segment URI-encoded. */
  stillBase: string;
}

const bridge: IntertitleBridge = {
  call(name, args) {
    if (!isRequestName(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-args', message: `Unknown request ${JSON.stringify(String(name)).slice(0, 100)}` },
      });
    }
    return ipcRenderer.invoke(callChannel, name, args) as Promise<Envelope<unknown>>;
  },
  subscribe(listener) {
    // Only the payload is passed on: the IPC event would hand the page `sender`.
    const wrapped = (_event: IpcRendererEvent, value: unknown): void => {
      if (isHostEvent(value)) listener(value);
    };
    ipcRenderer.on(eventChannel, wrapped);
    return () => {
      ipcRenderer.removeListener(eventChannel, wrapped);
    };
  },
  stillBase,
};

// Expose nothing unless the page is sandboxed and isolated: the bridge assumes both.
if (process.sandboxed === true && process.contextIsolated === true) {
  contextBridge.exposeInMainWorld('intertitle', bridge);
} else {
  console.error('[intertitle] preload refused to expose its API: the renderer is not sandboxed and isolated.');
}
