import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, methodNames } from '../shared/api';
import { BRIDGE_GLOBAL, type NotebookBridge } from '../shared/bridge';
import type { NotebookEvent } from '../shared/types';

// Exactly the contract, derived from its method list; ipcRenderer itself never reaches the page.
const methods = Object.fromEntries(
  methodNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args)]),
);

const bridge = {
  ...methods,
  onEvent(listener: (event: NotebookEvent) => void): () => void {
    const forward = (_event: IpcRendererEvent, payload: NotebookEvent): void => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
} as NotebookBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
