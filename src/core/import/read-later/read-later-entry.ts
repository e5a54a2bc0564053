/** What every read-it-later parser produces: one entry per saved page, with its tags and highlights. */
import type { ImportProblem } from '../../../shared/types';

/** A passage highlighted in the export, with the note written on it. */
export interface SavedHighlight {
  quote: string;
  comment: string;
  /** The export's colour name, when it has one (Readwise). */
  color?: string;
}

export interface ReadLaterEntry {
  /** Where the entry sits in the file, for the summary: "line 4", "entry 2", "content/some-slug.html". */
  source: string;
  /** The saved address; null only for Readwise books without one (Kindle). */
  url: string | null;
  title: string;
  authors: string[];
  /** As the export writes them; made into valid tags on import. */
  tags: string[];
  /** The article as the service saved it (Omnivore, Wallabag), when the export has it. */
  html?: string;
  highlights: SavedHighlight[];
}

/** A parsed export: the entries, and what could not be read inside an otherwise good file. */
export interface ParsedExport {
  entries: ReadLaterEntry[];
  problems: ImportProblem[];
}

/** Splits a list written as text ("a, b" or "a|b"), dropping empty parts. */
export function splitList(text: string | undefined, separator: string | RegExp): string[] {
  if (text === undefined) return [];
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
