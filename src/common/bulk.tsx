// Bulk actions on a list's selected rows: the SQL function acts on each row on its own and
// answers per row (ok, or the code it was refused with), so some rows may be done and others
// not. This runs such a call, says how many were done, lists the refused rows in words and
// clears the selection.
import { useState } from 'react';
import { Alert, AlertTitle, Button, Dialog, DialogActions, DialogContent } from '@mui/material';
import { useDataProvider, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { useRefusal } from './refusal';

/** A bulk call's answer for one id. */
export interface BulkRow {
  id: string;
  ok: boolean;
  error: string | null;
}

/** The refused rows of the last run, by a label the user recognises (a name, else the id's start). */
export const BulkFailedRows = ({ rows, labelOf, onClose }: { rows: BulkRow[]; labelOf: (id: string) => string; onClose: () => void }) => {
  const translate = useTranslate();
  const refusal = useRefusal();
  return (
    <Dialog open={rows.length > 0} onClose={onClose} fullWidth maxWidth="sm">
      <DialogContent>
        <Alert severity="warning">
          <AlertTitle>{translate('common.bulk.failed_title')}</AlertTitle>
          {rows.slice(0, 50).map((r) => (
            <div key={r.id}>{translate('common.bulk.row', { name: labelOf(r.id), error: refusal(r.error ?? '') })}</div>
          ))}
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

export function useBulkRunner(nameField: string) {
  const { selectedIds, resource, data } = useListContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const [failed, setFailed] = useState<BulkRow[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const run = async (call: (dp: AppDataProvider, ids: string[]) => Promise<BulkRow[]>) => {
    const ids = selectedIds.map(String);
    setNames(Object.fromEntries((data ?? []).filter((r) => ids.includes(String(r.id))).map((r) => [String(r.id), String(r[nameField] ?? '')])));
    const rows = await call(dataProvider, ids);
    const bad = rows.filter((r) => !r.ok);
    notify('common.bulk.done', { type: bad.length ? 'warning' : 'success', messageArgs: { ok: rows.length - bad.length, failed: bad.length } });
    setFailed(bad);
    unselectAll();
    refresh();
  };
  const failedRows = <BulkFailedRows rows={failed} labelOf={(id) => names[id] || id.slice(0, 8)} onClose={() => setFailed([])} />;
  return { selectedIds, run, failedRows };
}
