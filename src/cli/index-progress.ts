/** While a command waits for the search index to load or rebuild, say so on stderr (text mode only). */
import type { NotebookEvent } from '../shared/types';
import type { CommandContext } from './command';
import { writeLine } from './output';

type Subscribe = (listener: (event: NotebookEvent) => void) => () => void;

/**
 * On a terminal, one self-rewriting line; otherwise a line when the rebuild starts and one when it
 * ends. Nothing with --json, and nothing at all when the index simply loads. Returns the stop function.
 */
export function showIndexProgress(context: CommandContext, subscribe: Subscribe): () => void {
  const stderr = context.io.stderr as { write(chunk: string): unknown; isTTY?: boolean };
  if (context.json) return () => undefined;
  const tty = stderr.isTTY === true;
  let shown = false;
  const unsubscribe = subscribe((event) => {
    if (event.type !== 'progress' || event.job !== 'index') return;
    if (tty) stderr.write(`\r\x1b[2K${event.message}…`);
    else if (!shown || event.done === event.total) writeLine(stderr, event.message);
    shown = true;
  });
  return () => {
    unsubscribe();
    if (shown && tty) stderr.write('\r\x1b[2K');
  };
}
