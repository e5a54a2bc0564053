import { useMemo } from 'react';
import type { NotebookClient } from '@shared/api';
import type { Highlight, Item } from '@shared/types';
import { isConflict } from '../../lib/errors';
import { reportError, showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { appendLine, highlightLink, noteFromHighlight, quoteForClipboard, quoteLine } from './highlight-text';
import { forgetNote, rememberNote, rememberedNote } from './quote-target';

export interface HighlightNotes {
  /** Makes a note of its own from a highlight. */
  makeNote: (highlight: Highlight) => void;
  /** Copies `[[Clip title#^id]]`. */
  copyLink: (highlight: Highlight) => void;
  /** Copies a passage as a Markdown quote with its source. */
  copyQuote: (quote: string) => void;
  /** Adds `> quote [[Clip title#^id]]` to the note last used, or to a new one. */
  quoteIntoNote: (highlight: Highlight) => void;
}

async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    showNotice({ tone: 'info', message: done });
  } catch {
    showNotice({ tone: 'error', message: 'Could not copy: the clipboard is not available here.' });
  }
}

/** The remembered note, if it is still a note in the library. */
async function targetNote(client: NotebookClient): Promise<Item | null> {
  const id = rememberedNote();
  if (!id) return null;
  try {
    const item = await client.getItem({ id });
    if (item.type === 'note' && item.deleted === null) return item;
  } catch {
    // Gone since: a new note takes its place.
  }
  forgetNote(id);
  return null;
}

async function appendToNote(client: NotebookClient, line: string, title: string): Promise<Item> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const note = await targetNote(client);
    if (!note || note.type !== 'note') break;
    try {
      return await client.updateNote({ id: note.id, body: appendLine(note.body, line), baseRev: note.rev });
    } catch (error) {
      // Changed in between: read it again and add the line to what it says now.
      if (!isConflict(error)) throw error;
    }
  }
  return client.createNote({ title: `Quotes from ${title}`, body: `${line}\n` });
}

/** What a highlight can become outside the reader: a note, a link, a line in a note. */
export function useHighlightNotes(
  clip: { title: string; url: string },
  onOpen: ((id: string) => void) | undefined,
): HighlightNotes {
  const client = useClient();
  const { title, url } = clip;

  return useMemo(() => {
    const clipTitle = title.trim() || 'Untitled';
    const told = (message: string, id: string): void => {
      showNotice({
        tone: 'info',
        message,
        action: onOpen ? { label: 'Open', run: () => onOpen(id) } : undefined,
      });
    };
    return {
      makeNote: (highlight) => {
        const note = noteFromHighlight(highlight, clipTitle);
        client.createNote(note).then((made) => {
          rememberNote(made.id);
          told(`Made the note “${made.title}”.`, made.id);
        }, reportError);
      },
      copyLink: (highlight) => void copy(highlightLink(clipTitle, highlight.id), 'Link copied.'),
      copyQuote: (quote) => void copy(quoteForClipboard(quote, { title: clipTitle, url }), 'Quote copied.'),
      quoteIntoNote: (highlight) => {
        appendToNote(client, quoteLine(highlight, clipTitle), clipTitle).then((note) => {
          rememberNote(note.id);
          told(`Quoted into “${note.title || 'Untitled'}”.`, note.id);
        }, reportError);
      },
    };
  }, [client, title, url, onOpen]);
}
