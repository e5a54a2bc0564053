/**
 * The start of every item's body text, kept with the index: most snippets and phrase checks find
 * what they need there, so a search reads a body file only when its words come later in a long
 * text. A head is the first HEAD_LENGTH characters, plus one more when the body goes on: a head
 * longer than HEAD_LENGTH says "there is more" (`isCut`), and the text to show is `headText`.
 * At 50,000 items this is ~50 MB in memory and in the index folder.
 */
export const HEAD_LENGTH = 1_000;

export function headOf(body: string): string {
  const head = body.length > HEAD_LENGTH ? body.slice(0, HEAD_LENGTH + 1) : body;
  // A copy, not a view: a slice of a long string keeps the whole body alive (measured: 50,000
  // heads held 280 MB of bodies until copied).
  return head.length < body.length ? Buffer.from(head, 'utf8').toString('utf8') : head;
}

export function isCut(head: string): boolean {
  return head.length > HEAD_LENGTH;
}

/** The head as text to search and show: a cut one ends before the word the cut went through. */
export function headText(head: string): string {
  if (!isCut(head)) return head;
  const space = Math.max(head.lastIndexOf(' ', HEAD_LENGTH), head.lastIndexOf('\n', HEAD_LENGTH));
  return head.slice(0, space > HEAD_LENGTH / 2 ? space : HEAD_LENGTH);
}
