import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReadLaterFormat } from '@shared/types';
import { pathProblem } from './export-scope';
import { rememberPath, rememberedPath } from './remembered-path';
import { JobStatus } from './JobStatus';
import { failureSentence, importCounts, importHeadline, readLaterFormats } from './transfer-summary';
import { useImport, type ImportRequest } from './use-import';
import { useModal } from './use-modal';

type ImportSource = ImportRequest['source'];

const sources: { source: ImportSource; label: string }[] = [
  { source: 'markdown', label: 'Markdown folder' },
  { source: 'read-later', label: 'Read-it-later export' },
];

interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Import a folder of Markdown files, or a read-it-later service's export; then progress, then a summary. */
export function ImportDialog({ open, onClose }: ImportDialogProps) {
  const dialog = useModal(open);
  const shown = useRef(open);
  useEffect(() => {
    shown.current = open;
  });
  const visible = useCallback(() => shown.current, []);
  const importer = useImport({ visible });
  const { job } = importer;

  const [source, setSource] = useState<ImportSource>('markdown');
  const [dir, setDir] = useState(() => rememberedPath('import-dir'));
  const [file, setFile] = useState(() => rememberedPath('import-file'));
  const [format, setFormat] = useState<ReadLaterFormat | ''>('');
  const [fetchPages, setFetchPages] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const pathHintId = useId();
  const fetchHintId = useId();
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
        Import
      </h2>
      <JobStatus
        job={job}
        noun="Import"
        describe={(summary) => ({
          headline: importHeadline(summary),
          counts: importCounts(summary),
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
          <div className="transfer-switch" role="radiogroup" aria-label="Import from">
            {sources.map((choice) => (
              <label key={choice.source} className="transfer-switch__choice">
                <input
                  type="radio"
                  name="import-source"
                  value={choice.source}
                  checked={source === choice.source}
                  onChange={() => {
                    setSource(choice.source);
                    setProblem(null);
                  }}
                />
                <span>{choice.label}</span>
              </label>
            ))}
          </div>
          {source === 'markdown' ? (
            <label className="field">
              <span className="field__label">Markdown folder</span>
              <input
                type="text"
                className="field__input transfer-path"
                placeholder="/path/to/folder"
                autoComplete="off"
                spellCheck={false}
                value={dir}
                aria-describedby={pathHintId}
                aria-invalid={problem !== null}
                onChange={(event) => {
                  setDir(event.target.value);
                  setProblem(null);
                }}
              />
              <span id={pathHintId} className="field__hint">
                An Obsidian vault or a Commonplace export, on the computer that holds the library. Nothing in
                the library is overwritten: items already there are merged or skipped.
              </span>
            </label>
          ) : (
            <>
              <label className="field">
                <span className="field__label">Export file</span>
                <input
                  type="text"
                  className="field__input transfer-path"
                  placeholder="/path/to/export.html"
                  autoComplete="off"
                  spellCheck={false}
                  value={file}
                  aria-describedby={pathHintId}
                  aria-invalid={problem !== null}
                  onChange={(event) => {
                    setFile(event.target.value);
                    setProblem(null);
                  }}
                />
                <span id={pathHintId} className="field__hint">
                  The file the service gave you, on the computer that holds the library.
                </span>
              </label>
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
              <label className="transfer-check">
                <input
                  type="checkbox"
                  checked={fetchPages}
                  aria-describedby={fetchHintId}
                  onChange={(event) => setFetchPages(event.target.checked)}
                />
                <span>Fetch pages</span>
              </label>
              <p id={fetchHintId} className="field__hint transfer-check__hint">
                Download each page to read it here. Without, each entry keeps its link and any text the
                service saved.
              </p>
            </>
          )}
          {(problem ?? failure) && (
            <p className="transfer-error" role="alert">
              {problem ?? failureSentence('import', failure ?? '')}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button is-primary">
              Import
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
