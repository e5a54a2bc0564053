import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  defaultScope,
  exportArgs,
  pathProblem,
  scopeChoices,
  type ExportContext,
  type ExportScope,
} from './export-scope';
import { rememberPath, rememberedPath } from './remembered-path';
import { JobStatus } from './JobStatus';
import { exportCounts, exportHeadline, failureSentence } from './transfer-summary';
import { useExport } from './use-export';
import { useModal } from './use-modal';

interface ExportDialogProps {
  open: boolean;
  /** Where the person was when the dialog opened: which scopes it offers. */
  context: ExportContext;
  onClose: () => void;
  /** Saves the note being edited before exporting. */
  beforeExport?: () => Promise<unknown>;
}

/** Export to a folder of Markdown files: what, where, whether to prune; then progress, then a summary. */
export function ExportDialog({ open, context, onClose, beforeExport }: ExportDialogProps) {
  const dialog = useModal(open);
  const shown = useRef(open);
  useEffect(() => {
    shown.current = open;
  });
  const visible = useCallback(() => shown.current, []);
  const exporter = useExport({ visible, beforeExport });
  const { job } = exporter;

  const [dir, setDir] = useState(() => rememberedPath('export-dir'));
  const [prune, setPrune] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Each opening offers the scopes of where the person is now, the narrowest chosen.
  const [seen, setSeen] = useState(context);
  const [scope, setScope] = useState<ExportScope>(() => defaultScope(context));
  if (seen !== context) {
    setSeen(context);
    setScope(defaultScope(context));
    setProblem(null);
  }

  const titleId = useId();
  const dirHintId = useId();
  const pruneHintId = useId();
  const choices = scopeChoices(context);
  const failure = job.state === 'failed' ? job.message : null;

  const close = (): void => {
    if (job.state !== 'running') exporter.reset();
    onClose();
  };

  const submit = (): void => {
    const wrong = pathProblem(dir, 'folder');
    setProblem(wrong);
    if (wrong) return;
    rememberPath('export-dir', dir);
    exporter.start(exportArgs(scope, context, dir, prune));
  };

  return (
    <dialog
      ref={dialog}
      className="dialog transfer-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClose={() => open && close()}
    >
      <h2 id={titleId} className="dialog__title">
        Export to Markdown
      </h2>
      <JobStatus
        job={job}
        noun="Export"
        describe={(summary) => ({
          headline: exportHeadline(summary),
          counts: exportCounts(summary),
          problems: summary.problems,
        })}
        onClose={close}
      />
      {(job.state === 'idle' || job.state === 'failed') && (
        <form
          className="transfer-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <fieldset className="transfer-choices">
            <legend className="field__label">What to export</legend>
            {choices.map((choice) => (
              <label key={choice.scope} className="transfer-choice">
                <input
                  type="radio"
                  name="export-scope"
                  value={choice.scope}
                  checked={scope === choice.scope}
                  onChange={() => setScope(choice.scope)}
                />
                <span>{choice.label}</span>
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span className="field__label">Destination folder</span>
            <input
              type="text"
              className="field__input transfer-path"
              placeholder="/path/to/folder"
              autoComplete="off"
              spellCheck={false}
              value={dir}
              aria-describedby={dirHintId}
              aria-invalid={problem !== null}
              onChange={(event) => {
                setDir(event.target.value);
                setProblem(null);
              }}
            />
            <span id={dirHintId} className="field__hint">
              The full path of a folder on the computer that holds the library. Exporting again to the same
              folder updates its files.
            </span>
          </label>
          <label className="transfer-check">
            <input
              type="checkbox"
              checked={prune}
              aria-describedby={pruneHintId}
              onChange={(event) => setPrune(event.target.checked)}
            />
            <span>Remove files of items no longer exported</span>
          </label>
          <p id={pruneHintId} className="field__hint transfer-check__hint">
            Deletes the files an earlier export to this folder wrote for items that are not part of this one.
          </p>
          {(problem ?? failure) && (
            <p className="transfer-error" role="alert">
              {problem ?? failureSentence('export', failure ?? '')}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button is-primary">
              Export
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
