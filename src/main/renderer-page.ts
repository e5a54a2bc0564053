import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from 'electron';

/** The built renderer page: electron-vite writes out/main, out/preload and out/renderer side by side. */
export const rendererFile = join(__dirname, '../renderer/index.html');

/** The Vite dev server's URL under `electron-vite dev`, read once at start; never honoured in a packaged app. */
export const devServerUrl: string | null = app.isPackaged
  ? null
  : (parseUrl(process.env.ELECTRON_RENDERER_URL)?.href ?? null);

/** True when `url` is our own renderer page (any query or fragment), and nothing else. */
export function isRendererUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (devServerUrl) return parsed.origin === new URL(devServerUrl).origin;
  const page = pathToFileURL(rendererFile);
  return parsed.protocol === 'file:' && parsed.host === page.host && parsed.pathname === page.pathname;
}

function parseUrl(url: string | undefined): URL | null {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
}
