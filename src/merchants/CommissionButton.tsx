import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import PercentIcon from '@mui/icons-material/Percent';
import { Button, useDataProvider, useGetList, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { StaffPermissions } from '../providers/authProvider';
import { canAccess } from '../providers/access';
import { ActionDialog } from '../common/ActionDialog';
import { setCommission } from './api';

interface Merchant {
  id: string;
  name: string;
  category_id: number;
  commission_rate_override: number | string | null;
}

/** "3.5" → 0.035; empty → null (use the category's rate); undefined when invalid. */
export function parseRatePercent(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 0 && n < 100 ? Math.round(n * 100) / 10000 : undefined;
}

/** Admin only: change category and/or the merchant's own commission rate (merchant_set_commission). */
export const CommissionButton = () => {
  const record = useRecordContext<Merchant>();
  const { permissions } = usePermissions<StaffPermissions>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<number | ''>('');
  const [rate, setRate] = useState('');
  const [reason, setReason] = useState('');
  const { data: categories = [] } = useGetList<{ id: number; name: string; commission_rate: number }>(
    'merchant_categories',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } },
    { enabled: open },
  );
  // merchant_set_commission is admin-only in SQL; the edit action is admin-only in access.ts
  if (!record || !canAccess(permissions?.role, 'merchants', 'edit')) return null;
  const parsed = parseRatePercent(rate);

  return (
    <>
      <Button
        label="resources.merchants.actions.commission"
        onClick={() => {
          setCategory(record.category_id);
          setRate(record.commission_rate_override === null ? '' : String(Math.round(Number(record.commission_rate_override) * 10000) / 100));
          setOpen(true);
        }}
      >
        <PercentIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('resources.merchants.dialog.commission_title', { name: record.name })}
        canConfirm={category !== '' && parsed !== undefined && reason.trim() !== ''}
        confirmLabel={translate('ra.action.save')}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          await setCommission(dataProvider, record.id, Number(category), parsed ?? null, reason.trim());
          setOpen(false);
          setReason('');
          notify('resources.merchants.notify.commission_changed', { type: 'success' });
          refresh();
        }}
      >
        <TextField select fullWidth label={translate('resources.merchants.dialog.category')} value={category}
          onChange={(e) => setCategory(Number(e.target.value))}>
          {categories.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name} · {(Number(c.commission_rate) * 100).toFixed(2)}%
            </MenuItem>
          ))}
        </TextField>
        <TextField fullWidth label={translate('resources.merchants.dialog.rate_override')} value={rate}
          onChange={(e) => setRate(e.target.value)} error={parsed === undefined}
          helperText={parsed === undefined ? translate('resources.merchants.dialog.rate_invalid') : ' '} />
        <TextField fullWidth required multiline minRows={2} label={translate('resources.merchants.dialog.reason')}
          value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
      </ActionDialog>
    </>
  );
};
