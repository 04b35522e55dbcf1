import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { NoteField } from '../common/NoteField';
import { FEE_PLANS } from './choices';
import type { FeePlan } from './api';

interface Props {
  open: boolean;
  name: string;
  categoryId: number | null;
  onClose: () => void;
  /** rejects with a translated message to keep the dialog open */
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
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(plan, category === '' ? null : category, note.trim());
      setNote('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={() => !busy && onClose()} fullWidth maxWidth="sm">
      <DialogTitle>{translate('resources.merchant_applications.dialog.approve_title', { name })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate('resources.merchant_applications.dialog.approve_content')}</DialogContentText>
        <TextField
          select
          required
          fullWidth
          margin="normal"
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
          margin="normal"
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
        <NoteField value={note} onChange={setNote} />
        {error ? <Alert severity="error">{error}</Alert> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color="success" disabled={busy || !plan} onClick={submit}>
          {translate('resources.merchant_applications.actions.approve')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
