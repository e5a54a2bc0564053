import { useMemo } from 'react';
import { parseSnippet } from './snippet';

/** A search snippet with its matched words marked; rendered as text, never as HTML. */
export function Snippet({ html, className }: { html: string; className?: string }) {
  const parts = useMemo(() => parseSnippet(html), [html]);
  return (
    <p className={className}>
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </p>
  );
}
