import { NotebookError } from '../../shared/errors';
import type { Notebook } from '../../core';
import { loadOrCreateToken, startServer, type RunningServer } from '../../server';
import {
  CLIPPER_PORT_FALLBACKS,
  DEFAULT_CLIPPER_PORT,
  startClipperService,
  type ClipperService,
} from '../../server/clipper/service';
import type { Command, CommandContext } from '../command';
import { integerOption } from '../option-values';
import { writeJson, writeLine } from '../output';
import { rendererDir } from '../project';

/** The port `serve` tries first, so a bookmarked URL usually keeps working. */
export const DEFAULT_PORT = 4517;

export const serve: Command = {
  words: ['serve'],
  summary: 'Serve the library to a web browser on 127.0.0.1 until stopped (Ctrl+C).',
  usage: 'serve [--port N] [--clipper-port N] [--json]',
  details: [
    `--port N         Listen on port N; fails if it is busy. 0 picks any free port.`,
    `                 Without it: ${DEFAULT_PORT}, or any free port if that one is busy.`,
    `--clipper-port N Where browser extensions clip to (the clipper service); 0 picks any free port.`,
    `                 Without it: ${DEFAULT_CLIPPER_PORT}, or one of the ${CLIPPER_PORT_FALLBACKS} ports after it.`,
    '                 If it cannot listen, the app is served without it.',
    '--json           Print one line: { url, port, library, clipperPort } (clipperPort null without it).',
    'Holds the library lock while running; other commands on the library are refused until it stops.',
  ],
  options: { port: { type: 'string' }, 'clipper-port': { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(context) {
    const port = integerOption(context.values, 'port', 'serve', 0, 65_535);
    const clipperPort = integerOption(context.values, 'clipper-port', 'serve', 0, 65_535);
    return context.withNotebook(async (notebook) => {
      const token = await loadOrCreateToken(notebook.dir);
      const server = await listen(context, notebook, token, port);
      let clipper: ClipperService | null = null;
      try {
        clipper = await startClipper(context, notebook, clipperPort);
        // Listen for the stop signals before printing the URL: whoever reads it may stop us at once.
        const stopped = stopRequested(context.io.signal);
        announce(context, server, token, notebook.dir, clipper);
        await stopped;
      } finally {
        await clipper?.close();
        await server.close();
      }
      return 0;
    });
  },
};

async function listen(
  context: CommandContext,
  notebook: Notebook,
  token: string,
  explicitPort: number | undefined,
): Promise<RunningServer> {
  const start = (port: number): Promise<RunningServer> =>
    startServer({
      notebook,
      token,
      port,
      libraryDir: notebook.dir,
      rendererDir: rendererDir(),
      log: (line) => context.io.stderr.write(`${line}\n`),
    });
  const port = explicitPort ?? DEFAULT_PORT;
  try {
    return await start(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && explicitPort === undefined) return start(0);
    if (code === 'EADDRINUSE') {
      throw new NotebookError(
        'conflict',
        `Port ${port} is already in use. Choose another with --port N, or --port 0 for any free port.`,
      );
    }
    throw new NotebookError('internal', `Cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
  }
}

/** The clipper service, or null (said on stderr) when it cannot listen: the app is served anyway. */
async function startClipper(
  context: CommandContext,
  notebook: Notebook,
  port: number | undefined,
): Promise<ClipperService | null> {
  try {
    return await startClipperService({
      notebook,
      port,
      log: (line) => context.io.stderr.write(`${line}\n`),
    });
  } catch (error) {
    const where =
      port === undefined
        ? `ports ${DEFAULT_CLIPPER_PORT}–${DEFAULT_CLIPPER_PORT + CLIPPER_PORT_FALLBACKS}`
        : `port ${port}`;
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'in use' : (error as Error).message;
    context.io.stderr.write(
      `commonplace: the clipper service for browser extensions cannot listen on 127.0.0.1 ${where} (${reason}); ` +
        'serving the app without it. Choose another with --clipper-port N.\n',
    );
    return null;
  }
}

function announce(
  context: CommandContext,
  server: RunningServer,
  token: string,
  library: string,
  clipper: ClipperService | null,
): void {
  // The token goes in the fragment: browsers never send it to a server or in a Referer.
  const url = `${server.url}#token=${token}`;
  if (context.json) {
    writeJson(context.io.stdout, { url, port: server.port, library, clipperPort: clipper?.port ?? null });
    return;
  }
  const clipping =
    clipper === null
      ? 'Browser extensions cannot clip: the clipper service is not running.'
      : `Browser extensions clip to ${clipper.url} (pair them in Settings).`;
  writeLine(
    context.io.stdout,
    `Commonplace is serving ${library}\nOpen ${url}\n${clipping}\nPress Ctrl+C to stop.`,
  );
}

/** Resolves on SIGINT, SIGTERM or the io's abort signal, and removes its listeners. */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop);
  });
}
