import { shell, type Session, type WebContents } from 'electron';
import { pagePolicy } from '../shared/content-policy';
import { APP_SCHEME } from './app-protocol';
import { isRendererUrl } from './renderer-page';

/**
 * A strict CSP on every response, and every permission (camera, geolocation, …) refused.
 * Responses of our own scheme keep the policy the handler gave them (assets have a stricter one).
 */
export function hardenSession(session: Session, options: { dev: boolean }): void {
  const csp = pagePolicy(options.dev);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith(`${APP_SCHEME}:`)) {
      callback({});
      return;
    }
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
