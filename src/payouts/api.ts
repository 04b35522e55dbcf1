// The payout batch calls: the bank file's rows (full account numbers, audited) and the bank's
// result import. Making a batch is on the withdrawals list (src/withdrawals/api.ts).
import type { Json } from '../types/database';
import { objectOf, type RpcClient } from '../providers/rpc';
import type { BankFileRow } from './bankFile';
import type { ResultRow } from './resultFile';

/** One line of an import, as payout_batch_import answers it. */
export interface ImportOutcome {
  line: number;
  withdrawal_no: string | null;
  row_no: number | null;
  outcome: 'applied' | 'unchanged' | 'error';
  result?: 'paid' | 'failed';
  code?: string;
}
export interface ImportResult {
  applied: number;
  errors: number;
  rows: ImportOutcome[];
}

export const batchFile = async (dp: RpcClient, batchId: string): Promise<BankFileRow[]> =>
  (await dp.rpc('payout_batch_file', { p_batch_id: batchId })) as BankFileRow[];

export const importResult = async (dp: RpcClient, batchId: string, rows: ResultRow[], fileName: string): Promise<ImportResult> =>
  objectOf<ImportResult>(await dp.rpc('payout_batch_import', { p_batch_id: batchId, p_rows: rows as unknown as Json, p_file_name: fileName }));
