/** Typed reads of parsed options; a value of the wrong shape is a usage error. */
import type { OptionValues } from './command';
import { UsageError } from './usage-error';

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value.length === 0 ? undefined : String(value[value.length - 1]);
  return typeof value === 'string' ? value : undefined;
}

/** Every occurrence of a repeatable option, in order. */
export function stringList(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** A repeatable-looking option that the command accepts only once. */
export function singleString(values: OptionValues, name: string, command: string): string | undefined {
  const list = stringList(values, name);
  if (list.length > 1) throw new UsageError(`--${name} can be given only once.`, command);
  return list[0];
}

export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** A whole number within [min, max], or undefined when the option is absent. */
export function integerOption(
  values: OptionValues,
  name: string,
  command: string,
  min: number,
  max: number,
): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`, command);
  }
  return value;
}
