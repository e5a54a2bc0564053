import { useCallback, useMemo } from 'react';
import type { ArgsIn } from '@shared/api';
import type { ImportSummary } from '@shared/types';
import { showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { failureSentence, importNotice } from './transfer-summary';
import { openTransfer } from './transfer-store';
import { useTransferJob, type TransferJob } from './use-transfer-job';

/** What to import: a folder of Markdown files, or a read-it-later service's export file. */
export type ImportRequest =
  | { source: 'markdown'; args: ArgsIn<'importMarkdown'> }
  | { source: 'read-later'; args: ArgsIn<'importReadLater'> };

export interface Importer extends TransferJob<ImportSummary> {
  start: (request: ImportRequest) => void;
}

/** The import job: one at a time, followed to the end even if the dialog is closed. */
export function useImport({ visible }: { visible: () => boolean }): Importer {
  const client = useClient();
  const job = useTransferJob<ImportSummary>('import');
  const { run } = job;

  const start = useCallback(
    (request: ImportRequest) => {
      void run(() =>
        request.source === 'markdown'
          ? client.importMarkdown(request.args)
          : client.importReadLater(request.args),
      ).then((finished) => {
        if (!finished || visible()) return;
        if (finished.state === 'failed') {
          showNotice({ tone: 'error', message: failureSentence('import', finished.message) });
          return;
        }
        const message = importNotice(finished.summary);
        const details = { label: 'Details', run: () => openTransfer({ kind: 'import' }) };
        showNotice({ tone: 'info', message, action: details });
      });
    },
    [client, run, visible],
  );

  return useMemo(() => ({ ...job, start }), [job, start]);
}
