import { useState } from 'react';
import { Alert, AlertTitle, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import RemoveShoppingCartIcon from '@mui/icons-material/RemoveShoppingCart';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import * as api from './api';
import { ReasonDialog } from './ReasonDialog';
import { LISTING_DELIST_REASONS } from './choices';
import { useErrorMessage } from './rpcError';

/** Shows which ids the bulk RPC refused and why (a refused id does not undo the others). */
const FailedRows = ({ rows, onClose }: { rows: api.BulkRow[]; onClose: () => void }) => {
  const translate = useTranslate();
  const errorMessage = useErrorMessage('listings');
  return (
    <Dialog open={rows.length > 0} onClose={onClose} fullWidth maxWidth="sm">
      <DialogContent>
        <Alert severity="warning">
          <AlertTitle>{translate('resources.listings.bulk.failed_title')}</AlertTitle>
          {rows.slice(0, 50).map((r) => (
            <div key={r.id}>{translate('resources.listings.bulk.row', { id: r.id.slice(0, 8), error: errorMessage(r.error ?? '') })}</div>
          ))}
        </Alert>
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.close')}</MuiButton>
      </DialogActions>
    </Dialog>
  );
};

function useBulkRunner() {
  const { selectedIds, resource } = useListContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const [failed, setFailed] = useState<api.BulkRow[]>([]);
  const run = async (call: (dp: AppDataProvider, ids: string[]) => Promise<api.BulkRow[]>) => {
    const rows = await call(dataProvider, selectedIds.map(String));
    const bad = rows.filter((r) => !r.ok);
    notify('resources.listings.notify.bulk_done', {
      type: bad.length ? 'warning' : 'success',
      messageArgs: { ok: rows.length - bad.length, failed: bad.length },
    });
    setFailed(bad);
    unselectAll();
    refresh();
  };
  return { selectedIds, run, failed, clearFailed: () => setFailed([]) };
}

export const BulkApproveButton = () => {
  const translate = useTranslate();
  const errorMessage = useErrorMessage('listings');
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'listings', action: 'review' });
  const { selectedIds, run, failed, clearFailed } = useBulkRunner();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await run(api.bulkApprove);
      setOpen(false);
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="resources.listings.actions.bulk_approve" onClick={() => setOpen(true)}>
        <DoneAllIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('resources.listings.dialog.bulk_approve_title', { count: selectedIds.length })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('resources.listings.dialog.bulk_approve_content')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" color="success" disabled={busy} onClick={confirm}>
            {translate('resources.listings.actions.bulk_approve')}
          </MuiButton>
        </DialogActions>
      </Dialog>
      <FailedRows rows={failed} onClose={clearFailed} />
    </>
  );
};

export const BulkDelistButton = () => {
  const translate = useTranslate();
  const errorMessage = useErrorMessage('listings');
  const { canAccess } = useCanAccess({ resource: 'listings', action: 'delist' });
  const { selectedIds, run, failed, clearFailed } = useBulkRunner();
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button label="resources.listings.actions.bulk_delist" color="error" onClick={() => setOpen(true)}>
        <RemoveShoppingCartIcon />
      </Button>
      <ReasonDialog
        open={open}
        title={translate('resources.listings.dialog.bulk_delist_title', { count: selectedIds.length })}
        content={translate('resources.listings.dialog.delist_content')}
        reasons={LISTING_DELIST_REASONS}
        labelPrefix="resources.listings.reasons"
        confirmLabel={translate('resources.listings.actions.bulk_delist')}
        onClose={() => setOpen(false)}
        onConfirm={async (code, note) => {
          try {
            await run((dp, ids) => api.bulkDelist(dp, ids, code, note));
          } catch (e) {
            throw new Error(errorMessage(e));
          }
          setOpen(false);
        }}
      />
      <FailedRows rows={failed} onClose={clearFailed} />
    </>
  );
};
