// The bank's result file: parsed here, applied row by row by payout_batch_import; the rows it
// could not apply are listed with their reasons (and stay as they were).
import { useState } from 'react';
import { Alert, Button as MuiButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { importResult, type ImportResult } from './api';
import { parseResultFile } from './resultFile';

export const ImportResultButton = ({ onResult }: { onResult: (r: ImportResult) => void }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'payout_batches', action: 'import' });
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  if (!record || !canAccess) return null;
  return (
    <>
      <Button label="payouts.import.action" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      {open ? (
        <ActionDialog
          open
          title={translate('payouts.import.title') + ' · ' + record.batch_no}
          content={translate('payouts.import.content')}
          confirmLabel={translate('payouts.import.action')}
          canConfirm={file !== null}
          onClose={() => {
            setOpen(false);
            setFile(null);
            setUnreadable(false);
          }}
          onConfirm={async () => {
            if (!file) return;
            const rows = await parseResultFile(file);
            if (!rows) {
              setUnreadable(true);
              return;
            }
            const result = await importResult(dataProvider, String(record.id), rows, file.name);
            onResult(result);
            notify('payouts.import.done', { type: result.errors ? 'warning' : 'success', messageArgs: result });
            setOpen(false);
            setFile(null);
            refresh();
          }}
        >
          <Stack spacing={1}>
            <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />}>
              {file ? file.name : translate('payouts.import.file')}
              <input
                hidden
                type="file"
                data-testid="result-file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  setUnreadable(false);
                  setFile(e.target.files?.[0] ?? null);
                }}
              />
            </MuiButton>
            {unreadable ? <Alert severity="error">{translate('payouts.import.unreadable')}</Alert> : null}
          </Stack>
        </ActionDialog>
      ) : null}
    </>
  );
};

/** The outcome of the last import: every row that was not applied, with its reason in words. */
export const ImportReport = ({ result }: { result: ImportResult }) => {
  const translate = useTranslate();
  const shown = result.rows.filter((r) => r.outcome !== 'applied');
  return (
    <Stack spacing={1} data-testid="import-report">
      <Alert severity={result.errors ? 'warning' : 'success'}>
        {translate('payouts.import.done', { applied: result.applied, errors: result.errors })}
      </Alert>
      {shown.length ? (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('payouts.import.line')}</TableCell>
              <TableCell>{translate('resources.payout_batch_items.fields.withdrawal_no')}</TableCell>
              <TableCell>{translate('payouts.import.outcome')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((r) => (
              <TableRow key={r.line} data-testid="import-row-error">
                <TableCell>{r.line}</TableCell>
                <TableCell>{r.withdrawal_no ?? (r.row_no != null ? `#${r.row_no}` : '—')}</TableCell>
                <TableCell>
                  <Typography variant="body2" color={r.outcome === 'error' ? 'error' : 'text.secondary'}>
                    {r.outcome === 'error'
                      ? `${translate('payouts.import.error')}: ${translate(`errors.${r.code}`, { _: r.code ?? '' })}`
                      : translate(`payouts.import.${r.outcome}`)}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Stack>
  );
};
