import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Notebook } from '../core';
import { dispatch, IPC_EVENT_CHANNEL, ipcChannel, methodNames } from '../shared/api';
import type { BridgeResult } from '../shared/bridge';
import { toErrorInfo } from '../shared/errors';
import { isRendererUrl } from './renderer-page';

/**
 * One handler per contract method, answering with a BridgeResult envelope, and core events
 * forwarded to the window. Returns the function that undoes both.
 */
export function bindIpc(notebook: Notebook, window: BrowserWindow): () => void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), async (event, args: unknown): Promise<BridgeResult<unknown>> => {
      if (!isFromOurPage(event, window)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Only the Commonplace window can use the notebook.' },
        };
      }
      try {
        return { ok: true, value: await dispatch(notebook, name, args) };
      } catch (error) {
        const info = toErrorInfo(error);
        if (info.code === 'internal') console.error(`${name} failed:`, error);
        return { ok: false, error: info };
      }
    });
  }
  const stopEvents = notebook.onEvent((event) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
  });
  return () => {
    stopEvents();
    for (const name of methodNames) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** The main frame of our window, showing our page: not an iframe, not another window, not a page it navigated to. */
function isFromOurPage(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame || window.isDestroyed() || event.sender !== window.webContents) return false;
  return frame.frameTreeNodeId === window.webContents.mainFrame.frameTreeNodeId && isRendererUrl(frame.url);
}
