// The reconciliation calls the screens make.
import { objectOf, type RpcClient } from '../providers/rpc';
import type { StatementRow } from './csv';

/** What one import did: lines read, lines filed, lines already filed by an earlier import. */
export interface ImportResult {
  rows: number;
  inserted: number;
  skipped: number;
}

/** Files a statement's lines (all or nothing); re-importing a statement adds nothing. */
export const importStatement = async (dp: RpcClient, rows: StatementRow[]): Promise<ImportResult> =>
  objectOf<ImportResult>(await dp.rpc('channel_statement_import', { p_rows: rows }));
