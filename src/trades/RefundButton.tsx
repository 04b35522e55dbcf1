import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { refund } from './api';
import { ActionDialog } from '../common/ActionDialog';
import { FourEyesNote, onlyRequested, useFourEyesStage, type FourEyesRequest } from '../common/fourEyes';

/** Why a trade is refunded (trade_history.reason_code); labels under resources.trades.refund_reasons. */
export const TRADE_REFUND_REASONS = [
  'customer_request',
  'vehicle_mismatch',
  'merchant_breach',
  'complaint_upheld',
  'duplicate_payment',
  'other',
] as const;

/** "vehicle_mismatch: note" → "车况与描述不符：note" */
const codedReason = (text: string | null | undefined, translate: (key: string, opts?: object) => string) => {
  if (!text) return undefined;
  const [code, ...rest] = text.split(': ');
  const label = translate(`resources.trades.refund_reasons.${code}`, { _: code });
  return rest.length ? `${label}：${rest.join(': ')}` : label;
};

interface Trade extends FourEyesRequest {
  id: string;
  status: string;
  amount_fen: number | string;
  listing_title: string | null;
  member_nickname: string | null;
}

/**
 * closed → refunded (trade_refund) for admin, finance and customer service, with a coded reason
 * and a note. The database's triggers reverse the money: fee and merchant proceeds, and the
 * commission (cancelled while frozen, clawed back once released). At or above the
 * refund_approval threshold the first call only records the request and another person's
 * call refunds: the requester sees the pending note, a colleague a "confirm refund" button.
 */
export const RefundButton = () => {
  const record = useRecordContext<Trade>();
  const { canAccess } = useCanAccess({ resource: 'trades', action: 'refund' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const stage = useFourEyesStage(record);
  if (!record || !canAccess || record.status !== 'closed') return null;
  return (
    <>
      <FourEyesNote record={record} stage={stage} reason={codedReason(record.refund_request_reason, translate)} />
      {stage !== 'mine' && (
        <Button label={stage === 'other' ? 'resources.trades.refund.confirm_request' : 'resources.trades.refund.action'} color="error" onClick={() => setOpen(true)}>
          <UndoIcon />
        </Button>
      )}
      <ActionDialog
        open={open}
        title={translate('resources.trades.refund.title', { title: record.listing_title ?? '' })}
        content={translate('resources.trades.refund.content', {
          amount: formatFen(record.amount_fen),
          member: record.member_nickname ?? '—',
        })}
        reasons={{ codes: TRADE_REFUND_REASONS, labelPrefix: 'resources.trades.refund_reasons' }}
        confirmLabel={translate('resources.trades.refund.confirm')}
        color="error"
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode: code, note }) => {
          const after = await refund(dataProvider, record.id, code, note);
          setOpen(false);
          notify(onlyRequested(record, after) ? 'common.four_eyes.submitted' : 'resources.trades.refund.done', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
};
