/** One holder at a time, in the order asked: index updates take it per step, a save for its whole length. */
export class TurnLock {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves, once every earlier holder has released, to this holder's release function. */
  acquire(): Promise<() => void> {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => held);
    return before.then(() => release);
  }
}
