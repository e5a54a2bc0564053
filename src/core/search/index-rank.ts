/**
 * Paging: only the top of the list is ever sorted; candidates that need their text read
 * (phrases) are checked in rank order, a batch at a time, only as far down as the page needs —
 * and at most MAX_CHECKS of them per search: past that, candidates that would need a check are
 * left out of the page (a rare phrase of common words may then show fewer hits than it has,
 * never a hit that does not hold it). Items are numbers; an Order ranks them.
 */

/** How items rank: `better(a, b)` is true when `a` comes first (a total order, ties broken down to the id). */
export interface Order {
  better: (a: number, b: number) => boolean;
  /** The first key of the order, by item (higher first), if there is one: lets most items be passed over without `better`. */
  score: Float64Array | null;
}

/** Item numbers: an array or a typed array. */
export type Items = ArrayLike<number>;

/** Checks made per search past which candidates are taken on trust. */
const MAX_CHECKS = 60;
const CHECK_BATCH = 20;

/** The best `k` items of `nums`, best first, without sorting them all. */
export function topItems(nums: Items, k: number, { better, score }: Order): number[] {
  const order = (a: number, b: number): number => (better(a, b) ? -1 : 1);
  if (k >= nums.length) return Array.from(nums).sort(order);
  // A heap of the best so far whose root is the worst of them.
  const heap: number[] = [];
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j] as number, heap[i] as number];
  };
  for (let at = 0; at < nums.length; at++) {
    const num = nums[at] as number;
    if (heap.length < k) {
      heap.push(num);
      for (
        let i = heap.length - 1, parent = (i - 1) >> 1;
        i > 0 && better(heap[parent] as number, heap[i] as number);
        i = parent, parent = (i - 1) >> 1
      )
        swap(i, parent);
    } else if (
      k > 0 &&
      (score === null || (score[num] as number) >= (score[heap[0] as number] as number)) &&
      better(num, heap[0] as number)
    ) {
      heap[0] = num;
      for (let i = 0; ;) {
        let worst = i;
        const left = 2 * i + 1;
        if (left < heap.length && better(heap[worst] as number, heap[left] as number)) worst = left;
        if (left + 1 < heap.length && better(heap[worst] as number, heap[left + 1] as number))
          worst = left + 1;
        if (worst === i) break;
        swap(i, worst);
        i = worst;
      }
    }
  }
  return heap.sort(order);
}

/**
 * The items that make it to position `want`, in order. `check` says whether an item holds
 * without its text (true/false) or needs it (null); `verify` decides with the text.
 */
export async function rankedPrefix(
  nums: Items,
  want: number,
  order: Order,
  check: (num: number) => boolean | null,
  verify: (num: number) => Promise<boolean | null>,
): Promise<{ accepted: number[]; rejected: number }> {
  const accepted: number[] = [];
  let rejected = 0;
  let checks = 0;
  let window = Math.min(nums.length, want + CHECK_BATCH);
  let ranked = topItems(nums, window, order);
  let at = 0;
  while (accepted.length < want && at < nums.length && checks < MAX_CHECKS) {
    if (at >= ranked.length) {
      // Ranking is a total order: a longer top list starts with the shorter one.
      window = Math.min(nums.length, window * 4);
      ranked = topItems(nums, window, order);
    }
    const batch = ranked.slice(at, at + Math.max(CHECK_BATCH, want - accepted.length));
    at += batch.length;
    // null: not checked (over budget) — left out of the page, not counted as rejected.
    const verdicts = await Promise.all(
      batch.map((num): Promise<boolean | null> => {
        const sure = check(num);
        if (sure !== null) return Promise.resolve(sure);
        if (checks >= MAX_CHECKS) return Promise.resolve(null);
        checks++;
        return verify(num);
      }),
    );
    for (const [i, num] of batch.entries()) {
      if (verdicts[i] === false) rejected++;
      else if (verdicts[i] === true && accepted.length < want) accepted.push(num);
    }
  }
  return { accepted, rejected };
}
