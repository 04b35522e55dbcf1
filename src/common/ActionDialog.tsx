// The one confirmation dialog of an action: a title, what will happen, the inputs the action
// needs (a reason code from a list, a free-text note, a payout reference, or inputs of its
// own), and a confirm button that stays disabled until they are valid. A refusal keeps the
// dialog open and shows the database's reason, translated.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { NoteField } from './NoteField';
import { useRefusal } from './refusal';

export interface DialogField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  /** a regular expression the trimmed value must match */
  pattern?: RegExp;
  helperText?: string;
}

/** What the inputs hold when confirmed, trimmed: reasonCode, note and each field by name. */
export type ActionValues = { reasonCode: string; note: string } & Record<string, string>;

export interface ActionDialogProps {
  open: boolean;
  title: string;
  content?: ReactNode;
  /** reason codes to pick one from (labels `${labelPrefix}.${code}`); "other" needs a note */
  reasons?: { codes: readonly string[]; labelPrefix: string };
  /** the free-text note (NoteField): offered with reasons, or on its own */
  note?: boolean;
  fields?: DialogField[];
  /** inputs the caller keeps the state of (above the note) */
  children?: ReactNode;
  /** false while the caller's own inputs are not valid */
  canConfirm?: boolean;
  confirmLabel: string;
  color?: 'primary' | 'secondary' | 'error' | 'warning' | 'success' | 'info' | 'inherit';
  maxWidth?: 'xs' | 'sm' | 'md';
  onClose: () => void;
  /** a rejection keeps the dialog open and shows the refusal */
  onConfirm: (values: ActionValues) => Promise<void>;
}

/** A coded reason is required; "other" needs a note too. Notes are at most 500 characters. */
export function reasonValid(code: string, note: string): boolean {
  if (!code) return false;
  if (note.length > 500) return false;
  if (code === 'other' && note.trim().length === 0) return false;
  return true;
}

export const ActionDialog = ({
  open,
  title,
  content,
  reasons,
  note: withNote = !!reasons,
  fields = [],
  children,
  canConfirm = true,
  confirmLabel,
  color = 'primary',
  maxWidth = 'sm',
  onClose,
  onConfirm,
}: ActionDialogProps) => {
  const translate = useTranslate();
  const refusal = useRefusal();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fieldsValid = fields.every((f) => {
    const v = (values[f.name] ?? '').trim();
    if (f.required && !v) return false;
    return !v || !f.pattern || f.pattern.test(v);
  });
  const valid = canConfirm && fieldsValid && (reasons ? reasonValid(code, note) : note.length <= 500);

  // Every opening starts empty; what was typed stays while the dialog is open (after a refusal too).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setCode('');
      setNote('');
      setValues({});
      setError(null);
    }
  }
  const close = () => {
    if (!busy) onClose();
  };
  const confirm = async () => {
    // a dialog on its way out (its record may already have moved on) confirms nothing
    if (!open || busy) return;
    setBusy(true);
    setError(null);
    try {
      const trimmed = Object.fromEntries(fields.map((f) => [f.name, (values[f.name] ?? '').trim()]));
      await onConfirm({ ...trimmed, reasonCode: code, note: note.trim() });
    } catch (e) {
      setError(refusal(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} onClick={(e) => e.stopPropagation()} fullWidth maxWidth={maxWidth}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {typeof content === 'string' ? <DialogContentText sx={{ mb: 1 }}>{content}</DialogContentText> : content}
        {reasons ? (
          <TextField
            select
            required
            fullWidth
            margin="normal"
            label={translate('common.dialog.reason')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          >
            {reasons.codes.map((r) => (
              <MenuItem key={r} value={r}>
                {translate(`${reasons.labelPrefix}.${r}`)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {children ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
          </Stack>
        ) : null}
        {withNote ? <NoteField value={note} onChange={setNote} helperKey={code === 'other' ? 'common.dialog.note_required' : undefined} /> : null}
        {fields.map((f, i) => (
          <TextField
            key={f.name}
            name={f.name}
            autoFocus={i === 0}
            required={f.required}
            fullWidth
            multiline={f.multiline}
            minRows={f.multiline ? 2 : undefined}
            margin="normal"
            label={f.label}
            helperText={f.helperText}
            value={values[f.name] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        ))}
        {error ? (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        ) : null}
        {busy ? <LinearProgress sx={{ mt: 2 }} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color={color} disabled={busy || !valid || !open} onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
