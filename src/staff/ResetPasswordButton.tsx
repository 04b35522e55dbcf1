import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { Button, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { Staff } from '../providers/types';

/** Sets a new password for a staff login through the admin-users edge function. */
export const ResetPasswordButton = () => {
  const record = useRecordContext<Staff>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const submit = async () => {
    setBusy(true);
    try {
      await dataProvider.resetStaffPassword(record.id, password);
      notify('staff.notify.password_reset', { type: 'success' });
      setOpen(false);
      setPassword('');
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="staff.actions.reset_password" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('staff.dialog.reset_title', { name: record.display_name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('staff.password_help')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            margin="normal"
            type="password"
            autoComplete="new-password"
            label={translate('staff.dialog.new_password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={password.length > 0 && password.length < 8}
            helperText={password.length > 0 && password.length < 8 ? translate('validation.password_min') : ' '}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy || password.length < 8} onClick={submit}>
            {translate('staff.actions.reset_password')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
