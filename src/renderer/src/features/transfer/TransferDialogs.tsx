import './transfer.css';
import { CiteDialog } from './CiteDialog';
import { ExportDialog } from './ExportDialog';
import { emptyExportContext } from './export-scope';
import { ImportDialog } from './ImportDialog';
import { closeTransfer, useTransferDialog } from './transfer-store';

/** The export, import and cite dialogs, mounted once; the transfer store says which is open. */
export function TransferDialogs({ beforeExport }: { beforeExport?: () => Promise<unknown> }) {
  const dialog = useTransferDialog();
  return (
    <>
      <ExportDialog
        open={dialog?.kind === 'export'}
        context={dialog?.kind === 'export' ? dialog.context : emptyExportContext}
        beforeExport={beforeExport}
        onClose={closeTransfer}
      />
      <ImportDialog open={dialog?.kind === 'import'} onClose={closeTransfer} />
      <CiteDialog ids={dialog?.kind === 'cite' ? dialog.ids : null} onClose={closeTransfer} />
    </>
  );
}
