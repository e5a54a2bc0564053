import { useCallback, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { useClient } from '../../lib/use-client';

export interface JobProgress {
  done: number;
  total: number;
  message: string;
}

/** One export or import: not started, running with its progress, done with its summary, or failed. */
export type JobState<Summary> =
  | { state: 'idle' }
  | { state: 'running'; progress: JobProgress | null }
  | { state: 'done'; summary: Summary }
  | { state: 'failed'; message: string };

export type Finished<Summary> = Extract<JobState<Summary>, { state: 'done' | 'failed' }>;

export interface TransferJob<Summary> {
  job: JobState<Summary>;
  /** Starts the call (unless one is running: null); resolves with how it ended. */
  run: (call: () => Promise<Summary>) => Promise<Finished<Summary> | null>;
  /** Forgets a finished job, so the dialog shows its form again. */
  reset: () => void;
}

/** Runs one long call at a time and follows its progress events (`job` names them). */
export function useTransferJob<Summary>(name: 'export' | 'import'): TransferJob<Summary> {
  const client = useClient();
  const [job, setJob] = useState<JobState<Summary>>({ state: 'idle' });
  const running = useRef(false);

  const run = useCallback(
    async (call: () => Promise<Summary>): Promise<Finished<Summary> | null> => {
      if (running.current) return null;
      running.current = true;
      setJob({ state: 'running', progress: null });
      // Listening before the call starts, so its first steps are not missed.
      const stop = client.onEvent((event) => {
        if (event.type !== 'progress' || event.job !== name) return;
        const progress = { done: event.done, total: event.total, message: event.message };
        setJob((old) => (old.state === 'running' ? { state: 'running', progress } : old));
      });
      let finished: Finished<Summary>;
      try {
        finished = { state: 'done', summary: await call() };
      } catch (error) {
        finished = { state: 'failed', message: errorMessage(error) };
      } finally {
        stop();
        running.current = false;
      }
      setJob(finished);
      return finished;
    },
    [client, name],
  );

  const reset = useCallback(() => {
    if (!running.current) setJob({ state: 'idle' });
  }, []);

  return useMemo(() => ({ job, run, reset }), [job, run, reset]);
}
