/**
 * Which transfer dialog is open. A module store (like the notice bar's) so that a button deep in
 * the reader or on the welcome screen can open a dialog mounted once at the workspace's root.
 */
import { useSyncExternalStore } from 'react';
import { emptyExportContext, type ExportContext } from './export-scope';

export type TransferDialog =
  | { kind: 'export'; context: ExportContext }
  | { kind: 'import' }
  | { kind: 'cite'; ids: readonly string[] }
  | null;

let current: TransferDialog = null;
const listeners = new Set<() => void>();

export function openTransfer(dialog: Exclude<TransferDialog, null>): void {
  current = dialog;
  listeners.forEach((listener) => listener());
}

export function closeTransfer(): void {
  if (current === null) return;
  current = null;
  listeners.forEach((listener) => listener());
}

/** Opens the export dialog where nothing narrower than the whole library is known. */
export function openExport(context: ExportContext = emptyExportContext): void {
  openTransfer({ kind: 'export', context });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTransferDialog(): TransferDialog {
  return useSyncExternalStore(subscribe, () => current);
}
