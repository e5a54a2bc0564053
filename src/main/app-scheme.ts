import { protocol } from 'electron';
import { answerAppRequest, APP_SCHEME, readFailure, type AppRoots } from './app-protocol';

/**
 * Must run before the app is ready. Standard: relative URLs and a real origin for the page;
 * secure: treated like https; fetch allowed. No CSP bypass, no CORS.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `app://` on the default session from the renderer build and the library's assets. */
export function serveAppScheme(roots: AppRoots): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { status, headers, body } = await answerAppRequest(request.url, request.method, roots).catch(
      (error: unknown) => {
        console.error(`Could not serve ${request.url}:`, error);
        return readFailure();
      },
    );
    return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status, headers });
  });
}
