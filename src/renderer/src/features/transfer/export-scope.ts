/** What an export takes: the whole library, the tag shown, the search's results, the picked items or the open one. */
import type { ArgsIn } from '@shared/api';

/** Where the person was when they asked to export, read once as the dialog opens. */
export interface ExportContext {
  /** The tag the list shows, or null. */
  tag: string | null;
  /** The search box's query while it shows results, or null. */
  query: string | null;
  /** The items picked in the list (Ctrl/Cmd- or Shift-click). */
  pickedIds: readonly string[];
  /** The item open in the detail pane, or null. */
  open: { id: string; title: string } | null;
}

export type ExportScope = 'all' | 'tag' | 'search' | 'picked' | 'open';

export interface ScopeChoice {
  scope: ExportScope;
  label: string;
}

export const emptyExportContext: ExportContext = { tag: null, query: null, pickedIds: [], open: null };

const quoted = (text: string): string => `“${text.trim() || 'Untitled'}”`;

/** The scopes that make sense here, widest first. */
export function scopeChoices(context: ExportContext): ScopeChoice[] {
  const choices: ScopeChoice[] = [{ scope: 'all', label: 'The whole library' }];
  if (context.tag) choices.push({ scope: 'tag', label: `The tag #${context.tag} (with the tags under it)` });
  const query = context.query?.trim();
  if (query) choices.push({ scope: 'search', label: `The results of the search ${quoted(query)}` });
  const picked = context.pickedIds.length;
  if (picked > 0) {
    choices.push({
      scope: 'picked',
      label: picked === 1 ? 'The selected item' : `The ${picked} selected items`,
    });
  }
  if (context.open) choices.push({ scope: 'open', label: `The open item ${quoted(context.open.title)}` });
  return choices;
}

/** The narrowest of what was chosen on purpose: picked items, then a search, then a tag; else everything. */
export function defaultScope(context: ExportContext): ExportScope {
  const available = new Set(scopeChoices(context).map((choice) => choice.scope));
  const preferred: ExportScope[] = ['picked', 'search', 'tag'];
  return preferred.find((scope) => available.has(scope)) ?? 'all';
}

/** The arguments of `exportMarkdown` for a scope (falling back to everything if it is not available). */
export function exportArgs(
  scope: ExportScope,
  context: ExportContext,
  dir: string,
  prune: boolean,
): ArgsIn<'exportMarkdown'> {
  const base = { dir: dir.trim(), prune };
  const query = context.query?.trim();
  if (scope === 'tag' && context.tag) return { ...base, tag: context.tag };
  if (scope === 'search' && query) return { ...base, query };
  if (scope === 'picked' && context.pickedIds.length > 0) return { ...base, ids: [...context.pickedIds] };
  if (scope === 'open' && context.open) return { ...base, ids: [context.open.id] };
  return base;
}

/** What is wrong with a folder or file path typed by hand, or null if it will do. */
export function pathProblem(path: string, what: 'folder' | 'file'): string | null {
  const trimmed = path.trim();
  if (trimmed === '') return what === 'folder' ? 'Enter the path of a folder.' : 'Enter the path of a file.';
  // The library runs elsewhere than the page may think it does: only a full path is unambiguous.
  const full = /^(\/|[A-Za-z]:[/\\]|\\\\)/.test(trimmed);
  return full ? null : `Enter the full path of the ${what}, starting with / (or a drive letter on Windows).`;
}
