import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';
import { refund } from './api';

/** succeeded → refunded, with a confirmation and a reason (payment_refund). */
export const RefundButton = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'payments', action: 'create' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || record.status !== 'succeeded') return null;
  return (
    <>
      <Button label="payments.refund.action" color="error" onClick={() => setOpen(true)}>
        <UndoIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('payments.refund.title', { no: record.payment_no })}
        content={translate('payments.refund.content', { amount: formatFen(record.amount_fen) })}
        fields={[{ name: 'reason', label: translate('payments.refund.reason'), required: true, multiline: true }]}
        confirmLabel={translate('payments.refund.action')}
        color="error"
        onClose={() => setOpen(false)}
        onConfirm={async ({ reason }) => {
          try {
            await refund(dataProvider, String(record.id), reason);
            notify('payments.refund.done', { type: 'success' });
            setOpen(false);
            refresh();
          } catch (e) {
            refusal(e);
          }
        }}
      />
    </>
  );
};
