/**
 * The exported Markdown file, exactly. Importers (importMarkdown) read what is written here.
 *
 * The folder: `<file name>.md` per item at the top (names: file-names.ts), `attachments/<sha256>.<ext>`
 * for images, and `.commonplace-export.json` (manifest.ts) mapping item id → file name.
 *
 * A file is YAML front matter between `---` lines, a blank line, then the body, ending with one
 * newline (an empty body: the front matter alone). Front matter keys, in this order (a key with
 * no value is left out, except `aliases` and `tags`, which are always lists):
 *
 *   id, type (`note` | `clip`), title, aliases, tags, created, updated
 *   clips only: url, canonical_url, authors (list), site, published (`YYYY[-MM[-DD]]`, a string),
 *     clipped, lang, then the citation fields a clip has: doi, journal, publisher, volume, issue,
 *     pages (`first-last`, or the first page alone), issn, isbn
 *
 * Dates are ISO 8601 strings. Values are written by yaml 2 (`lineWidth: 0`, so nothing is folded);
 * any title — with `: # " '` or line breaks — parses back with `yaml.parse` to the same string.
 *
 * A note's body is its Markdown with `[[links]]` rewritten (see link-rewrite.ts). A clip's body is
 * the article (`clip.markdown`, image references `assets/<sha256>.<ext>` turned into
 * `attachments/<sha256>.<ext>`), then, when it has highlights:
 *
 *   ## Highlights
 *
 *   > the quote, each line prefixed with "> ", Markdown punctuation escaped with "\"
 *   >
 *   > **Comment:** the comment, as Markdown, each further line prefixed with "> "   (if any)
 *   >
 *   > *(orphaned: no longer found in the article)*                                 (if orphaned)
 *
 *   ^<highlight id>
 *
 * one such block per highlight, in the clip's order. The block id stands alone on its own line
 * after the blockquote, with a blank line either side: the way Obsidian attaches an id to a quote,
 * so `[[File#^id]]` reaches it.
 */
import { stringify } from 'yaml';
import type { Citation, Clip, Highlight } from '../../shared/types';

export const HIGHLIGHTS_HEADING = '## Highlights';
export const COMMENT_LABEL = '**Comment:** ';
export const ORPHANED_MARK = '*(orphaned: no longer found in the article)*';
export const ATTACHMENTS_DIR = 'attachments';

/** What goes into a file's front matter: the record's fields, in the exported order and names. */
export interface FrontMatter {
  id: string;
  type: 'note' | 'clip';
  title: string;
  aliases: string[];
  tags: string[];
  created: string;
  updated: string;
  clip?: ClipFields;
}

/** A clip's fields beyond an item's, as its front matter holds them (and an import reads them back). */
export type ClipFields = Pick<
  Clip,
  'url' | 'canonicalUrl' | 'authors' | 'siteName' | 'published' | 'clipped' | 'lang' | 'citation'
>;

export function frontMatter(fields: FrontMatter): string {
  const data: Record<string, unknown> = {
    id: fields.id,
    type: fields.type,
    title: fields.title,
    aliases: fields.aliases,
    tags: fields.tags,
    created: fields.created,
    updated: fields.updated,
  };
  const clip = fields.clip;
  if (clip) {
    Object.assign(data, {
      url: clip.url,
      canonical_url: clip.canonicalUrl,
      authors: clip.authors,
      site: clip.siteName,
      published: clip.published,
      clipped: clip.clipped,
      lang: clip.lang,
      ...citationFields(clip.citation),
    });
  }
  for (const [key, value] of Object.entries(data))
    if (value === null || value === undefined) delete data[key];
  return `---\n${stringify(data, { lineWidth: 0, minContentWidth: 0 })}---\n`;
}

function citationFields(citation: Citation | null): Record<string, string | undefined> {
  if (!citation) return {};
  const { firstPage, lastPage } = citation;
  const pages = firstPage && lastPage && lastPage !== firstPage ? `${firstPage}-${lastPage}` : firstPage;
  return {
    doi: citation.doi,
    journal: citation.journal,
    publisher: citation.publisher,
    volume: citation.volume,
    issue: citation.issue,
    pages,
    issn: citation.issn,
    isbn: citation.isbn,
  };
}

/** The `## Highlights` section, or '' when there are none. */
export function highlightsSection(highlights: readonly Highlight[]): string {
  if (highlights.length === 0) return '';
  const blocks = highlights.map((highlight) => {
    const lines = highlight.anchor.quote.split(/\r?\n/).map(escapeMarkdown);
    if (highlight.comment.trim() !== '') {
      const comment = highlight.comment.trim().split(/\r?\n/);
      lines.push('', COMMENT_LABEL + (comment[0] ?? ''), ...comment.slice(1));
    }
    if (highlight.orphaned) lines.push('', ORPHANED_MARK);
    const quote = lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
    return `${quote}\n\n^${highlight.id}`;
  });
  return `${HIGHLIGHTS_HEADING}\n\n${blocks.join('\n\n')}\n`;
}

/**
 * Plain text made safe to show as Markdown (and in Obsidian): inline punctuation that would
 * format, link, tag or embed is escaped with `\`, and so is what would start a block at the
 * start of a line (a heading, list, quote or rule).
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>#|~^$=]/g, '\\$&');
  return inline.replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2').replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** The file: front matter, a blank line, the body, and one final newline. */
export function joinFile(head: string, body: string): string {
  const text = body.replace(/\s+$/, '');
  return text === '' ? head : `${head}\n${text}\n`;
}
