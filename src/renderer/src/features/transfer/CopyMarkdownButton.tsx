import { useCopyMarkdown } from './use-copy-markdown';

interface CopyMarkdownButtonProps {
  id: string;
  /** Saves the note being edited first. */
  beforeCopy?: () => Promise<unknown>;
}

/** A toolbar button: the item as Markdown (front matter, body, highlights) onto the clipboard. */
export function CopyMarkdownButton({ id, beforeCopy }: CopyMarkdownButtonProps) {
  const copy = useCopyMarkdown();
  return (
    <button type="button" className="button is-quiet" onClick={() => void copy(id, beforeCopy)}>
      Copy as Markdown
    </button>
  );
}
