/** Running the `commonplace` command in-process, with its output captured, on a temporary library. */
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { expect } from 'vitest';
import { main, type CliIo } from '../../src/cli';
import type { Command, CommandContext } from '../../src/cli/command';
import { withNotebook } from '../../src/cli/library';
import { makeTempDir } from './temp-library';

/** What one run of the command left behind. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliInput {
  /** What the command reads on stdin; nothing when left out. */
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Called with all of stdout so far, after each write. */
  onStdout?: (stdout: string) => void;
}

/** The io a command gets, writing into strings; `result(code)` reads them back. */
export function capturedIo(input: CliInput = {}): { io: CliIo; result: (code: number) => CliRun } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        input.onStdout?.(stdout);
      },
    },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: input.env ?? {},
    stdin: Readable.from(input.stdin === undefined ? [] : [Buffer.from(input.stdin)]),
    signal: input.signal,
  };
  return { io, result: (code) => ({ code, stdout, stderr }) };
}

/** `commonplace <args>` through `main()`, as the command line would run it. */
export async function runCli(args: string[], input: CliInput = {}): Promise<CliRun> {
  const { io, result } = capturedIo(input);
  return result(await main(args, io));
}

/** One command called directly on `library`, with the context the command line would build. */
export async function runCommand(command: Command, library: string, args: string[]): Promise<CliRun> {
  const { io, result } = capturedIo();
  const parsed = parseArgs({
    args,
    options: { ...command.options, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  const holder = `commonplace ${command.words.join(' ')}`;
  const context: CommandContext = {
    io,
    values: parsed.values,
    positionals: parsed.positionals,
    json: parsed.values.json === true,
    libraryDir: library,
    holder,
    withNotebook: (use) => withNotebook(library, holder, use),
  };
  return result(await command.run(context));
}

/** The output of a `--json` run, expecting success and exactly one line of JSON. */
export function jsonLine<T = Record<string, unknown>>(run: CliRun): T {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.endsWith('\n')).toBe(true);
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as T;
}

export interface CliLibrary {
  /** The temporary folder, removed when the test finishes. */
  dir: string;
  /** `<dir>/library`, not made yet: the first command creates it. */
  library: string;
  /** `commonplace <args> --library <library>`. */
  run: (args: string[], input?: CliInput) => Promise<CliRun>;
  /** `commonplace <args> --library <library> --json`, expecting success; the parsed output. */
  json: <T = Record<string, unknown>>(...args: string[]) => Promise<T>;
}

/** A fresh library for the command to run on. Call it inside a test or a beforeEach. */
export async function makeCliLibrary(prefix = 'commonplace-cli-'): Promise<CliLibrary> {
  const dir = await makeTempDir(prefix);
  const library = path.join(dir, 'library');
  const run = (args: string[], input?: CliInput): Promise<CliRun> =>
    runCli([...args, '--library', library], input);
  return {
    dir,
    library,
    run,
    json: async <T>(...args: string[]) => jsonLine<T>(await run([...args, '--json'])),
  };
}
