import './clipper.css';
import { useId } from 'react';
import { useModal } from '../../lib/use-modal';
import { AppearanceSettings } from '../appearance/AppearanceSettings';
import { ClipperSettings } from './ClipperSettings';
import { closeSettings, useSettingsOpen } from './settings-store';
import { useClipperInfo } from './use-clipper-info';

/** The Settings dialog (from the sidebar's Settings… or the command): appearance, and the browser clipper. */
export function SettingsDialog() {
  const open = useSettingsOpen();
  const clipper = useClipperInfo(open);
  const dialog = useModal(open, { onClosed: closeSettings });
  const titleId = useId();

  return (
    <dialog
      ref={dialog}
      className="dialog settings-dialog"
      aria-labelledby={titleId}
      // React passes a nested dialog's cancel (the revoke question's) up to this one.
      onCancel={(event) => {
        if (event.target !== event.currentTarget) return;
        event.preventDefault();
        closeSettings();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        Settings
      </h2>
      <AppearanceSettings />
      {open && <ClipperSettings clipper={clipper} />}
      <div className="dialog__actions">
        <button type="button" className="button is-primary" onClick={closeSettings}>
          Done
        </button>
      </div>
    </dialog>
  );
}
