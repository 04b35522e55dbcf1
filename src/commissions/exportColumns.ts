// What a commissions export holds: each commission with its trade, base, rate and state.
import { codeColumn, type ExportColumn } from '../common/export';

export const commissionExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.commissions.fields.${k}`);
  return [
    { source: 'id', label: f('id'), kind: 'number' },
    { source: 'created_at', label: f('created_at'), kind: 'datetime' },
    { source: 'beneficiary_name', label: f('beneficiary_name') },
    codeColumn('tier', f('tier'), 'commissions.tier', t),
    { source: 'is_clawback', label: f('is_clawback'), kind: 'boolean' },
    { source: 'merchant_name', label: f('merchant_name') },
    { source: 'trade_id', label: f('trade_id') },
    codeColumn('trade_kind', f('trade_kind'), 'resources.trades.kind', t),
    { source: 'trade_closed_at', label: f('trade_closed_at'), kind: 'datetime' },
    { source: 'base_amount_fen', label: f('base_amount_fen'), kind: 'money' },
    { source: 'rate', label: f('rate'), kind: 'percent' },
    { source: 'amount_fen', label: f('amount_fen'), kind: 'money' },
    codeColumn('status', f('status'), 'commissions.status', t),
    { source: 'unfreeze_at', label: f('unfreeze_at'), kind: 'datetime' },
    { source: 'released_at', label: f('released_at'), kind: 'datetime' },
    { source: 'cancelled_at', label: f('cancelled_at'), kind: 'datetime' },
    { source: 'clawed_back_at', label: f('clawed_back_at'), kind: 'datetime' },
  ];
};
