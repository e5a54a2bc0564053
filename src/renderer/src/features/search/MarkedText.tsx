import { useMemo } from 'react';
import { findMatches } from './find-matches';

/** Plain text with a search's matched words in `<mark>`: a hit's title, marked like its snippet. */
export function MarkedText({ text, words }: { text: string; words: readonly string[] }) {
  const parts = useMemo(() => {
    const pieces: { text: string; marked: boolean }[] = [];
    let from = 0;
    for (const { start, end } of findMatches(text, words)) {
      if (start > from) pieces.push({ text: text.slice(from, start), marked: false });
      pieces.push({ text: text.slice(start, end), marked: true });
      from = end;
    }
    if (from < text.length) pieces.push({ text: text.slice(from), marked: false });
    return pieces;
  }, [text, words]);
  return <>{parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}</>;
}
