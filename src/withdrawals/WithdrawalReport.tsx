// R-WDR-4: per Beijing day, what was applied, approved, paid and rejected, and the paid
// amount according to the ledger beside it; a total row; CSV export.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { csvBlob, downloadBlob, exportFileName, type ExportColumn } from '../common/export';
import type { AppDataProvider } from '../providers/dataProvider';
import { report, type ReportRow } from './api';
import { formatFen } from '../common/money';
import { beijingDay } from '../common/datetime';
import { useRefusal } from '../common/refusal';

const MONEY = new Set(['applied_fen', 'approved_fen', 'paid_fen', 'paid_net_fen', 'ledger_paid_net_fen', 'diff_fen', 'rejected_fen']);
const REPORT_FIELDS: Array<keyof ReportRow> = [
  'day', 'applied_count', 'applied_fen', 'approved_count', 'approved_fen', 'paid_count', 'paid_fen', 'paid_net_fen',
  'ledger_paid_net_fen', 'diff_fen', 'rejected_count', 'rejected_fen', 'failed_count', 'returned_count',
];

/** The report's export columns: translated headers, yuan with two decimals, a "合计/Total" row. */
function reportColumns(label: (key: string) => string, totalLabel: string): ExportColumn<ReportRow>[] {
  return REPORT_FIELDS.map((key) => ({
    source: key,
    label: label(key),
    kind: MONEY.has(key) ? 'money' : key === 'day' ? 'text' : 'number',
    value: key === 'day' ? (r: ReportRow) => r.day ?? totalLabel : undefined,
  }));
}

export const WithdrawalReport = () => {
  const translate = useTranslate();
  const refusal = useRefusal();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [from, setFrom] = useState(beijingDay(-30));
  const [to, setTo] = useState(beijingDay(0));
  const { data, isPending, error } = useQuery({
    queryKey: ['withdrawal_report', from, to],
    queryFn: () => report(dataProvider, from, to),
    enabled: Boolean(from && to && from <= to),
  });
  const label = (key: string) => translate(`withdrawals.report.${key}`);
  // through the shared CSV writer (BOM, formulas escaped), recorded like every list export
  const exportCsv = async () => {
    if (!data) return;
    try {
      const blob = csvBlob(data, reportColumns(label, translate('withdrawals.report.total')));
      await dataProvider.rpc('export_record', { p_resource: 'withdrawal_report', p_filter: { from, to }, p_rows: data.length, p_format: 'csv' });
      downloadBlob(blob, exportFileName(`withdrawals-${from}-${to}`, 'csv'));
    } catch (e) {
      notify(refusal(e), { type: 'error' });
    }
  };
  return (
    <Card>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} alignItems={{ sm: 'center' }}>
          <TextField type="date" label={translate('withdrawals.report.from')} value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField type="date" label={translate('withdrawals.report.to')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <MuiButton startIcon={<DownloadIcon />} onClick={exportCsv} disabled={!data}>
            {translate('ra.action.export')}
          </MuiButton>
        </Stack>
        {isPending ? <LinearProgress /> : null}
        {error ? <Alert severity="error">{refusal(error)}</Alert> : null}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="withdrawal-report">
            <TableHead>
              <TableRow>
                {REPORT_FIELDS.map((key) => (
                  <TableCell key={key} align={key === 'day' ? 'left' : 'right'} sx={{ whiteSpace: 'nowrap' }}>
                    {label(key)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(data ?? []).map((r) => (
                <TableRow key={r.day ?? 'total'} sx={r.day ? undefined : { '& td': { fontWeight: 600 } }}>
                  {REPORT_FIELDS.map((key) => (
                    <TableCell
                      key={key}
                      align={key === 'day' ? 'left' : 'right'}
                      sx={{
                        fontVariantNumeric: 'tabular-nums',
                        whiteSpace: 'nowrap',
                        color: key === 'diff_fen' && Number(r.diff_fen) !== 0 ? 'error.main' : undefined,
                      }}
                    >
                      {key === 'day' ? (r.day ?? translate('withdrawals.report.total')) : MONEY.has(key) ? formatFen(r[key]) : r[key]}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
};
