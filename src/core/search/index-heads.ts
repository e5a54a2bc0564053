/**
 * The start of every item's body text, kept with the index: most snippets and phrase checks find
 * what they need there, so a search reads a body file only when its words come later in a long
 * text. A head is the first HEAD_LENGTH characters, plus one more when the body goes on: a head
 * longer than HEAD_LENGTH says "there is more" (`isCut`), and the text to show is `headText`.
 * At 50,000 items this is ~50 MB in memory and in the index folder, kept as UTF-8 bytes
 * (index-head-store.ts), not as strings.
 */
export const HEAD_LENGTH = 1_000;

export function headOf(body: string): string {
  // A slice of a long string keeps the whole body alive, but heads are kept as bytes
  // (index-head-store.ts): the slice goes as soon as it is written there.
  return body.length > HEAD_LENGTH ? body.slice(0, HEAD_LENGTH + 1) : body;
}

/** Heads as one buffer of UTF-8 and where each ends in it: what the indexing thread sends. */
export function packHeads(heads: readonly string[]): { bytes: Uint8Array; ends: Uint32Array } {
  const ends = new Uint32Array(heads.length);
  let total = 0;
  for (const [i, head] of heads.entries()) ends[i] = total += Buffer.byteLength(head, 'utf8');
  // Not from Node's shared pool: the buffer is handed over to another thread.
  const bytes = new Uint8Array(total);
  const writer = Buffer.from(bytes.buffer, 0, total);
  for (const [i, head] of heads.entries()) writer.write(head, i === 0 ? 0 : (ends[i - 1] as number), 'utf8');
  return { bytes, ends };
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
