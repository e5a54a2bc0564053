/** Shared output: one JSON document per line with --json, short aligned text otherwise. */
import type { CommandContext } from './command';

/** Prints `value` as one line of JSON, or the text `render()` returns. */
export function emit(context: CommandContext, value: unknown, render: () => string): void {
  if (context.json) writeJson(context.io.stdout, value);
  else writeLine(context.io.stdout, render());
}

export function writeJson(out: { write(chunk: string): unknown }, value: unknown): void {
  out.write(`${JSON.stringify(value)}\n`);
}

export function writeLine(out: { write(chunk: string): unknown }, text: string): void {
  out.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function displayTitle(title: string): string {
  return title.trim() === '' ? '(untitled)' : title;
}

export function formatTags(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(' ');
}

/** The date part of an ISO timestamp (UTC), e.g. `2025-03-14`. */
export function isoDate(timestamp: string): string {
  return timestamp.slice(0, 10);
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Lays out rows of cells in columns two spaces apart; the last column is not padded. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
