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
import { useTranslate } from 'react-admin';
import { NoteField } from '../common/NoteField';

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  content?: string;
  /** reason codes offered; labels are `${labelPrefix}.${code}` */
  reasons: readonly string[];
  labelPrefix: string;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning';
  onClose: () => void;
  /** rejects with an already-translated message to keep the dialog open and show it */
  onConfirm: (reasonCode: string, note: string) => Promise<void>;
}

/** A coded reason is required; "other" needs a note too. Notes are at most 500 characters. */
export function reasonValid(code: string, note: string): boolean {
  if (!code) return false;
  if (note.length > 500) return false;
  if (code === 'other' && note.trim().length === 0) return false;
  return true;
}

/** Confirmation for an irreversible action: a reason from a list plus free text (R-UX). */
export const ReasonDialog = ({
  open,
  title,
  content,
  reasons,
  labelPrefix,
  confirmLabel,
  confirmColor = 'error',
  onClose,
  onConfirm,
}: ReasonDialogProps) => {
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (busy) return;
    setCode('');
    setNote('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(code, note.trim());
      setCode('');
      setNote('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {content ? <DialogContentText sx={{ mb: 1 }}>{content}</DialogContentText> : null}
        <TextField
          select
          required
          fullWidth
          margin="normal"
          label={translate('resources.merchant_applications.dialog.reason')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          slotProps={{ select: { MenuProps: { disablePortal: false } } }}
        >
          {reasons.map((r) => (
            <MenuItem key={r} value={r}>
              {translate(`${labelPrefix}.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <NoteField
          value={note}
          onChange={setNote}
          helperKey={code === 'other' ? 'resources.merchant_applications.dialog.note_required' : undefined}
        />
        {error ? (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color={confirmColor} disabled={busy || !reasonValid(code, note)} onClick={submit}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
