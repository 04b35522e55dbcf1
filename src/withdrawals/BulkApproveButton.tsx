// Batch approve of the selected requests: the RPC per id, one after another, and a per-row
// report of what happened (approved, or the database's reason translated).
import { useState } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useListContext,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { useRefusal } from '../common/refusal';
import { approveMany, type WithdrawalRow } from './api';

type Outcome = { no: string; ok: boolean; message: string };

export const BulkApproveButton = () => {
  const { selectedIds, data } = useListContext<WithdrawalRow>();
  const { canAccess } = useCanAccess({ resource: 'withdrawals', action: 'review' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const refusal = useRefusal();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('withdrawals');
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  if (!canAccess) return null;
  const rows = (data ?? []).filter((r) => selectedIds.includes(r.id));

  const start = async () => {
    setRunning(true);
    setDone(0);
    const results = await approveMany(dataProvider, rows, setDone);
    setOutcomes(
      results.map((r) => ({
        no: r.row.withdrawal_no,
        ok: r.ok,
        message: r.ok ? translate('withdrawals.bulk.ok') : refusal(r.error),
      })),
    );
    setRunning(false);
    unselectAll();
    refresh();
  };
  const close = () => {
    if (running) return;
    setConfirming(false);
    setOutcomes(null);
  };

  return (
    <>
      <Button label="withdrawals.bulk.action" onClick={() => setConfirming(true)}>
        <DoneAllIcon />
      </Button>
      <Dialog open={confirming} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('withdrawals.bulk.title', { n: rows.length })}</DialogTitle>
        <DialogContent>
          {outcomes ? (
            <Table size="small" data-testid="bulk-results">
              <TableBody>
                {outcomes.map((o) => (
                  <TableRow key={o.no}>
                    <TableCell>{o.no}</TableCell>
                    <TableCell sx={{ color: o.ok ? 'success.main' : 'error.main' }}>{o.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <DialogContentText>{translate('withdrawals.bulk.content', { n: rows.length })}</DialogContentText>
          )}
          {running ? <LinearProgress variant="determinate" value={(done / Math.max(rows.length, 1)) * 100} sx={{ mt: 2 }} /> : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={running}>
            {translate(outcomes ? 'ra.action.close' : 'ra.action.cancel')}
          </MuiButton>
          {outcomes ? null : (
            <MuiButton variant="contained" onClick={start} disabled={running || rows.length === 0}>
              {translate('withdrawals.bulk.confirm')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
