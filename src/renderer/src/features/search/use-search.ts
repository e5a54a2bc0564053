import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '@shared/types';
import { errorMessage } from '../../lib/errors';
import { useClient } from '../../lib/use-client';

/** Typing pauses this long before a query is asked: every keystroke, without a call per key. */
export const SEARCH_DEBOUNCE_MS = 80;
const PAGE = 50;
const MAX_LIMIT = 200;
/** While the index is being built, the search is asked again this often to show its progress. */
const BUILDING_RECHECK_MS = 1_000;

/** A hit's identity within one answer (a clip and one of its highlights share the clip's id). */
export const hitKey = (hit: SearchHit): string => (hit.highlightId ? `${hit.id}/${hit.highlightId}` : hit.id);

export interface IndexProgress {
  done: number;
  total: number;
}

export interface SearchControl {
  /** What is in the search box. */
  query: string;
  /** The box holds a query: the list pane shows its results instead of the library. */
  active: boolean;
  /** The answer to the latest query asked; null before it arrives. Older answers are dropped. */
  result: SearchResult | null;
  /** Why the latest query got no answer, as a sentence; null when it did. */
  failure: string | null;
  /** How far the index is while it is being built; null once it is ready. */
  indexing: IndexProgress | null;
  selectedIndex: number | null;
  /** More hits match than are shown, and more can be shown. */
  canShowMore: boolean;
  /** The box changed: ask again once typing pauses. */
  setQuery: (query: string) => void;
  /** Ask for this query now (a saved search). */
  run: (query: string) => void;
  /** Empty the box and go back to the library. */
  clear: () => void;
  select: (index: number | null) => void;
  showMore: () => void;
}

/** The search box's query and its live answer; asked again whenever the library changes. */
export function useSearch(revision: number): SearchControl {
  const client = useClient();
  const [query, setQueryText] = useState('');
  const [asked, setAsked] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [answer, setAnswer] = useState<SearchResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<IndexProgress | null>(null);
  const [recheck, setRecheck] = useState(0);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!asked) return;
    let latest = true;
    client.search({ query: asked, limit }).then(
      (result) => {
        if (!latest) return;
        setAnswer(result);
        setFailure(null);
      },
      (error: unknown) => latest && setFailure(errorMessage(error)),
    );
    return () => {
      latest = false;
    };
  }, [client, asked, limit, revision, recheck]);

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type !== 'progress' || event.job !== 'index') return;
        setProgress({ done: event.done, total: event.total });
        if (event.done >= event.total) setRecheck((count) => count + 1);
      }),
    [client],
  );

  const building = answer?.index.state === 'building';
  useEffect(() => {
    if (!building) return;
    const again = setTimeout(() => setRecheck((count) => count + 1), BUILDING_RECHECK_MS);
    return () => clearTimeout(again);
  }, [building, answer]);

  const ask = useCallback((text: string, delay: number) => {
    clearTimeout(timer.current);
    const startAsking = (): void => {
      setAsked(text.trim());
      setLimit(PAGE);
    };
    if (delay === 0) startAsking();
    else timer.current = setTimeout(startAsking, delay);
  }, []);

  const setQuery = useCallback(
    (text: string) => {
      setQueryText(text);
      if (text.trim() === '') {
        setAnswer(null);
        setFailure(null);
      }
      ask(text, text.trim() === '' ? 0 : SEARCH_DEBOUNCE_MS);
    },
    [ask],
  );
  const run = useCallback(
    (text: string) => {
      setQueryText(text);
      ask(text, 0);
    },
    [ask],
  );
  const clear = useCallback(() => {
    setQuery('');
    setSelectedKey(null);
  }, [setQuery]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const active = query.trim() !== '';
  // An older answer is not shown under a newer query that failed.
  const result = active && failure === null ? answer : null;
  const status = result?.index;
  const indexing = useMemo(() => {
    if (status?.state !== 'building') return null;
    // Progress events run ahead of the last answer; never show the count going backwards.
    return progress && progress.done >= status.done ? progress : { done: status.done, total: status.total };
  }, [status, progress]);
  const hits = result?.hits;
  const found = selectedKey === null || !hits ? -1 : hits.findIndex((hit) => hitKey(hit) === selectedKey);
  const selectedIndex = found === -1 ? null : found;
  const canShowMore = result !== null && result.total > result.hits.length && limit < MAX_LIMIT;

  return useMemo(
    () => ({
      query,
      active,
      result,
      failure: active ? failure : null,
      indexing,
      selectedIndex,
      canShowMore,
      setQuery,
      run,
      clear,
      select: (index: number | null) => {
        const hit = index === null ? undefined : hits?.[index];
        setSelectedKey(hit ? hitKey(hit) : null);
      },
      showMore: () => setLimit((current) => Math.min(MAX_LIMIT, current + PAGE)),
    }),
    [query, active, result, failure, indexing, selectedIndex, canShowMore, setQuery, run, clear, hits],
  );
}
