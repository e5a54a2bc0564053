import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { clearMatches, markMatches } from '../search/mark-matches';
import { stepMatch } from '../search/MatchBar';

export interface ArticleMarks {
  count: number;
  current: number | null;
  step: (step: 1 | -1) => void;
}

const CURRENT = 'is-current';

/**
 * Marks a search's matched words in the rendered article and scrolls the first into view.
 * Runs again when the article's HTML is replaced (a refresh), since that drops the marks.
 */
export function useArticleMarks(
  article: RefObject<HTMLElement | null>,
  html: string,
  words: readonly string[] | null,
): ArticleMarks {
  const marks = useRef<HTMLElement[]>([]);
  const [shown, setShown] = useState<{ count: number; at: number | null }>({ count: 0, at: null });

  const goTo = useCallback((index: number) => {
    marks.current.forEach((mark, at) => mark.classList.toggle(CURRENT, at === index));
    marks.current[index]?.scrollIntoView({ block: 'center' });
  }, []);

  // A passive effect runs after the detail pane has scrolled a newly opened item to its top.
  useEffect(() => {
    const root = article.current;
    if (!root) return;
    if (!words || words.length === 0) {
      clearMatches(root);
      marks.current = [];
    } else {
      marks.current = markMatches(root, words);
      goTo(0);
    }
    setShown({ count: marks.current.length, at: marks.current.length > 0 ? 0 : null });
  }, [article, html, words, goTo]);

  const step = (by: 1 | -1): void => {
    const count = marks.current.length;
    if (count === 0) return;
    const next = stepMatch(shown.at, by, count);
    goTo(next);
    setShown({ count, at: next });
  };

  return { count: shown.count, current: shown.at, step };
}
