// What a payments export holds: one row per payment, as finance reconciles it.
import { codeColumn, type ExportColumn } from '../common/export';

export const paymentExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.payments.fields.${k}`);
  return [
    { source: 'payment_no', label: f('payment_no') },
    { source: 'created_at', label: f('created_at'), kind: 'datetime' },
    { source: 'paid_at', label: f('paid_at'), kind: 'datetime' },
    codeColumn('payer_type', f('payer_type'), 'payments.payer_type', t),
    { source: 'payer_name', label: f('payer_name') },
    { source: 'payer_phone', label: f('payer_phone') },
    codeColumn('kind', f('kind'), 'payments.kind', t),
    codeColumn('plan', f('plan'), 'payments.plan', t),
    { source: 'amount_fen', label: f('amount_fen'), kind: 'money' },
    codeColumn('channel', f('channel'), 'payments.channel', t),
    { source: 'channel_txn_id', label: f('channel_txn_id') },
    codeColumn('status', f('status'), 'payments.status', t),
    { source: 'city_name', label: f('city_name') },
    { source: 'covers_from', label: f('covers_from'), kind: 'date' },
    { source: 'covers_to', label: f('covers_to'), kind: 'date' },
    { source: 'failed_at', label: f('failed_at'), kind: 'datetime' },
    { source: 'fail_reason', label: f('fail_reason') },
    { source: 'refunded_at', label: f('refunded_at'), kind: 'datetime' },
    { source: 'refund_reason', label: f('refund_reason') },
    { source: 'note', label: f('note') },
  ];
};
