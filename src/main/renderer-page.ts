import { join } from 'node:path';
import { app } from 'electron';
import { APP_PAGE_URL } from './app-protocol';

/** The built renderer: electron-vite writes out/main, out/preload and out/renderer side by side. */
export const rendererDir = join(__dirname, '../renderer');

/** The Vite dev server's URL under `electron-vite dev`, read once at start; never honoured in a packaged app. */
export const devServerUrl: string | null = app.isPackaged
  ? null
  : (parseUrl(process.env.ELECTRON_RENDERER_URL)?.href ?? null);

/** What the window loads: the dev server, or the built page over `app://`. */
export const rendererPageUrl: string = devServerUrl ?? APP_PAGE_URL;

/**
 * True when `url` is our own renderer page (any query or fragment), and nothing else: not
 * another path of our scheme, not a file:// copy of the page.
 */
export function isRendererUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (devServerUrl) return parsed.origin === new URL(devServerUrl).origin;
  const page = new URL(APP_PAGE_URL);
  return (
    parsed.protocol === page.protocol &&
    parsed.host === page.host &&
    parsed.pathname === page.pathname &&
    !parsed.username &&
    !parsed.password
  );
}

function parseUrl(url: string | undefined): URL | null {
  try {
    return url ? new URL(url) : null;
  } catch {
    return null;
  }
}
