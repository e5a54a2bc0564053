/**
 * The heads (index-heads.ts) of live item versions, by item number, as UTF-8 in pages of a
 * megabyte, decoded only when a search asks for one. As 50,000 strings of a kilobyte or two they
 * were most of the index's heap: every garbage collection marked them, moved them while
 * compacting, and copied each new one out of the young generation — the longest pauses of a
 * rebuild and a load. In pages they are a few dozen buffers outside the heap.
 *
 * A head is written once, where the last page has room (or, on a load, is left where it was read:
 * the heads file is a page of its own). A dead head's bytes stay until its page
 * is mostly dead; then the page's live heads are copied to the last page and the page is dropped,
 * so at most about a quarter of each older page is waste. Text goes through UTF-8 as it is: a lone
 * surrogate (a head cut through a pair) comes back as U+FFFD, of the same length.
 */
export const PAGE_BYTES = 1 << 20;
// By item number: the page of its head, or one of these.
const NONE = -1;
const EMPTY = -2;

export class HeadStore {
  private pages: (Buffer | null)[] = [];
  // By page: bytes held by live heads.
  private live: number[] = [];
  private last = -1;
  // The page `setIn` last made of a buffer.
  private shared = -1;
  private used = 0;
  private page = new Int32Array(1024).fill(NONE);
  private start = new Uint32Array(1024);
  private length = new Uint32Array(1024);

  /** The head of `num`, or undefined when it has none. */
  get(num: number): string | undefined {
    const p = this.page[num] ?? NONE;
    if (p === NONE) return undefined;
    if (p === EMPTY) return '';
    const start = this.start[num] as number;
    return (this.pages[p] as Buffer).toString('utf8', start, start + (this.length[num] as number));
  }

  /** The UTF-8 bytes of the head of `num` (a view, valid until the next change), or undefined. */
  bytes(num: number): Uint8Array | undefined {
    const p = this.page[num] ?? NONE;
    if (p === NONE) return undefined;
    if (p === EMPTY) return new Uint8Array(0);
    const start = this.start[num] as number;
    return (this.pages[p] as Buffer).subarray(start, start + (this.length[num] as number));
  }

  /** The UTF-8 size of the head of `num` (0 when it has none). */
  byteLength(num: number): number {
    return (this.page[num] ?? NONE) >= 0 ? (this.length[num] as number) : 0;
  }

  has(num: number): boolean {
    return (this.page[num] ?? NONE) !== NONE;
  }

  /** Sets the head of `num` (replacing any). */
  set(num: number, head: string): void {
    this.delete(num);
    const size = Buffer.byteLength(head, 'utf8');
    if (size === 0) return this.place(num, EMPTY, 0, 0);
    const p = this.room(size);
    (this.pages[p] as Buffer).write(head, this.used, 'utf8');
    this.place(num, p, this.used, size);
    this.used += size;
  }

  /** Sets the head of `num` from its UTF-8 bytes (copied). */
  setBytes(num: number, bytes: Uint8Array): void {
    this.delete(num);
    this.put(num, bytes);
  }

  /**
   * Takes `bytes` (heads one after the other, as saved) as a page of its own, to place heads in
   * with `setAt` rather than copy them: a load reads its heads straight into the store.
   */
  addPage(bytes: Buffer): number {
    let p = this.pages.indexOf(null);
    if (p < 0) p = this.pages.length;
    this.pages[p] = bytes;
    this.live[p] = 0;
    return p;
  }

  /**
   * Sets the head of `num` to `bytes`, a view into a buffer of many heads (a batch built on the
   * indexing thread): the buffer becomes a page as it is, once, rather than each head being copied.
   */
  setIn(num: number, bytes: Uint8Array): void {
    const p = this.shared;
    const page =
      p >= 0 && this.pages[p]?.buffer === bytes.buffer
        ? p
        : (this.shared = this.addPage(Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength)));
    this.setAt(num, page, bytes.byteOffset, bytes.length);
  }

  /** Sets the head of `num` to bytes [start, start + size) of page `p` (from `addPage`). */
  setAt(num: number, p: number, start: number, size: number): void {
    this.delete(num);
    this.place(num, size === 0 ? EMPTY : p, start, size);
  }

  /** `num` has no head any more. */
  delete(num: number): void {
    const p = this.page[num] ?? NONE;
    if (p === NONE) return;
    this.page[num] = NONE;
    if (p === EMPTY) return;
    const live = (this.live[p] as number) - (this.length[num] as number);
    this.live[p] = live;
    if (p !== this.last && live * 4 < (this.pages[p] as Buffer).length) this.vacate(p);
  }

  /** Bytes held in pages (live heads and the waste beside them). */
  get pageBytes(): number {
    return this.pages.reduce((sum, page) => sum + (page?.length ?? 0), 0);
  }

  private put(num: number, bytes: Uint8Array): void {
    if (bytes.length === 0) return this.place(num, EMPTY, 0, 0);
    const p = this.room(bytes.length);
    (this.pages[p] as Buffer).set(bytes, this.used);
    this.place(num, p, this.used, bytes.length);
    this.used += bytes.length;
  }

  private place(num: number, p: number, start: number, size: number): void {
    this.fit(num);
    this.page[num] = p;
    this.start[num] = start;
    this.length[num] = size;
    if (p !== EMPTY) this.live[p] = (this.live[p] as number) + size;
  }

  // The page to write `size` bytes at `used` in: the last one, or a new one.
  private room(size: number): number {
    const last = this.last;
    if (last !== NONE && this.used + size <= (this.pages[last] as Buffer).length) return last;
    // The page being left may already be mostly dead: its live heads go to the new one too.
    const leaving =
      last !== NONE && (this.live[last] as number) * 4 < (this.pages[last] as Buffer).length ? last : NONE;
    let p = this.pages.indexOf(null);
    if (p < 0) p = this.pages.length;
    const moved = leaving === NONE ? 0 : (this.live[leaving] as number);
    this.pages[p] = Buffer.alloc(Math.max(PAGE_BYTES, size + moved));
    this.live[p] = 0;
    this.last = p;
    this.used = 0;
    if (leaving !== NONE) this.vacate(leaving);
    return p;
  }

  // Copies the live heads of page `p` (never the last) to the last page, then drops it.
  // The caller sees to it that they fit there or that `p` holds at most a quarter page of them.
  private vacate(p: number): void {
    const old = this.pages[p] as Buffer;
    const { page, start, length } = this;
    for (let num = 0; num < page.length; num++) {
      if (page[num] !== p) continue;
      const from = start[num] as number;
      this.live[p] = (this.live[p] as number) - (length[num] as number);
      this.put(num, old.subarray(from, from + (length[num] as number)));
    }
    this.pages[p] = null;
    this.live[p] = 0;
  }

  private fit(num: number): void {
    if (num < this.page.length) return;
    const size = Math.max(num + 1, this.page.length * 2);
    const page = new Int32Array(size).fill(NONE);
    page.set(this.page);
    const start = new Uint32Array(size);
    start.set(this.start);
    const length = new Uint32Array(size);
    length.set(this.length);
    [this.page, this.start, this.length] = [page, start, length];
  }
}
