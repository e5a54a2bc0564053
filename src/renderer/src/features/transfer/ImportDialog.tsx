import { useState } from 'react';
import type { ReadLaterFormat } from '@shared/types';
import { Segmented } from '../../components/Segmented';
import { pathProblem } from './export-scope';
import { rememberPath, rememberedPath } from './remembered-path';
import { CheckField, PathField, TransferForm } from './TransferForm';
import { importCounts, importHeadline, readLaterFormats } from './transfer-summary';
import { useImport, type ImportRequest } from './use-import';
import { TransferDialog, useOpenNow } from './TransferDialog';

type ImportSource = ImportRequest['source'];

const sources: { value: ImportSource; label: string }[] = [
  { value: 'markdown', label: 'Markdown folder' },
  { value: 'read-later', label: 'Read-it-later export' },
];

interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Import a folder of Markdown files, or a read-it-later service's export; then progress, then a summary. */
export function ImportDialog({ open, onClose }: ImportDialogProps) {
  const visible = useOpenNow(open);
  const importer = useImport({ visible });
  const { job } = importer;

  const [source, setSource] = useState<ImportSource>('markdown');
  const [dir, setDir] = useState(() => rememberedPath('import-dir'));
  const [file, setFile] = useState(() => rememberedPath('import-file'));
  const [format, setFormat] = useState<ReadLaterFormat | ''>('');
  const [fetchPages, setFetchPages] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const failure = job.state === 'failed' ? job.message : null;

  const close = (): void => {
    if (job.state !== 'running') importer.reset();
    setProblem(null);
    onClose();
  };

  const submit = (): void => {
    const markdown = source === 'markdown';
    const path = markdown ? dir : file;
    const wrong = pathProblem(path, markdown ? 'folder' : 'file');
    setProblem(wrong);
    if (wrong) return;
    rememberPath(markdown ? 'import-dir' : 'import-file', path);
    importer.start(
      markdown
        ? { source, args: { dir: path.trim() } }
        : {
            source,
            args: { file: path.trim(), format: format === '' ? undefined : format, fetch: fetchPages },
          },
    );
  };

  return (
    <TransferDialog
      open={open}
      title="Import"
      job={job}
      noun="Import"
      headline={importHeadline}
      counts={importCounts}
      onClose={close}
    >
      <TransferForm
        action="Import"
        problem={problem}
        failure={failure}
        noun="import"
        onSubmit={submit}
        onCancel={close}
      >
        <Segmented
          label="Import from"
          name="import-source"
          choices={sources}
          value={source}
          onChange={(chosen) => {
            setSource(chosen);
            setProblem(null);
          }}
        />
        {source === 'markdown' ? (
          <PathField
            label="Markdown folder"
            placeholder="/path/to/folder"
            value={dir}
            invalid={problem !== null}
            onChange={(value) => {
              setDir(value);
              setProblem(null);
            }}
            hint="An Obsidian vault or a Commonplace export, on the computer that holds the library. Nothing in the library is overwritten: items already there are merged or skipped."
          />
        ) : (
          <>
            <PathField
              label="Export file"
              placeholder="/path/to/export.html"
              value={file}
              invalid={problem !== null}
              onChange={(value) => {
                setFile(value);
                setProblem(null);
              }}
              hint="The file the service gave you, on the computer that holds the library."
            />
            <label className="field">
              <span className="field__label">Format</span>
              <select
                className="field__input"
                value={format}
                onChange={(event) => setFormat(event.target.value as ReadLaterFormat | '')}
              >
                <option value="">Detect from the file</option>
                {readLaterFormats.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <CheckField
              label="Fetch pages"
              checked={fetchPages}
              onChange={setFetchPages}
              hint="Download each page to read it here. Without, each entry keeps its link and any text the service saved."
            />
          </>
        )}
      </TransferForm>
    </TransferDialog>
  );
}
