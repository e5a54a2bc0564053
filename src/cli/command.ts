/** What a command is: its words, its options, its help, and what it does. */
import type { ParseArgsConfig } from 'node:util';
import type { Notebook } from '../core';
import type { CliIo } from './io';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  io: CliIo;
  /** Parsed options, global and the command's own. */
  values: OptionValues;
  /** Arguments after the command's words. */
  positionals: string[];
  json: boolean;
  /** The library folder, already resolved to an absolute path. */
  libraryDir: string;
  /** The lock holder name: `commonplace <command>`. */
  holder: string;
  /** Opens the library holding its lock, runs `use`, closes it whatever happens. */
  withNotebook<T>(use: (notebook: Notebook) => Promise<T>): Promise<T>;
}

export interface Command {
  /** The words that name it on the command line: `['note', 'new']`. */
  words: string[];
  summary: string;
  /** The synopsis after `commonplace `. */
  usage: string;
  /** Lines describing its arguments and options. */
  details: string[];
  options: OptionSpecs;
  positionals: { min: number; max: number };
  run(context: CommandContext): Promise<number>;
}

export const commandName = (command: Command): string => command.words.join(' ');
