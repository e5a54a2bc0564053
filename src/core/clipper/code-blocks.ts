/**
 * Code blocks in one shape: `<pre><code class="language-x">`, the language found wherever the page
 * put it (`language-x`/`lang-x` classes, `highlight-source-x` wrappers, `brush: x`, `data-lang`),
 * and nothing else that highlighters add. The sanitiser keeps only that class.
 */
import { all, tagOf, type DomElement } from './dom';

export const CODE_LANGUAGE_CLASS = /^language-[a-z0-9][a-z0-9+#._-]{0,30}$/;

const FROM_CLASS =
  /(?:^|\s)(?:language-|lang-|highlight-source-|brush:\s?|sourceCode\s)([a-z0-9][a-z0-9+#._-]{0,30})(?:\s|;|$)/i;
const NOT_LANGUAGES = new Set([
  'none',
  'plain',
  'plaintext',
  'text',
  'nohighlight',
  'no-highlight',
  'source',
  'default',
]);

export function normalizeCodeBlocks(root: DomElement): void {
  // Line-number gutters (Pygments, PrismJS, GitHub-style tables) are not code.
  for (const gutter of all(root, '.linenos, .gutter, .line-numbers-rows, .lineno, .line-number'))
    gutter.remove();
  for (const pre of all(root, 'pre')) {
    for (const br of all(pre, 'br')) br.replaceWith('\n');
    const code = pre.querySelector('code');
    const language = languageOf(pre, code);
    const clean = root.ownerDocument.createElement('code');
    // Highlighters wrap tokens in spans: keep the text only.
    clean.textContent = (code ?? pre).textContent ?? '';
    if (language !== null) clean.setAttribute('class', `language-${language}`);
    for (const child of Array.from(pre.childNodes)) pre.removeChild(child);
    pre.appendChild(clean);
    for (const name of pre.getAttributeNames()) pre.removeAttribute(name);
  }
  // Inline code keeps no class.
  for (const code of all(root, 'code')) {
    if (code.parentElement === null || tagOf(code.parentElement) !== 'pre') code.removeAttribute('class');
  }
}

function languageOf(pre: DomElement, code: DomElement | null): string | null {
  const holders = [code, pre, pre.parentElement, pre.parentElement?.parentElement ?? null];
  for (const element of holders) {
    if (element === null) continue;
    const declared =
      element.getAttribute('data-lang') ??
      element.getAttribute('data-language') ??
      FROM_CLASS.exec(element.getAttribute('class') ?? '')?.[1] ??
      null;
    const language = declared?.toLowerCase().trim() ?? '';
    if (language !== '' && !NOT_LANGUAGES.has(language) && CODE_LANGUAGE_CLASS.test(`language-${language}`))
      return language;
  }
  return null;
}
