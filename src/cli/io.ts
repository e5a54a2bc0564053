/** Where the command reads and writes, so tests can run `main()` in-process with captured output. */

export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: Record<string, string | undefined>;
  stdin: AsyncIterable<Buffer | string>;
  /** Aborting it stops a running `serve`, as SIGINT/SIGTERM do. */
  signal?: AbortSignal;
}

export function withProcessDefaults(io: Partial<CliIo> = {}): CliIo {
  return {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    stdin: io.stdin ?? process.stdin,
    signal: io.signal,
  };
}
