// R-WDR-4: per Beijing day, what was applied, approved, paid and rejected, and the paid
// amount according to the ledger beside it; a total row; CSV export.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Papa from 'papaparse';
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
import { downloadCSV, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { report, type ReportRow } from './api';
import { formatFen } from '../common/money';
import { beijingDay } from '../common/datetime';
import { useRefusal } from '../common/refusal';

export const REPORT_COLUMNS: Array<{ key: keyof ReportRow; money?: boolean }> = [
  { key: 'day' },
  { key: 'applied_count' },
  { key: 'applied_fen', money: true },
  { key: 'approved_count' },
  { key: 'approved_fen', money: true },
  { key: 'paid_count' },
  { key: 'paid_fen', money: true },
  { key: 'paid_net_fen', money: true },
  { key: 'ledger_paid_net_fen', money: true },
  { key: 'diff_fen', money: true },
  { key: 'rejected_count' },
  { key: 'rejected_fen', money: true },
  { key: 'failed_count' },
  { key: 'returned_count' },
];

/** CSV text of a report: translated headers, yuan with two decimals, "合计/Total" row. */
export function reportCsv(rows: ReportRow[], label: (key: string) => string, totalLabel: string): string {
  return Papa.unparse({
    fields: REPORT_COLUMNS.map((c) => label(c.key)),
    data: rows.map((r) =>
      REPORT_COLUMNS.map((c) => (c.key === 'day' ? (r.day ?? totalLabel) : c.money ? formatFen(r[c.key], { symbol: false }).replace(/,/g, '') : r[c.key])),
    ),
  });
}

export const WithdrawalReport = () => {
  const translate = useTranslate();
  const refusal = useRefusal();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [from, setFrom] = useState(beijingDay(-30));
  const [to, setTo] = useState(beijingDay(0));
  const { data, isPending, error } = useQuery({
    queryKey: ['withdrawal_report', from, to],
    queryFn: () => report(dataProvider, from, to),
    enabled: Boolean(from && to && from <= to),
  });
  const label = (key: string) => translate(`withdrawals.report.${key}`);
  const exportCsv = () => {
    if (data) downloadCSV(reportCsv(data, label, translate('withdrawals.report.total')), `withdrawals-${from}-${to}`);
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
                {REPORT_COLUMNS.map((c) => (
                  <TableCell key={c.key} align={c.key === 'day' ? 'left' : 'right'} sx={{ whiteSpace: 'nowrap' }}>
                    {label(c.key)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(data ?? []).map((r) => (
                <TableRow key={r.day ?? 'total'} sx={r.day ? undefined : { '& td': { fontWeight: 600 } }}>
                  {REPORT_COLUMNS.map((c) => (
                    <TableCell
                      key={c.key}
                      align={c.key === 'day' ? 'left' : 'right'}
                      sx={{
                        fontVariantNumeric: 'tabular-nums',
                        whiteSpace: 'nowrap',
                        color: c.key === 'diff_fen' && Number(r.diff_fen) !== 0 ? 'error.main' : undefined,
                      }}
                    >
                      {c.key === 'day' ? (r.day ?? translate('withdrawals.report.total')) : c.money ? formatFen(r[c.key]) : r[c.key]}
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
