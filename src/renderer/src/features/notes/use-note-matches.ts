import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { EditorView } from '@codemirror/view';
import { findMatches } from '../search/find-matches';
import { stepMatch } from '../search/MatchBar';
import { revealRange, searchRanges, setSearchMarks } from './search-marks';

export interface NoteMatches {
  count: number;
  current: number | null;
  step: (step: 1 | -1) => void;
}

/**
 * The search's matched words in the note's body, marked in the editor and found again as the
 * body changes; stepping selects an occurrence and scrolls it into view.
 */
export function useNoteMatches(
  body: string,
  words: readonly string[] | null,
  view: RefObject<EditorView | null>,
): NoteMatches {
  const count = useMemo(() => (words ? findMatches(body, words).length : 0), [body, words]);
  const [at, setAt] = useState<number | null>(null);
  const current = at !== null && at < count ? at : null;

  useEffect(() => {
    view.current?.dispatch({ effects: setSearchMarks.of({ words, current }) });
  }, [view, words, current]);

  const step = (by: 1 | -1): void => {
    const editor = view.current;
    if (!editor) return;
    const ranges = searchRanges(editor.state);
    const next = ranges.length === 0 ? null : stepMatch(current, by, ranges.length);
    const range = next === null ? undefined : ranges[next];
    if (!range) return;
    setAt(next);
    revealRange(editor, range.start, range.end);
  };

  return { count, current, step };
}
