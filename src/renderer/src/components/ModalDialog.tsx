import { useId, type ReactNode } from 'react';
import { useModal } from '../lib/use-modal';

interface ModalDialogProps {
  open: boolean;
  title: ReactNode;
  /** Classes beside `dialog`. */
  className?: string;
  /** Esc, or the dialog closed any other way while it should be open. */
  onClose: () => void;
  children: ReactNode;
}

/** A modal `<dialog>` titled by its heading; Esc asks `onClose` rather than closing it outright. */
export function ModalDialog({ open, title, className, onClose, children }: ModalDialogProps) {
  const dialog = useModal(open, { onClosed: onClose });
  const titleId = useId();
  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
