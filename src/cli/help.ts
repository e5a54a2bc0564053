/** The help texts, built from the command list so they never drift from what is accepted. */
import { commandName, type Command } from './command';
import { commands } from './commands';
import { LIBRARY_ENV } from './library';

const GLOBAL_OPTIONS = [
  `--library DIR    The library folder; default $${LIBRARY_ENV}, else the desktop app's library.`,
  '--json           Print JSON on stdout (one line) instead of text.',
  '-h, --help       Show help.',
];

const EXIT_CODES = 'Exit codes: 0 done, 1 failed (or `check` found problems), 2 usage error.';

export function generalHelp(): string {
  const width = Math.max(...commands.map((c) => commandName(c).length));
  return [
    'commonplace: an offline research notebook, from the command line.',
    '',
    'Usage: commonplace <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${commandName(c).padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    ...GLOBAL_OPTIONS.map((line) => `  ${line}`),
    '',
    "Run `commonplace help <command>` for the command's options; `commonplace --version` for the version.",
    EXIT_CODES,
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `Usage: commonplace ${command.usage}`,
    '',
    command.summary,
    '',
    ...command.details.map((line) => `  ${line}`),
    '',
    'Options for every command:',
    ...GLOBAL_OPTIONS.map((line) => `  ${line}`),
    '',
    EXIT_CODES,
  ].join('\n');
}

/** The command named by the first words of `words` (`note new`, `list`), if any. */
export function findCommand(words: readonly string[]): Command | undefined {
  return commands.find((c) => c.words.every((word, i) => words[i] === word));
}

export function findCommandByName(name: string): Command | undefined {
  return commands.find((c) => commandName(c) === name);
}
