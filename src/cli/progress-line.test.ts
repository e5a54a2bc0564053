import { describe, expect, it } from 'vitest';
import type { NotebookEvent } from '../shared/types';
import type { CommandContext } from './command';
import { showProgress, type ProgressStyle } from './progress-line';

/** Runs the events through showProgress and returns what stderr got. */
function shown(
  options: { tty: boolean; json?: boolean; style?: ProgressStyle },
  events: NotebookEvent[],
): string {
  let written = '';
  const stderr = { write: (chunk: string) => (written += chunk), isTTY: options.tty };
  const context = { io: { stderr }, json: options.json === true } as unknown as CommandContext;
  let listener: ((event: NotebookEvent) => void) | null = null;
  const stop = showProgress(
    context,
    (next) => {
      listener = next;
      return () => (listener = null);
    },
    'export',
    options.style,
  );
  for (const event of events) (listener as ((event: NotebookEvent) => void) | null)?.(event);
  stop();
  expect(listener).toBeNull();
  return written;
}

const step = (done: number, job = 'export'): NotebookEvent => ({
  type: 'progress',
  job,
  done,
  total: 3,
  message: `Step ${done} of 3`,
});

describe('showProgress', () => {
  it('rewrites one line on a terminal and clears it at the end, for its own job only', () => {
    const out = shown({ tty: true }, [step(0), step(1, 'index'), step(3)]);
    expect(out).toBe('\r\x1b[2KStep 0 of 3…\r\x1b[2KStep 3 of 3…\r\x1b[2K');
  });

  it('says each line as the style writes it', () => {
    const out = shown({ tty: true, style: { line: (e) => `${e.done}/${e.total}` } }, [step(1)]);
    expect(out).toBe('\r\x1b[2K1/3\r\x1b[2K');
  });

  it('without a terminal says nothing, or the first and last messages as lines when asked', () => {
    expect(shown({ tty: false }, [step(0), step(3)])).toBe('');
    const ends = shown({ tty: false, style: { endsWithoutTerminal: true } }, [
      step(0),
      step(1),
      step(2),
      step(3),
    ]);
    expect(ends).toBe('Step 0 of 3\nStep 3 of 3\n');
  });

  it('says nothing with --json', () => {
    expect(shown({ tty: true, json: true }, [step(1)])).toBe('');
  });
});
