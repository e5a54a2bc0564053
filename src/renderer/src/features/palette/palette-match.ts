/**
 * What the command palette lists: every command that can run where the person was when they
 * opened it, once per name (Mod+F and / are one "Search"), best match for what they typed first.
 */
import type { Command, CommandContext } from '../../commands';

export interface PaletteEntry {
  command: Command;
  /** Every chord that runs it, from each command of that name. */
  shortcut: string[];
}

/** The commands that can run in `context`, merged by label, in the registry's order. */
export function availableCommands(commands: readonly Command[], context: CommandContext): PaletteEntry[] {
  const byLabel = new Map<string, PaletteEntry>();
  for (const command of commands) {
    if (!command.when(context)) continue;
    const entry = byLabel.get(command.label);
    if (entry) entry.shortcut.push(...command.shortcut);
    else byLabel.set(command.label, { command, shortcut: [...command.shortcut] });
  }
  return [...byLabel.values()];
}

const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * How well `label` matches `query`: null when it does not (the typed letters must all appear, in
 * order); lower is better — a start of the label, then a start of a word, then letters anywhere.
 */
export function matchScore(label: string, query: string): number | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const text = fold(label);
  let score = 0;
  for (const word of words) {
    if (text.startsWith(word)) continue;
    const at = text.search(new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(word)}`, 'u'));
    if (at >= 0) {
      score += 1;
      continue;
    }
    if (!isSubsequence(word, text)) return null;
    score += 3;
  }
  return score;
}

/** The entries matching `query`, best first (ties keep their order). */
export function matchCommands(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  return entries
    .map((entry, order) => ({ entry, order, score: matchScore(entry.command.label, query) }))
    .filter(
      (scored): scored is { entry: PaletteEntry; order: number; score: number } => scored.score !== null,
    )
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map(({ entry }) => entry);
}

function isSubsequence(word: string, text: string): boolean {
  let at = 0;
  for (const letter of word) {
    at = text.indexOf(letter, at);
    if (at < 0) return false;
    at += letter.length;
  }
  return true;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
