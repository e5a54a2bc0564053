import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { rendererPageUrl } from './renderer-page';

/** The one app window: sandboxed, isolated, showing only our renderer page. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Commonplace',
    width: 1280,
    height: 820,
    minWidth: 640,
    minHeight: 420,
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(rendererPageUrl)
    .catch((error: unknown) => console.error('Could not load the Commonplace window:', error));
  return window;
}
