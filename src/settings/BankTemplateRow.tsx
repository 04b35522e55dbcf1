// The bank whose batch-transfer layout payout files are made in (money_settings.payout_bank_template):
// a choice of the supported banks, changed with a reason like every other parameter.
import { useState } from 'react';
import { MenuItem, TableCell, TableRow, TextField } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { Button, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useQueryClient } from '@tanstack/react-query';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';
import * as api from './api';

export const BANK_TEMPLATES = ['icbc', 'cmb'] as const;

export const BankTemplateRow = ({ current, queryKey }: { current: string; queryKey: readonly unknown[] }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({ resource: 'settings', action: 'edit' });
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(current);
  const label = translate('settings.fields.payout_bank_template');
  return (
    <TableRow>
      <TableCell>{label}</TableCell>
      <TableCell data-testid="setting-payout_bank_template">{translate(`payouts.template.${current}`)}</TableCell>
      <TableCell align="right">
        {canAccess ? (
          <Button label="settings.edit" size="small" onClick={() => { setValue(current); setOpen(true); }}>
            <EditIcon />
          </Button>
        ) : null}
        {open ? (
          <ActionDialog
            open
            title={label}
            fields={[{ name: 'reason', label: translate('settings.reason'), required: true, multiline: true }]}
            canConfirm={value !== current}
            confirmLabel={translate('ra.action.save')}
            onClose={() => setOpen(false)}
            onConfirm={async ({ reason }) => {
              try {
                await api.updateMoney(dataProvider, { payout_bank_template: value }, reason);
                notify('settings.saved', { type: 'success' });
                setOpen(false);
                await queryClient.invalidateQueries({ queryKey });
                await queryClient.invalidateQueries({ queryKey: ['audit_log'] });
              } catch (e) {
                refusal(e);
              }
            }}
          >
            <TextField select fullWidth size="small" sx={{ mb: 1 }} label={label} value={value} onChange={(e) => setValue(e.target.value)}>
              {BANK_TEMPLATES.map((t) => (
                <MenuItem key={t} value={t}>{translate(`payouts.template.${t}`)}</MenuItem>
              ))}
            </TextField>
          </ActionDialog>
        ) : null}
      </TableCell>
    </TableRow>
  );
};
