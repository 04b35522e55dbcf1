import { useState } from 'react';
import { TextField } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { Button, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { Staff } from '../providers/types';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';

/** Sets a new password for a staff login through the admin-users edge function. */
export const ResetPasswordButton = () => {
  const record = useRecordContext<Staff>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  if (!record) return null;
  const tooShort = password.length > 0 && password.length < 8;

  return (
    <>
      <Button label="staff.actions.reset_password" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('staff.dialog.reset_title', { name: record.display_name })}
        content={translate('staff.password_help')}
        canConfirm={password.length >= 8}
        confirmLabel={translate('staff.actions.reset_password')}
        maxWidth="xs"
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          try {
            await dataProvider.resetStaffPassword(record.id, password);
          } catch (e) {
            notifyRefusal(e);
            return;
          }
          notify('staff.notify.password_reset', { type: 'success' });
          setOpen(false);
          setPassword('');
        }}
      >
        <TextField
          autoFocus
          fullWidth
          type="password"
          autoComplete="new-password"
          label={translate('staff.dialog.new_password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={tooShort}
          helperText={tooShort ? translate('validation.password_min') : ' '}
        />
      </ActionDialog>
    </>
  );
};
