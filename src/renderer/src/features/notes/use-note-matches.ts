import { useMemo, useState } from 'react';
import { focusTargets } from '../../lib/focus';
import { findMatches } from '../search/find-matches';
import { stepMatch } from '../search/MatchBar';
import { revealSelection } from './reveal-selection';

export interface NoteMatches {
  count: number;
  current: number | null;
  step: (step: 1 | -1) => void;
}

/**
 * The search's matched words in the note's body, found again as the body changes. A textarea
 * cannot show marks, so stepping selects the occurrence in the body instead.
 */
export function useNoteMatches(body: string, words: readonly string[] | null): NoteMatches {
  const ranges = useMemo(() => (words ? findMatches(body, words) : []), [body, words]);
  const [at, setAt] = useState<number | null>(null);
  const current = at !== null && at < ranges.length ? at : null;

  const step = (by: 1 | -1): void => {
    const next = ranges.length === 0 ? null : stepMatch(current, by, ranges.length);
    const range = next === null ? undefined : ranges[next];
    const field = document.getElementById(focusTargets.body);
    if (!range || !(field instanceof HTMLTextAreaElement)) return;
    setAt(next);
    revealSelection(field, range.start, range.end);
  };

  return { count: ranges.length, current, step };
}
