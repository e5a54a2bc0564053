import { useId } from 'react';
import { useModal } from '../lib/use-modal';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before something that cannot be undone. Cancel has focus first; Esc cancels. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialog = useModal(open, { onClosed: onCancel });
  const titleId = useId();
  const messageId = useId();

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={messageId}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <p id={messageId}>{message}</p>
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button is-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
