import { useState } from 'react';
import { Alert, AlertTitle, Button as MuiButton, Dialog, DialogActions, DialogContent } from '@mui/material';
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
import { LISTING_DELIST_REASONS } from './choices';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal, useRefusal } from '../common/refusal';

/** Shows which ids the bulk RPC refused and why (a refused id does not undo the others). */
const FailedRows = ({ rows, onClose }: { rows: api.BulkRow[]; onClose: () => void }) => {
  const translate = useTranslate();
  // per-row codes come bare (not through the data provider): listings may word them its own way
  const refusal = useRefusal('listings');
  return (
    <Dialog open={rows.length > 0} onClose={onClose} fullWidth maxWidth="sm">
      <DialogContent>
        <Alert severity="warning">
          <AlertTitle>{translate('resources.listings.bulk.failed_title')}</AlertTitle>
          {rows.slice(0, 50).map((r) => (
            <div key={r.id}>{translate('resources.listings.bulk.row', { id: r.id.slice(0, 8), error: refusal(r.error ?? '') })}</div>
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
  const notifyRefusal = useNotifyRefusal();
  const { canAccess } = useCanAccess({ resource: 'listings', action: 'review' });
  const { selectedIds, run, failed, clearFailed } = useBulkRunner();
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button label="resources.listings.actions.bulk_approve" onClick={() => setOpen(true)}>
        <DoneAllIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('resources.listings.dialog.bulk_approve_title', { count: selectedIds.length })}
        content={translate('resources.listings.dialog.bulk_approve_content')}
        confirmLabel={translate('resources.listings.actions.bulk_approve')}
        color="success"
        maxWidth="xs"
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          try {
            await run(api.bulkApprove);
            setOpen(false);
          } catch (e) {
            notifyRefusal(e);
          }
        }}
      />
      <FailedRows rows={failed} onClose={clearFailed} />
    </>
  );
};

export const BulkDelistButton = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'listings', action: 'delist' });
  const { selectedIds, run, failed, clearFailed } = useBulkRunner();
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button label="resources.listings.actions.bulk_delist" color="error" onClick={() => setOpen(true)}>
        <RemoveShoppingCartIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('resources.listings.dialog.bulk_delist_title', { count: selectedIds.length })}
        content={translate('resources.listings.dialog.delist_content')}
        reasons={{ codes: LISTING_DELIST_REASONS, labelPrefix: 'resources.listings.reasons' }}
        confirmLabel={translate('resources.listings.actions.bulk_delist')}
        color="error"
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode: code, note }) => {
          await run((dp, ids) => api.bulkDelist(dp, ids, code, note));
          setOpen(false);
        }}
      />
      <FailedRows rows={failed} onClose={clearFailed} />
    </>
  );
};
