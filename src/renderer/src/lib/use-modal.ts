import { useEffect, useRef, type RefObject } from 'react';

/**
 * Shows the `<dialog>` as a modal while `open`, and closes it when not. `onShown` runs each time
 * it is shown (to focus or select a field); the one given at that moment is the one called.
 */
export function useModal(open: boolean, onShown?: () => void): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const shown = useRef(onShown);
  useEffect(() => {
    shown.current = onShown;
  });
  // After every render, not only when `open` changes: the browser may close the dialog itself
  // (Esc), and a close and a reopen that land in one render leave `open` as it was.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      shown.current?.();
    }
    if (!open && element.open) element.close();
  });
  return dialog;
}
