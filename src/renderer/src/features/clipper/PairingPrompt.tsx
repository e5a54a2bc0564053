import './clipper.css';
import { useEffect, useId, useRef } from 'react';
import { formatCode, formatCountdown, shortOrigin } from './clipper-text';
import { usePairingQueue } from './use-pairing-queue';

/**
 * Asks whether to pair a browser extension, wherever the person is, one request at a time.
 * It stays out of the way (non-modal) unless another dialog is open: then it opens on top of
 * it, since a modal dialog leaves everything else unreachable.
 */
export function PairingPrompt() {
  const pairing = usePairingQueue();
  const { current: request } = pairing;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const checkId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) {
      if (document.querySelector('dialog:modal')) element.showModal();
      else element.show();
    }
    if (!request && element.open) element.close();
  }, [request]);

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      className="dialog pairing-prompt"
      aria-labelledby={titleId}
      aria-describedby={checkId}
      onCancel={(event) => {
        event.preventDefault();
        pairing.later();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        pairing.later();
      }}
    >
      {request && (
        <>
          <h2 id={titleId} className="dialog__title">
            Pair a browser extension?
          </h2>
          <p className="pairing-prompt__who">
            <strong>{request.name}</strong>{' '}
            <span className="pairing-prompt__origin" title={request.origin}>
              ({shortOrigin(request.origin)})
            </span>{' '}
            asks to clip pages into this library.
          </p>
          <p className="pairing-code">
            <span aria-hidden="true">{formatCode(request.code)}</span>
            {/* Read digit by digit, as it is compared. */}
            <span className="visually-hidden">Code {request.code.split('').join(' ')}</span>
          </p>
          <p id={checkId} className="pairing-prompt__check">
            Check that the extension shows the same code.
          </p>
          <p className="field__hint">
            Expires in <span className="pairing-prompt__time">{formatCountdown(pairing.secondsLeft)}</span>
            {pairing.behind > 0 && ` · ${pairing.behind} more waiting`}
          </p>
          {pairing.failure && (
            <p className="clipper-error" role="alert">
              {pairing.failure}
            </p>
          )}
          <div className="dialog__actions">
            <button
              type="button"
              className="button"
              disabled={pairing.answering}
              onClick={() => pairing.answer(false)}
            >
              Deny
            </button>
            <button
              type="button"
              className="button is-primary"
              disabled={pairing.answering}
              onClick={() => pairing.answer(true)}
            >
              Approve
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
