import { useEffect, useState } from 'react';
import type { CitationFormat } from '@shared/types';
import { errorMessage } from '../../lib/errors';
import { showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { copyText } from './use-copy-markdown';
import { Segmented } from '../../components/Segmented';
import { ModalDialog } from '../../components/ModalDialog';

const formats: { value: CitationFormat; label: string }[] = [
  { value: 'bibtex', label: 'BibTeX' },
  { value: 'csl-json', label: 'CSL-JSON' },
];

/** One answer of `cite`, tagged with what was asked, so an older answer is never shown for a newer question. */
type Answer = { key: string; text: string } | { key: string; problem: string };

interface CiteDialogProps {
  /** The items to cite, or null while the dialog is closed. */
  ids: readonly string[] | null;
  onClose: () => void;
}

/** Citations of clips (and notes) as BibTeX or CSL-JSON, to read or copy. */
export function CiteDialog({ ids, onClose }: CiteDialogProps) {
  const client = useClient();
  const open = ids !== null;
  const [format, setFormat] = useState<CitationFormat>('bibtex');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = ids ? `${format}:${ids.join(',')}` : '';

  useEffect(() => {
    if (!ids || ids.length === 0) return;
    let current = true;
    client.cite({ ids: [...ids], format }).then(
      (result) => current && setAnswer({ key, text: result.text }),
      (error: unknown) => current && setAnswer({ key, problem: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, ids, format, key]);

  const shown = answer?.key === key ? answer : null;
  const text = shown && 'text' in shown ? shown.text : '';
  const count = ids?.length ?? 0;

  return (
    <ModalDialog
      open={open}
      title={count > 1 ? `Cite ${count} items` : 'Cite'}
      className="transfer-dialog cite-dialog"
      onClose={onClose}
    >
      <Segmented
        label="Citation format"
        name="cite-format"
        choices={formats}
        value={format}
        onChange={setFormat}
      />
      {shown && 'problem' in shown ? (
        <p className="transfer-error" role="alert">
          {shown.problem}
        </p>
      ) : (
        <label className="field cite-dialog__field">
          <span className="field__label">Citations</span>
          <textarea
            className="field__input cite-dialog__text"
            readOnly
            rows={10}
            spellCheck={false}
            value={shown ? text : ''}
            placeholder={shown ? '' : 'Preparing…'}
            aria-busy={!shown}
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="button is-primary"
          disabled={text === ''}
          onClick={() => {
            void copyText(text).then((copied) => {
              if (copied) showNotice({ tone: 'info', message: 'Copied the citations.' });
            });
          }}
        >
          Copy
        </button>
      </div>
    </ModalDialog>
  );
}
