// What a withdrawals export holds: request, payee (masked as on screen), review and payout.
import { codeColumn, type ExportColumn } from '../common/export';

export const withdrawalExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.withdrawals.fields.${k}`);
  return [
    { source: 'withdrawal_no', label: f('withdrawal_no') },
    { source: 'applied_at', label: f('applied_at'), kind: 'datetime' },
    codeColumn('owner_type', f('owner_type'), 'payments.payer_type', t),
    { source: 'owner_name', label: f('owner_name') },
    { source: 'city_name', label: f('city_name') },
    { source: 'amount_fen', label: f('amount_fen'), kind: 'money' },
    { source: 'fee_fen', label: f('fee_fen'), kind: 'money' },
    { source: 'net_fen', label: f('net_fen'), kind: 'money' },
    { source: 'payee_name', label: f('payee_name') },
    { source: 'payee_bank', label: f('payee_bank') },
    { source: 'payee_account_masked', label: f('payee_account_masked') },
    codeColumn('state', f('state'), 'withdrawals.state', t),
    { source: 'needs_second_approval', label: f('needs_second_approval'), kind: 'boolean' },
    { source: 'approved_at', label: f('approved_at'), kind: 'datetime' },
    { source: 'reject_reason', label: f('reject_reason') },
    { source: 'payout_attempts', label: f('payout_attempts'), kind: 'number' },
    { source: 'paid_at', label: f('paid_at'), kind: 'datetime' },
    { source: 'channel_txn_id', label: f('channel_txn_id') },
    { source: 'fail_reason', label: f('fail_reason') },
    codeColumn('recon_status', f('recon_status'), 'withdrawals.recon', t),
  ];
};
