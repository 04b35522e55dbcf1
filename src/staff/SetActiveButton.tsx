import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { Staff } from '../providers/types';

/** Activate or deactivate a staff account, after a confirmation that asks for a reason. */
export const SetActiveButton = () => {
  const record = useRecordContext<Staff>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const next = !record.active;
  const verb = next ? 'activate' : 'deactivate';

  const submit = async () => {
    setBusy(true);
    try {
      await dataProvider.setStaffActive(record.id, next, reason.trim());
      notify(next ? 'staff.notify.activated' : 'staff.notify.deactivated', { type: 'success' });
      setOpen(false);
      setReason('');
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={`staff.actions.${verb}`}
        color={next ? 'primary' : 'error'}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {next ? <CheckCircleIcon /> : <BlockIcon />}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="xs">
        <DialogTitle>{translate(`staff.dialog.${verb}_title`, { name: record.display_name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(`staff.dialog.${verb}_content`)}</DialogContentText>
          <TextField
            autoFocus
            required
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            label={translate('staff.dialog.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            color={next ? 'primary' : 'error'}
            disabled={busy || reason.trim().length === 0}
            onClick={submit}
          >
            {translate(`staff.actions.${verb}`)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
