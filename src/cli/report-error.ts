/** Turns anything a command threw into one line on stderr (and JSON on stdout with --json). */
import { NotebookError, type ErrorInfo } from '../shared/errors';
import { commandName, type Command } from './command';
import { commandHelp, findCommandByName, generalHelp } from './help';
import type { CliIo } from './io';
import { writeJson, writeLine } from './output';
import { UsageError } from './usage-error';

/** Prints the error and returns the exit code: 2 for usage errors, 1 for everything else. */
export function reportError(io: CliIo, error: unknown, json: boolean, command: Command | undefined): number {
  if (error instanceof UsageError) {
    const usageOf = error.command === undefined ? undefined : findCommandByName(error.command);
    if (json) writeJson(io.stdout, { error: { code: 'invalid_argument', message: error.message } });
    writeLine(
      io.stderr,
      `commonplace: ${error.message}\n\n${usageOf === undefined ? generalHelp() : commandHelp(usageOf)}`,
    );
    return 2;
  }
  const info = describe(error, command);
  if (json) writeJson(io.stdout, { error: info });
  writeLine(io.stderr, `commonplace: ${info.message}`);
  return 1;
}

function describe(error: unknown, command: Command | undefined): ErrorInfo {
  if (error instanceof NotebookError) return error.toJSON();
  // Unexpected, but the person at the terminal owns this machine: the message (never the
  // stack) is more use to them than a generic apology.
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const where = command === undefined ? '' : ` (${commandName(command)})`;
  return { code: 'internal', message: `Unexpected error${where}: ${message}` };
}
