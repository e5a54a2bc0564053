/**
 * CodeMirror adds its styles as a `<style>` element, which the app's content policy
 * (`style-src 'self'`) refuses to apply. A constructed stylesheet is not inline markup, so the
 * same rules are copied into one, and copied again whenever CodeMirror rewrites them. Only
 * `<style>` elements the policy left without a sheet are copied: where inline styles are
 * allowed (the dev server) nothing is doubled.
 */
const mirrors = new WeakMap<HTMLStyleElement, CSSStyleSheet>();

function mirror(doc: Document, tag: HTMLStyleElement): void {
  if (mirrors.has(tag) || tag.sheet) return;
  const sheet = new CSSStyleSheet();
  const copy = (): void => sheet.replaceSync(tag.textContent ?? '');
  copy();
  mirrors.set(tag, sheet);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  new MutationObserver(copy).observe(tag, { childList: true, characterData: true, subtree: true });
}

/** Applies the editor's styles in `doc`; call after creating an editor. */
export function adoptEditorStyles(doc: Document): void {
  doc.head.querySelectorAll('style').forEach((tag) => mirror(doc, tag));
}
