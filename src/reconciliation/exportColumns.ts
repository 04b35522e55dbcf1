// What the reconciliation exports hold: imported statements, and every compared line.
import { codeColumn, type ExportColumn } from '../common/export';

export const statementExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.statements.fields.${k}`);
  return [
    codeColumn('channel', f('channel'), 'payments.channel', t),
    { source: 'statement_ref', label: f('statement_ref') },
    { source: 'period_from', label: f('period_from'), kind: 'date' },
    { source: 'period_to', label: f('period_to'), kind: 'date' },
    { source: 'line_count', label: f('line_count'), kind: 'number' },
    { source: 'line_total_fen', label: f('line_total_fen'), kind: 'money' },
    { source: 'matched_count', label: f('matched_count'), kind: 'number' },
    { source: 'mismatch_count', label: f('mismatch_count'), kind: 'number' },
    { source: 'missing_count', label: f('missing_count'), kind: 'number' },
    { source: 'extra_count', label: f('extra_count'), kind: 'number' },
    { source: 'imported_at', label: f('imported_at'), kind: 'datetime' },
  ];
};

export const reconciliationExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.reconciliation.fields.${k}`);
  return [
    codeColumn('result', f('result'), 'reconciliation.result', t),
    codeColumn('channel', f('channel'), 'payments.channel', t),
    { source: 'channel_txn_id', label: f('channel_txn_id') },
    { source: 'statement_ref', label: f('statement_ref') },
    { source: 'payment_no', label: f('payment_no') },
    codeColumn('payment_kind', f('payment_kind'), 'payments.kind', t),
    codeColumn('payment_status', f('payment_status'), 'payments.status', t),
    { source: 'payment_amount_fen', label: f('payment_amount_fen'), kind: 'money' },
    { source: 'statement_amount_fen', label: f('statement_amount_fen'), kind: 'money' },
    { source: 'diff_fen', label: f('diff_fen'), kind: 'money' },
    { source: 'occurred_at', label: f('occurred_at'), kind: 'datetime' },
  ];
};
