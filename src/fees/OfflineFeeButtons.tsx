// Confirm (post) or reject a recorded offline fee. The recorder sees a note instead of the
// confirm button: a colleague must confirm (four eyes; offline_fee_confirm refuses anyway).
import { useState } from 'react';
import { Alert } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { Button, useCanAccess, useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { formatFen } from '../common/money';
import { confirmOfflineFee, rejectOfflineFee } from './api';

interface OfflineFee { id: string; status: string; bank_serial: string; amount_fen: number; recorded_by: string }

export const OfflineFeeButtons = () => {
  const record = useRecordContext<OfflineFee>();
  const { canAccess } = useCanAccess({ resource: 'offline_fee_payments', action: 'create' });
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [dialog, setDialog] = useState<'confirm' | 'reject' | null>(null);
  if (!record || !canAccess || record.status !== 'recorded') return null;
  const mine = identity?.id === record.recorded_by;
  return (
    <>
      {mine ? (
        <Alert severity="info" sx={{ py: 0 }}>{translate('fees.confirm.mine')}</Alert>
      ) : (
        <Button label="fees.confirm.action" variant="contained" onClick={() => setDialog('confirm')}>
          <CheckIcon />
        </Button>
      )}
      <Button label="fees.reject.action" color="error" onClick={() => setDialog('reject')}>
        <CloseIcon />
      </Button>
      <ActionDialog
        open={dialog === 'confirm'}
        title={translate('fees.confirm.title', { serial: record.bank_serial })}
        content={translate('fees.confirm.content', { amount: formatFen(record.amount_fen) })}
        confirmLabel={translate('fees.confirm.action')}
        onClose={() => setDialog(null)}
        onConfirm={async () => {
          await confirmOfflineFee(dataProvider, record.id);
          notify('fees.confirm.done', { type: 'success' });
          setDialog(null);
          refresh();
        }}
      />
      <ActionDialog
        open={dialog === 'reject'}
        title={translate('fees.reject.title', { serial: record.bank_serial })}
        fields={[{ name: 'reason', label: translate('fees.reject.reason'), required: true, multiline: true }]}
        confirmLabel={translate('fees.reject.action')}
        color="error"
        onClose={() => setDialog(null)}
        onConfirm={async ({ reason }) => {
          await rejectOfflineFee(dataProvider, record.id, reason);
          notify('fees.reject.done', { type: 'success' });
          setDialog(null);
          refresh();
        }}
      />
    </>
  );
};
