import './transfer.css';
import { exportItems } from '../../commands/export-items';
import { shortcutHint } from '../../commands/shortcuts';
import type { TransferCommands } from '../../commands';

const exportShortcut = shortcutHint(exportItems.shortcut);

/** The sidebar's Export… and Import… entries. */
export function TransferButtons({ transfer }: { transfer: TransferCommands }) {
  return (
    <div className="transfer-buttons">
      <button
        type="button"
        className="sidebar-item"
        aria-label="Export…"
        title={`Export to Markdown (${exportShortcut.label})`}
        aria-keyshortcuts={exportShortcut.aria}
        onClick={transfer.openExport}
      >
        <span className="sidebar-item__label">Export…</span>
        <kbd>{exportShortcut.label}</kbd>
      </button>
      <button type="button" className="sidebar-item" onClick={transfer.openImport}>
        <span className="sidebar-item__label">Import…</span>
      </button>
    </div>
  );
}
