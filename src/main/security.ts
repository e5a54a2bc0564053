import { shell, type Session, type WebContents } from 'electron';
import { isRendererUrl } from './renderer-page';

const policy = (dev: boolean): string =>
  [
    "default-src 'self'",
    // The Vite dev server injects its hot-reload preamble and styles inline.
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** A strict CSP on every response, and every permission (camera, geolocation, …) refused. */
export function hardenSession(session: Session, options: { dev: boolean }): void {
  const csp = policy(options.dev);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Applied to every webContents: no navigation away, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  const stayOnOurPage = (event: { url: string; preventDefault(): void }): void => {
    if (!isRendererUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnOurPage);
  contents.on('will-redirect', stayOnOurPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links in clips and notes open in the system browser; nothing else leaves the app.
    if (isWebUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => console.error('openExternal failed:', error));
    }
    return { action: 'deny' };
  });
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
