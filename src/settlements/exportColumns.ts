// What the settlement exports hold: runs (one per period) and statements (one per account and period).
import { codeColumn, type ExportColumn } from '../common/export';

const F = 'resources.settlements.fields';

export const settlementRunExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`${F}.${k}`);
  return [
    { source: 'id', label: f('id'), kind: 'number' },
    { source: 'period_from', label: f('period_from'), kind: 'date' },
    { source: 'period_to', label: f('period_to'), kind: 'date' },
    { source: 'trade_count', label: f('trade_count'), kind: 'number' },
    { source: 'sales_fen', label: f('sales_fen'), kind: 'money' },
    { source: 'refunds_fen', label: f('refunds_fen'), kind: 'money' },
    { source: 'platform_fee_fen', label: f('platform_fee_fen'), kind: 'money' },
    { source: 'commission_fen', label: f('commission_fen'), kind: 'money' },
    { source: 'merchant_net_fen', label: f('merchant_net_fen'), kind: 'money' },
    { source: 'started_at', label: f('started_at'), kind: 'datetime' },
    { source: 'finished_at', label: f('finished_at'), kind: 'datetime' },
  ];
};

export const settlementStatementExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`${F}.${k}`);
  return [
    { source: 'run_id', label: f('id'), kind: 'number' },
    { source: 'period_from', label: f('period_from'), kind: 'date' },
    { source: 'period_to', label: f('period_to'), kind: 'date' },
    codeColumn('owner_type', f('owner_type'), 'payments.payer_type', t),
    { source: 'owner_name', label: f('owner_name') },
    { source: 'trade_count', label: f('trade_count'), kind: 'number' },
    { source: 'sales_fen', label: f('sales_fen'), kind: 'money' },
    { source: 'refunds_fen', label: f('refunds_fen'), kind: 'money' },
    { source: 'platform_fee_fen', label: f('platform_fee_fen'), kind: 'money' },
    { source: 'commission_fen', label: f('commission_fen'), kind: 'money' },
    { source: 'net_fen', label: f('net_fen'), kind: 'money' },
    { source: 'created_at', label: f('created_at'), kind: 'datetime' },
  ];
};
