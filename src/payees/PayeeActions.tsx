// Verify or reject one payee account. The person who entered it is offered neither (the
// database refuses them with four_eyes anyway) and is told why.
import { useState } from 'react';
import { Alert, Stack } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Button, useCanAccess, useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';
import { reject, verify } from './api';

export interface PayeeRecord {
  id: string;
  owner_name: string | null;
  holder_name: string;
  bank_name: string;
  account_no_masked: string;
  review_state: 'pending' | 'verified' | 'rejected';
  active: boolean;
  added_by: string | null;
}

const A = 'resources.bank_accounts.actions';

export const PayeeActions = () => {
  const record = useRecordContext<PayeeRecord>();
  const { canAccess } = useCanAccess({ resource: 'bank_accounts', action: 'review' });
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const refresh = useRefresh();
  const [open, setOpen] = useState<'verify' | 'reject' | null>(null);
  if (!record || !canAccess || !record.active || record.review_state !== 'pending') return null;
  if (identity?.id != null && record.added_by === identity.id) {
    return <Alert severity="info">{translate(`${A}.added_by_me`)}</Alert>;
  }
  const run = async (kind: 'verify' | 'reject', reason: string) => {
    try {
      await (kind === 'verify' ? verify(dataProvider, record.id) : reject(dataProvider, record.id, reason));
      notify(`${A}.${kind === 'verify' ? 'verified' : 'rejected'}`, { type: 'success' });
      setOpen(null);
      refresh();
    } catch (e) {
      refusal(e);
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      <Button label={`${A}.verify`} variant="contained" onClick={() => setOpen('verify')}>
        <CheckIcon />
      </Button>
      <Button label={`${A}.reject`} color="error" onClick={() => setOpen('reject')}>
        <CloseIcon />
      </Button>
      <ActionDialog
        open={open !== null}
        title={translate(`${A}.${open ?? 'verify'}`) + ' · ' + (record.owner_name ?? '')}
        content={translate(open === 'reject' ? `${A}.reject_content` : `${A}.verify_content`, {
          owner: record.owner_name ?? '',
          bank: record.bank_name,
          number: record.account_no_masked,
          holder: record.holder_name,
        })}
        fields={open === 'reject' ? [{ name: 'reason', label: translate(`${A}.reason`), required: true, multiline: true }] : []}
        confirmLabel={translate(`${A}.${open ?? 'verify'}`)}
        color={open === 'reject' ? 'error' : 'primary'}
        onClose={() => setOpen(null)}
        onConfirm={({ reason }) => run(open ?? 'verify', reason ?? '')}
      />
    </Stack>
  );
};
