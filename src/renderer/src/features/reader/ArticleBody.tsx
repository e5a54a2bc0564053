import { useMemo, type MouseEvent, type Ref } from 'react';
import { anchorTarget, sanitizeArticle } from './sanitize-article';

interface ArticleBodyProps {
  html: string;
  pageUrl: string;
  lang: string | null;
  ref?: Ref<HTMLElement>;
}

/** The article itself, sanitised again here; links within it scroll, links out of it open outside. */
export function ArticleBody({ html, pageUrl, lang, ref }: ArticleBodyProps) {
  const clean = useMemo(() => sanitizeArticle(html, pageUrl), [html, pageUrl]);

  const onClick = (event: MouseEvent<HTMLElement>): void => {
    const link = event.target instanceof Element ? event.target.closest('a[data-anchor]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    anchorTarget(event.currentTarget, link)?.scrollIntoView({ block: 'start' });
  };

  return (
    <section
      ref={ref}
      className="article"
      aria-label="Article"
      lang={lang ?? undefined}
      onClick={onClick}
      // Sanitised by sanitizeArticle: article markup only, library images only.
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
