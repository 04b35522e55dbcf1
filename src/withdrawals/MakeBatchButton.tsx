// 生成付款批次: the selected withdrawals (bulk action) or every approved one in my regions
// (toolbar) become one payout batch. The database leaves out what this user may not pay (four
// eyes: the approver does not pay) and says why; the batch page then offers the bank file.
import { useState } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from '@mui/material';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { Button, useCanAccess, useDataProvider, useListContext, useRedirect, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { useRefusal } from '../common/refusal';
import { makeBatch, type BatchMade } from './api';

const MakeBatch = ({ ids }: { ids: string[] | null }) => {
  const { canAccess } = useCanAccess({ resource: 'withdrawals', action: 'pay' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const refusal = useRefusal();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const unselectAll = useUnselectAll('withdrawals');
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<BatchMade | null>(null);
  if (!canAccess) return null;
  // the selection is cleared and the list reread only when the dialog closes: the batch's rows
  // leave the list, and an empty list or selection unmounts the bulk toolbar and this dialog
  const close = () => {
    if (made) {
      unselectAll();
      refresh();
    }
    setConfirming(false);
    setError(null);
    setMade(null);
  };
  const start = async () => {
    setRunning(true);
    setError(null);
    try {
      setMade(await makeBatch(dataProvider, ids));
    } catch (e) {
      setError(refusal(e));
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      <Button label={ids ? 'withdrawals.batch.selected' : 'withdrawals.batch.all'} onClick={() => setConfirming(true)}>
        <PlaylistAddCheckIcon />
      </Button>
      <Dialog open={confirming} onClose={running ? undefined : close} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('withdrawals.batch.title')}</DialogTitle>
        <DialogContent>
          {made ? (
            <>
              <DialogContentText data-testid="batch-made">
                {translate('withdrawals.batch.made', {
                  no: made.batch_no,
                  count: made.item_count,
                  total: formatFen(made.total_fen),
                })}
              </DialogContentText>
              {made.skipped.length ? (
                <>
                  <DialogContentText sx={{ mt: 1 }}>{translate('withdrawals.batch.skipped', { count: made.skipped.length })}</DialogContentText>
                  <Table size="small">
                    <TableBody>
                      {made.skipped.map((s) => (
                        <TableRow key={s.id}>
                          <TableCell>{s.withdrawal_no}</TableCell>
                          <TableCell>{translate(`withdrawals.batch.why.${s.code}`, { _: translate(`errors.${s.code}`) })}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </>
              ) : null}
            </>
          ) : (
            <DialogContentText>
              {translate(ids ? 'withdrawals.batch.confirm_selected' : 'withdrawals.batch.confirm_all', { count: ids?.length ?? 0 })}
            </DialogContentText>
          )}
          {error ? <DialogContentText color="error" sx={{ mt: 1 }}>{error}</DialogContentText> : null}
        </DialogContent>
        <DialogActions>
          {made ? (
            <MuiButton variant="contained" onClick={() => {
                unselectAll();
                redirect('show', 'payout_batches', made.id);
              }}>
              {translate('withdrawals.batch.open')}
            </MuiButton>
          ) : (
            <>
              <MuiButton onClick={close} disabled={running}>{translate('ra.action.cancel')}</MuiButton>
              <MuiButton variant="contained" onClick={start} disabled={running}>{translate('withdrawals.batch.make')}</MuiButton>
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Bulk action: the selected rows. */
export const MakeBatchFromSelection = () => {
  const { selectedIds } = useListContext();
  return <MakeBatch ids={selectedIds.map(String)} />;
};

/** Toolbar: every approved withdrawal in my regions. */
export const MakeBatchFromAll = () => <MakeBatch ids={null} />;
