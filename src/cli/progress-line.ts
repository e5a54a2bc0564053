/** While a command waits on a long job (a clip, an export, an import, the search index), say so on stderr (text mode only). */
import type { NotebookEvent } from '../shared/types';
import type { CommandContext } from './command';
import { writeLine } from './output';

type ProgressEvent = Extract<NotebookEvent, { type: 'progress' }>;
type Subscribe = (listener: (event: NotebookEvent) => void) => () => void;

export interface ProgressStyle {
  /** What the line says; the event's message with an ellipsis unless given. */
  line?: (event: ProgressEvent) => string;
  /** Without a terminal, the first and the last message as lines of their own (by default nothing). */
  endsWithoutTerminal?: boolean;
}

/**
 * Shows the progress of `job`: on a terminal one self-rewriting line, cleared at the end; without
 * one, what `style` says. Nothing with --json. Returns the function that stops it.
 */
export function showProgress(
  context: CommandContext,
  subscribe: Subscribe,
  job: string,
  style: ProgressStyle = {},
): () => void {
  const stderr = context.io.stderr as { write(chunk: string): unknown; isTTY?: boolean };
  const tty = stderr.isTTY === true;
  if (context.json || (!tty && style.endsWithoutTerminal !== true)) return () => undefined;
  const line = style.line ?? ((event: ProgressEvent) => `${event.message}…`);
  let shown = false;
  const unsubscribe = subscribe((event) => {
    if (event.type !== 'progress' || event.job !== job) return;
    if (tty) stderr.write(`\r\x1b[2K${line(event)}`);
    else if (!shown || event.done === event.total) writeLine(stderr, event.message);
    shown = true;
  });
  return () => {
    unsubscribe();
    if (shown && tty) stderr.write('\r\x1b[2K');
  };
}
