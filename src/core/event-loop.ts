/** Lets pending I/O callbacks and timers run: long loops over 50,000 items call this between steps. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
