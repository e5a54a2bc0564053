import { join, resolve } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createNotebook, defaultLibraryDir, type Notebook } from '../core';
import { tuneHeap } from '../core/heap';
import type { ClipperService } from '../server/clipper/service';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { startClipper } from './clipper';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { devServerUrl, rendererDir } from './renderer-page';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

const HOLDER = 'the Commonplace desktop app';
/** Where the clipper keeps clip images inside the library, as `<sha256>.<ext>`. */
const ASSETS_DIR = 'assets';

let notebook: Notebook | null = null;
let window: BrowserWindow | null = null;
let unbindIpc: (() => void) | null = null;
let clipper: ClipperService | null = null;
let closing = false;

tuneHeap();
// Named before anything asks for a path: the default user-data folder, on which the
// single-instance lock is keyed, is named after the app.
app.setName('Commonplace');
// Schemes get their privileges only before the app is ready.
registerAppScheme();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', closeNotebookFirst);
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('Commonplace could not start', error));
} else {
  // Another Commonplace is running: it focuses its window (second-instance), this one leaves.
  app.quit();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, { dev: devServerUrl !== null });
  const dir = resolve(process.env.COMMONPLACE_LIBRARY || defaultLibraryDir());
  serveAppScheme({ rendererDir, assetsDir: join(dir, ASSETS_DIR) });
  try {
    notebook = await createNotebook({ dir, holder: HOLDER });
  } catch (error) {
    await fail('Commonplace cannot open its library', error);
    return;
  }
  installMenu();
  window = createMainWindow();
  window.on('closed', () => {
    window = null;
  });
  unbindIpc = bindIpc(notebook, window);
  clipper = await startClipper(notebook);
}

function focusWindow(): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Quitting waits for the notebook to flush and release its lock, then quits for real. */
function closeNotebookFirst(event: Electron.Event): void {
  const open = notebook;
  if (!open) return;
  event.preventDefault();
  if (closing) return;
  closing = true;
  unbindIpc?.();
  // The service goes first: no clip may arrive while the library is closing.
  (clipper?.close() ?? Promise.resolve())
    .then(() => open.close())
    .catch((error: unknown) => console.error('Closing the library failed:', error))
    .finally(() => {
      notebook = null;
      app.quit();
    });
}

/** Tells the person why, releases the library if it was opened, and leaves with a failure code. */
async function fail(title: string, error: unknown): Promise<void> {
  console.error(title, error);
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  await notebook?.close().catch(() => undefined);
  app.exit(1);
}
