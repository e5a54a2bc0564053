import { useCallback, useMemo } from 'react';
import type { ArgsIn } from '@shared/api';
import type { ExportSummary } from '@shared/types';
import { showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { exportNotice, failureSentence } from './transfer-summary';
import { openExport } from './transfer-store';
import { useTransferJob, type TransferJob } from './use-transfer-job';

export interface Exporter extends TransferJob<ExportSummary> {
  start: (args: ArgsIn<'exportMarkdown'>) => void;
}

interface ExportOptions {
  /** Whether the dialog is on screen now; if not, the end of the job is told in a notice. */
  visible: () => boolean;
  /** Saves the note being edited, so the export has what is on screen. */
  beforeExport?: () => Promise<unknown>;
}

/** The export job: one at a time, followed to the end even if the dialog is closed. */
export function useExport({ visible, beforeExport }: ExportOptions): Exporter {
  const client = useClient();
  const job = useTransferJob<ExportSummary>('export');
  const { run } = job;

  const start = useCallback(
    (args: ArgsIn<'exportMarkdown'>) => {
      void run(async () => {
        await beforeExport?.();
        return client.exportMarkdown(args);
      }).then((finished) => {
        if (!finished || visible()) return;
        if (finished.state === 'failed') {
          showNotice({ tone: 'error', message: failureSentence('export', finished.message) });
          return;
        }
        const message = exportNotice(finished.summary);
        showNotice({ tone: 'info', message, action: { label: 'Details', run: () => openExport() } });
      });
    },
    [client, run, visible, beforeExport],
  );

  return useMemo(() => ({ ...job, start }), [job, start]);
}
