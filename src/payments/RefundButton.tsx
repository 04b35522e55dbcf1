import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';
import { refund } from './api';
import { FourEyesNote, onlyRequested, useFourEyesStage, type FourEyesRequest } from '../common/fourEyes';

/**
 * succeeded → refunded, with a confirmation and a reason (payment_refund); at or above the
 * refund_approval threshold a second person confirms what the first requested (fourEyes.tsx).
 */
export const RefundButton = () => {
  const record = useRecordContext<FourEyesRequest & { id: string; status: string; payment_no: string; amount_fen: number }>();
  const { canAccess } = useCanAccess({ resource: 'payments', action: 'create' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const stage = useFourEyesStage(record);
  if (!record || !canAccess || record.status !== 'succeeded') return null;
  return (
    <>
      <FourEyesNote record={record} stage={stage} />
      {stage !== 'mine' && (
        <Button label={stage === 'other' ? 'payments.refund.confirm_request' : 'payments.refund.action'} color="error" onClick={() => setOpen(true)}>
          <UndoIcon />
        </Button>
      )}
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
            const after = await refund(dataProvider, String(record.id), reason);
            notify(onlyRequested(record, after) ? 'common.four_eyes.submitted' : 'payments.refund.done', { type: 'success' });
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
