import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
import { FEE_PLANS } from '../common/merchantKinds';
import type { FeePlan } from './api';

interface Props {
  open: boolean;
  name: string;
  categoryId: number | null;
  onClose: () => void;
  /** a rejection keeps the dialog open and shows the refusal */
  onConfirm: (feePlan: FeePlan, categoryId: number | null, note: string) => Promise<void>;
}

/** Approval needs a fee plan; the category defaults to the application's (or the type's). */
export const ApproveDialog = ({ open, name, categoryId, onClose, onConfirm }: Props) => {
  const translate = useTranslate();
  const { data: categories = [] } = useGetList<{ id: number; name: string; commission_rate: number }>(
    'merchant_categories',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' }, filter: { active: true } },
    { enabled: open },
  );
  const [plan, setPlan] = useState<FeePlan>('yearly');
  // null until the reviewer picks one: the application's own category is the default
  const [picked, setCategory] = useState<number | '' | null>(null);
  const category = picked ?? categoryId ?? '';
  return (
    <ActionDialog
      open={open}
      title={translate('resources.merchant_applications.dialog.approve_title', { name })}
      content={translate('resources.merchant_applications.dialog.approve_content')}
      note
      canConfirm={!!plan}
      confirmLabel={translate('resources.merchant_applications.actions.approve')}
      color="success"
      onClose={onClose}
      onConfirm={({ note }) => onConfirm(plan, category === '' ? null : category, note)}
    >
      <TextField
        select
        required
        fullWidth
        label={translate('resources.merchant_applications.dialog.fee_plan')}
        value={plan}
        onChange={(e) => setPlan(e.target.value as FeePlan)}
      >
        {FEE_PLANS.map((p) => (
          <MenuItem key={p} value={p}>
            {translate(`resources.merchant_applications.fee_plans.${p}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth
        label={translate('resources.merchant_applications.dialog.category')}
        value={category}
        onChange={(e) => setCategory(e.target.value === '' ? '' : Number(e.target.value))}
      >
        {categories.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {c.name} · {(Number(c.commission_rate) * 100).toFixed(2)}%
          </MenuItem>
        ))}
      </TextField>
    </ActionDialog>
  );
};
