/**
 * The `commonplace` command. `main()` never throws and never prints a stack: it returns the exit
 * code (0 done, 1 failed, 2 usage error) so tests can run it in-process with captured io.
 */
import { parseArgs } from 'node:util';
import { tuneHeap } from '../core/heap';
import { commandName, type Command, type CommandContext, type OptionSpecs } from './command';
import { commands } from './commands';
import { commandHelp, findCommand, findCommandByName, generalHelp } from './help';
import { withProcessDefaults, type CliIo } from './io';
import { resolveLibraryDir, withNotebook } from './library';
import { stringOption } from './option-values';
import { writeLine } from './output';
import { version } from './project';
import { reportError } from './report-error';
import { UsageError } from './usage-error';

export type { CliIo } from './io';

/** Options every command accepts, anywhere on the line. */
const GLOBAL_OPTIONS: OptionSpecs = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
};

// Every option of every command, so a first loose pass knows which flags take a value and can
// find the command words wherever the options are.
const ALL_OPTIONS: OptionSpecs = {};
for (const command of commands) {
  for (const [name, spec] of Object.entries(command.options)) ALL_OPTIONS[name] = { ...spec, multiple: true };
}
Object.assign(ALL_OPTIONS, GLOBAL_OPTIONS);

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], ioIn?: Partial<CliIo>): Promise<number> {
  const io = withProcessDefaults(ioIn);
  let json = argv.includes('--json');
  let command: Command | undefined;
  try {
    const loose = parseArgs({ args: argv, options: ALL_OPTIONS, strict: false, allowPositionals: true });
    json = loose.values.json === true;
    if (loose.values.version === true) {
      writeLine(io.stdout, `commonplace ${version()}`);
      return 0;
    }
    const words = loose.positionals;
    if (words[0] === 'help') return showHelp(io, words.slice(1));
    if (words.length === 0) {
      if (loose.values.help === true) return showHelp(io, []);
      throw new UsageError('Say which command to run.');
    }
    command = findCommand(words);
    if (command === undefined) throw new UsageError(`There is no command called "${unknownName(words)}".`);
    if (loose.values.help === true) return showHelp(io, command.words);
    return await command.run(contextFor(command, argv, io));
  } catch (error) {
    return reportError(io, error, json, command);
  }
}

function contextFor(command: Command, argv: string[], io: CliIo): CommandContext {
  const name = commandName(command);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, name);
  }
  const positionals = parsed.positionals.slice(command.words.length);
  const { min, max } = command.positionals;
  if (positionals.length < min) throw new UsageError(`Missing arguments for ${name}.`, name);
  if (positionals.length > max) {
    throw new UsageError(`Unexpected argument "${positionals[max] ?? ''}" for ${name}.`, name);
  }
  const libraryDir = resolveLibraryDir(stringOption(parsed.values, 'library'), io.env);
  const holder = `commonplace ${name}`;
  return {
    io,
    values: parsed.values,
    positionals,
    json: parsed.values.json === true,
    libraryDir,
    holder,
    withNotebook: (use) => withNotebook(libraryDir, holder, use),
  };
}

function showHelp(io: CliIo, words: string[]): number {
  if (words.length === 0) {
    writeLine(io.stdout, generalHelp());
    return 0;
  }
  const command = findCommandByName(words.join(' ')) ?? findCommand(words);
  if (command === undefined) throw new UsageError(`There is no command called "${unknownName(words)}".`);
  writeLine(io.stdout, commandHelp(command));
  return 0;
}

// `note frobnicate` should be reported as such, not as an unknown "note".
function unknownName(words: readonly string[]): string {
  const isGroup = commands.some((c) => c.words.length > 1 && c.words[0] === words[0]);
  return (isGroup ? words.slice(0, 2) : words.slice(0, 1)).join(' ');
}

if (typeof require !== 'undefined' && require.main === module) {
  tuneHeap();
  // `commonplace list | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
