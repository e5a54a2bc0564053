/** Runs a TypeScript script from tests/helpers in a separate Node process, the way the CLI would run. */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export interface ScriptProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line `accept` returns true for; rejects if the process ends first. */
  waitForLine(accept: (line: string) => boolean): Promise<string>;
  /** Every stdout line so far. */
  lines: string[];
  exited: Promise<number | null>;
}

export function runScript(script: string, args: string[]): ScriptProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'tests', 'helpers', script), ...args],
    {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const waiters = new Set<{ accept: (line: string) => boolean; resolve: (line: string) => void }>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters) {
      if (waiter.accept(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    waitForLine(accept) {
      const seen = lines.find(accept);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.add({ accept, resolve });
        void exited.then((code) =>
          reject(new Error(`${script} exited (${code}) before the expected line.\n${stderr}`)),
        );
      });
    },
  };
}
