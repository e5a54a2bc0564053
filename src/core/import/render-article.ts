/**
 * Imported clips' articles, rendered away from the thread running the import: sanitising one costs
 * milliseconds (seconds over a large export), which the event loop must not wait for. When the
 * worker fails on one, that one is rendered here instead: the same function, the same result.
 */
import { markdownToArticle, type Article } from './markdown-html';

export type RenderArticle = (markdown: string) => Promise<Article>;

/** `render` (the worker's), falling back to rendering on this thread for an article it fails on. */
export function withFallback(render: RenderArticle): RenderArticle {
  return async (markdown) => {
    try {
      return await render(markdown);
    } catch {
      return markdownToArticle(markdown);
    }
  };
}
