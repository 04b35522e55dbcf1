import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { refund } from './api';
import { ActionDialog } from '../common/ActionDialog';

/** Why a trade is refunded (trade_history.reason_code); labels under resources.trades.refund_reasons. */
export const TRADE_REFUND_REASONS = [
  'customer_request',
  'vehicle_mismatch',
  'merchant_breach',
  'complaint_upheld',
  'duplicate_payment',
  'other',
] as const;

interface Trade {
  id: string;
  status: string;
  amount_fen: number | string;
  listing_title: string | null;
  member_nickname: string | null;
}

/**
 * closed → refunded (trade_refund) for admin, finance and customer service, with a coded reason
 * and a note. The database's triggers reverse the money: fee and merchant proceeds, and the
 * commission (cancelled while frozen, clawed back once released).
 */
export const RefundButton = () => {
  const record = useRecordContext<Trade>();
  const { canAccess } = useCanAccess({ resource: 'trades', action: 'refund' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || record.status !== 'closed') return null;
  return (
    <>
      <Button label="resources.trades.refund.action" color="error" onClick={() => setOpen(true)}>
        <UndoIcon />
      </Button>
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
          await refund(dataProvider, record.id, code, note);
          setOpen(false);
          notify('resources.trades.refund.done', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
};
