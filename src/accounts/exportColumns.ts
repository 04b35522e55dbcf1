// What an accounts export holds: each account's balances as the ledger keeps them.
import { codeColumn, type ExportColumn } from '../common/export';

export const accountExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.ledger.fields.${k}`);
  return [
    codeColumn('owner_type', f('owner_type'), 'payments.payer_type', t),
    { source: 'owner_name', label: f('owner_name') },
    { source: 'balance_fen', label: f('balance_fen'), kind: 'money' },
    { source: 'available_fen', label: f('available_fen'), kind: 'money' },
    { source: 'frozen_fen', label: f('frozen_fen'), kind: 'money' },
    { source: 'locked_fen', label: f('locked_fen'), kind: 'money' },
    { source: 'deposit_fen', label: f('deposit_fen'), kind: 'money' },
    { source: 'receivable_fen', label: f('receivable_fen'), kind: 'money' },
    { source: 'cash_fen', label: f('cash_fen'), kind: 'money' },
    { source: 'updated_at', label: f('updated_at'), kind: 'datetime' },
  ];
};
