import { useState } from 'react';
import {
  defaultScope,
  exportArgs,
  pathProblem,
  scopeChoices,
  type ExportContext,
  type ExportScope,
} from './export-scope';
import { rememberPath, rememberedPath } from './remembered-path';
import { CheckField, PathField, TransferForm } from './TransferForm';
import { exportCounts, exportHeadline } from './transfer-summary';
import { useExport } from './use-export';
import { TransferDialog, useOpenNow } from './TransferDialog';

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
  const visible = useOpenNow(open);
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
    <TransferDialog
      open={open}
      title="Export to Markdown"
      job={job}
      noun="Export"
      headline={exportHeadline}
      counts={exportCounts}
      onClose={close}
    >
      <TransferForm
        action="Export"
        problem={problem}
        failure={failure}
        noun="export"
        onSubmit={submit}
        onCancel={close}
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
        <PathField
          label="Destination folder"
          placeholder="/path/to/folder"
          value={dir}
          invalid={problem !== null}
          onChange={(value) => {
            setDir(value);
            setProblem(null);
          }}
          hint="The full path of a folder on the computer that holds the library. Exporting again to the same folder updates its files."
        />
        <CheckField
          label="Remove files of items no longer exported"
          checked={prune}
          onChange={setPrune}
          hint="Deletes the files an earlier export to this folder wrote for items that are not part of this one."
        />
      </TransferForm>
    </TransferDialog>
  );
}
