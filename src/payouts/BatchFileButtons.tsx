// Download of a batch's bank file (full account numbers: finance only, each download audited
// by payout_batch_file) in the bank template the batch was made with.
import { useState } from 'react';
import { Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useCanAccess, useDataProvider, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { useNotifyRefusal } from '../common/refusal';
import { downloadBlob } from '../common/export';
import { batchFile } from './api';
import { bankCsv, bankXlsx, type BankTemplate } from './bankFile';

export const BatchFileButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refusal = useNotifyRefusal();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'payout_batches', action: 'pay' });
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;
  const template = record.bank_template as BankTemplate;
  const download = async (kind: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const rows = await batchFile(dataProvider, String(record.id));
      const blob =
        kind === 'csv'
          ? new Blob([bankCsv(template, rows)], { type: 'text/csv;charset=utf-8' })
          : await bankXlsx(template, rows, record.batch_no);
      downloadBlob(blob, `${record.batch_no}-${template}.${kind}`);
    } catch (e) {
      refusal(e);
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={1}>
        <Button label="payouts.download.csv" variant="contained" disabled={busy} onClick={() => download('csv')}>
          <DownloadIcon />
        </Button>
        <Button label="payouts.download.xlsx" disabled={busy} onClick={() => download('xlsx')}>
          <DownloadIcon />
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('payouts.download.note')}
      </Typography>
    </Stack>
  );
};
