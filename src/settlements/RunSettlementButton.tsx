// "Run a period": confirmation with the period, progress while the settle function runs,
// then the run's summary. Closing the dialog does not cancel anything: the result arrives
// as a notification.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
} from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button, useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { settle, type RunSummary } from './api';
import { beijingDay } from '../common/datetime';
import { useRefusal } from '../common/refusal';

export const RunSummaryTable = ({ run }: { run: RunSummary }) => {
  const translate = useTranslate();
  const rows: Array<[string, string]> = [
    ['period', `${run.period_from} ~ ${run.period_to}`],
    ['trade_count', String(run.trade_count)],
    ['sales_fen', formatFen(run.sales_fen)],
    ['refunds_fen', formatFen(run.refunds_fen)],
    ['platform_fee_fen', formatFen(run.platform_fee_fen)],
    ['commission_fen', formatFen(run.commission_fen)],
    ['merchant_net_fen', formatFen(run.merchant_net_fen)],
  ];
  return (
    <Table size="small" data-testid="settlement-summary">
      <TableBody>
        {rows.map(([k, v]) => (
          <TableRow key={k}>
            <TableCell>{translate(`resources.settlements.fields.${k}`)}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {v}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const RunSettlementButton = () => {
  const { canAccess } = useCanAccess({ resource: 'settlements', action: 'run' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const refusal = useRefusal();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState<RunSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const t = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(t);
  }, [running]);

  if (!canAccess) return null;

  const start = async () => {
    setRunning(true);
    setElapsed(0);
    setResult(null);
    setError(null);
    try {
      const runs = await settle(dataProvider, from, to);
      const run = runs[0];
      setResult(run);
      refresh();
      notify(run.created ? 'settlements.run.created' : 'settlements.run.existing', {
        type: run.created ? 'success' : 'info',
        messageArgs: { id: run.run_id, from: run.period_from, to: run.period_to },
      });
    } catch (e) {
      const message = refusal(e);
      setError(message);
      if (!openRef.current) notify(message, { type: 'error' });
    } finally {
      setRunning(false);
    }
  };

  const show = async () => {
    // default: the latest day whose refund window has closed
    let window = 7;
    try {
      const { data } = await dataProvider.getList('money_settings', {
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      });
      window = Number(data[0]?.refund_window_days ?? 7);
    } catch {
      // keep the default
    }
    const day = beijingDay(-1 - window);
    if (!from) setFrom(day);
    if (!to) setTo(day);
    setOpen(true);
  };

  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  return (
    <>
      <Button label="settlements.run.action" onClick={show}>
        <PlayArrowIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('settlements.run.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('settlements.run.content')}</DialogContentText>
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <TextField
              type="date"
              label={translate('settlements.run.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              disabled={running}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'from' } }}
            />
            <TextField
              type="date"
              label={translate('settlements.run.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              disabled={running}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'to' } }}
            />
          </Stack>
          {running ? (
            <Box sx={{ mt: 2 }} data-testid="settlement-progress">
              <LinearProgress />
              <DialogContentText variant="caption">{translate('settlements.run.running', { s: elapsed })}</DialogContentText>
            </Box>
          ) : null}
          {error ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          ) : null}
          {result ? (
            <Box sx={{ mt: 2 }}>
              <Alert severity={result.created ? 'success' : 'info'}>
                {translate(result.created ? 'settlements.run.created' : 'settlements.run.existing', {
                  id: result.run_id,
                  from: result.period_from,
                  to: result.period_to,
                })}
              </Alert>
              <RunSummaryTable run={result} />
            </Box>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate(result ? 'ra.action.close' : 'ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={start} disabled={running || !valid}>
            {translate('settlements.run.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
