import { useId, useState } from 'react';
import type { PairedExtension } from '@shared/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatShortDate, formatLongDate } from '../../lib/format-date';
import { Bookmarklet } from './Bookmarklet';
import { formatCode, formatCountdown, secondsLeft, serviceStatus, shortOrigin } from './clipper-text';
import { useNow } from './use-now';
import type { ClipperInfoState } from './use-clipper-info';

/** Text with `code` spans, as the status sentences write them. */
function WithCode({ text }: { text: string }) {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}

/** The "Browser clipper" section: the local service, the paired extensions, waiting requests, the bookmarklet. */
export function ClipperSettings({ clipper }: { clipper: ClipperInfoState }) {
  const { info, failure } = clipper;
  const [revoking, setRevoking] = useState<PairedExtension | null>(null);
  const headingId = useId();
  const pairedId = useId();
  const waitingId = useId();
  const bookmarkletId = useId();
  const requests = info?.requests ?? [];
  const now = useNow(requests.length > 0);

  return (
    <section className="clipper-settings" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings__heading">
        Browser clipper
      </h3>
      <p className="clipper-status" role="status" data-listening={info?.port != null}>
        {info === null && failure === null ? (
          'Checking…'
        ) : (
          <WithCode text={serviceStatus(info?.port ?? null)} />
        )}
      </p>
      {failure && <p className="field__hint">{failure}</p>}

      <h4 id={pairedId} className="clipper-settings__subheading">
        Paired extensions
      </h4>
      {info && info.extensions.length === 0 && (
        <p className="field__hint">No extension is paired yet. Pair one from the extension itself.</p>
      )}
      {info && info.extensions.length > 0 && (
        <ul className="clipper-list" aria-labelledby={pairedId}>
          {info.extensions.map((extension) => (
            <li key={extension.id} className="clipper-list__row">
              <div className="clipper-list__text">
                <span className="clipper-list__name">{extension.name}</span>
                <span className="clipper-list__meta">
                  <span title={extension.origin}>{shortOrigin(extension.origin)}</span>
                  {' · '}
                  <span title={formatLongDate(extension.paired)}>
                    paired {formatShortDate(extension.paired)}
                  </span>
                  {' · '}
                  {extension.lastUsed ? (
                    <span title={formatLongDate(extension.lastUsed)}>
                      last used {formatShortDate(extension.lastUsed)}
                    </span>
                  ) : (
                    'never used'
                  )}
                </span>
              </div>
              <button
                type="button"
                className="button is-danger is-quiet"
                aria-label={`Revoke ${extension.name}`}
                onClick={() => setRevoking(extension)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}

      {requests.length > 0 && (
        <>
          <h4 id={waitingId} className="clipper-settings__subheading">
            Waiting for an answer
          </h4>
          <ul className="clipper-list" aria-labelledby={waitingId}>
            {requests.map((request) => (
              <li key={request.requestId} className="clipper-list__row">
                <div className="clipper-list__text">
                  <span className="clipper-list__name">{request.name}</span>
                  <span className="clipper-list__meta">
                    <span title={request.origin}>{shortOrigin(request.origin)}</span>
                    {' · code '}
                    <span className="clipper-list__code">{formatCode(request.code)}</span>
                    {` · expires in ${formatCountdown(secondsLeft(request.expires, now))}`}
                  </span>
                </div>
                <div className="clipper-list__actions">
                  <button
                    type="button"
                    className="button"
                    aria-label={`Deny ${request.name}`}
                    onClick={() => clipper.answer(request.requestId, false)}
                  >
                    Deny
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-label={`Approve ${request.name}`}
                    onClick={() => clipper.answer(request.requestId, true)}
                  >
                    Approve
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      <h4 id={bookmarkletId} className="clipper-settings__subheading">
        Bookmarklet
      </h4>
      <Bookmarklet />

      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? 'this extension'}?`}
        message="It will no longer be able to clip into this library. To use it again, pair it again from the extension."
        confirmLabel="Revoke"
        onConfirm={() => {
          if (revoking) clipper.revoke(revoking.id, revoking.name);
          setRevoking(null);
        }}
        onCancel={() => setRevoking(null)}
      />
    </section>
  );
}
