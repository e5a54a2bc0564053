/**
 * The Content-Security-Policy both doors send: the app window (Electron's `app://`) and the
 * browser mode (`commonplace serve`) show the same page under the same rules.
 */

/**
 * The renderer's policy. `devServer` allows the inline hot-reload preamble and styles the Vite dev
 * server injects; never for the built page. `styleNonce` lets the `<style>` elements carrying it
 * apply (the editor's, see core/page-nonce.ts); with a nonce, browsers ignore 'unsafe-inline'.
 */
export function pagePolicy(devServer = false, styleNonce?: string): string {
  const inline = devServer ? " 'unsafe-inline'" : '';
  const nonce = styleNonce === undefined ? '' : ` 'nonce-${styleNonce}'`;
  return [
    "default-src 'self'",
    `script-src 'self'${inline}`,
    `style-src 'self'${inline}${nonce}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const PAGE_POLICY = pagePolicy();

/** A clip image opened on its own (an SVG especially) runs nothing and reaches nothing. */
export const ASSET_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
