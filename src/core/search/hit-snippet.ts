/**
 * A hit's snippet, from the start of its body the index keeps (index-heads.ts) when the words are
 * there, which is nearly always; from the body itself only when they come later in a long text.
 * When the title already shows the match, the start of the body is snippet enough. Within a text
 * the scan stops early: a first passage holding every term is the best there is.
 */
import { headText, isCut } from './index-heads';
import { makeSnippet, type Snippet } from './snippet';

export interface Wanted {
  terms: ReadonlySet<string>;
  prefixes: readonly string[];
  phrases: readonly string[][];
}

// A first look at this much of a text; a snippet found in it with every term is final.
const FIRST_LOOK = 500;
// In a body read from its file, the first this many characters are scanned before the rest.
const BODY_LOOK = 2_000;

export async function hitSnippet(
  head: string | undefined,
  body: () => Promise<string>,
  wanted: Wanted,
  inTitle: boolean,
): Promise<{ snippet: string; matches: string[] }> {
  if (head !== undefined) {
    const cut = isCut(head);
    const found = snippetIn(headText(head), wanted, cut);
    const nothingWanted = wanted.terms.size + wanted.prefixes.length + wanted.phrases.length === 0;
    if (found.matches.length > 0 || !cut || inTitle || nothingWanted) return found;
  }
  return snippetIn(await body(), wanted, false);
}

/** The snippet of `text`, looked for in its beginning first; `more`: the text goes on past its end. */
function snippetIn(text: string, wanted: Wanted, more: boolean): Snippet {
  const all = wanted.terms.size + wanted.prefixes.length + wanted.phrases.length;
  for (const look of [FIRST_LOOK, BODY_LOOK]) {
    if (text.length <= look * 1.5) break;
    const cut = text.lastIndexOf(' ', look);
    const part = text.slice(0, cut > 0 ? cut : look);
    const found = make(part, wanted, true);
    // Every term in a passage that ends before the cut: the whole text has no better.
    if (found.keys >= all && found.end < part.length) return found;
    // A later look at the whole text is the last resort: any match this far will do.
    if (look === BODY_LOOK && found.matches.length > 0) return found;
  }
  return make(text, wanted, more);
}

function make(text: string, { terms, prefixes, phrases }: Wanted, more: boolean): Snippet {
  const found = makeSnippet(text, terms, prefixes, phrases);
  if (more && !found.snippet.endsWith('…')) found.snippet += '…';
  return found;
}
