import { openSettings } from './settings-store';

/** The sidebar's Settings… entry, below Export… and Import…. */
export function SettingsButton() {
  return (
    <button type="button" className="sidebar-item settings-entry" onClick={openSettings}>
      <span className="sidebar-item__label">Settings…</span>
    </button>
  );
}
