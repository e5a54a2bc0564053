import { useEffect, useRef, type RefObject } from 'react';

interface ModalOptions {
  /** Runs each time the dialog is shown (to focus or select a field). */
  onShown?: () => void;
  /** The browser closed the dialog itself (Esc not held back, a `method="dialog"` form) while it should be open. */
  onClosed?: () => void;
}

/**
 * Shows the `<dialog>` as a modal while `open`, and closes it when not. The callbacks given at the
 * moment are the ones called.
 */
export function useModal(open: boolean, options: ModalOptions = {}): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const latest = useRef({ open, ...options });
  useEffect(() => {
    latest.current = { open, ...options };
  });
  // After every render, not only when `open` changes: the browser may close the dialog itself
  // (Esc), and a close and a reopen that land in one render leave `open` as it was.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      latest.current.onShown?.();
    }
    if (!open && element.open) element.close();
  });
  // A dialog's `close` event is queued, not sent when it closes: by the time it arrives, the dialog
  // may be open again (Esc, then at once the shortcut that opens it), and then it is stale. It is
  // listened for on the element itself, so a nested dialog's close does not count.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const onClose = (): void => {
      if (!element.open && latest.current.open) latest.current.onClosed?.();
    };
    element.addEventListener('close', onClose);
    return () => element.removeEventListener('close', onClose);
  }, []);
  return dialog;
}
