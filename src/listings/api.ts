// The listing calls the screens make.
import { rowsOf, type RpcClient } from '../providers/rpc';
import type { ImportPayload, RowError } from './csv';

/** A bulk call's answer per id: a refused id does not undo the others. */
export interface BulkRow {
  id: string;
  ok: boolean;
  error: string | null;
}

/** listing_import's verdict on one CSV row (1-based). */
export interface ImportedRow {
  row_no: number;
  ok: boolean;
  errors: RowError[];
}

export const approve = (dp: RpcClient, id: string) => dp.rpc('listing_approve', { p_id: id });
export const reject = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('listing_reject', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
/** Forced off the shelf (强制下架). */
export const delist = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('listing_force_off', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });

export const bulkApprove = async (dp: RpcClient, ids: string[]): Promise<BulkRow[]> =>
  rowsOf<BulkRow>(await dp.rpc('listing_bulk_approve', { p_ids: ids }));
export const bulkDelist = async (dp: RpcClient, ids: string[], reasonCode: string, note: string): Promise<BulkRow[]> =>
  rowsOf<BulkRow>(await dp.rpc('listing_bulk_delist', { p_ids: ids, p_reason_code: reasonCode, p_note: note || undefined }));

/**
 * All rows or none: every row is checked in SQL, nothing is written when one is refused. The
 * import is a job run (the jobs screen): started with its row count, ended with the rows written
 * or failed with the refusal.
 */
export const importRows = async (dp: RpcClient, payloads: ImportPayload[]): Promise<ImportedRow[]> => {
  const runId = await dp.rpc('job_start', { p_kind: 'import', p_params: { resource: 'listings', rows: payloads.length }, p_total: payloads.length });
  try {
    const rows = rowsOf<ImportedRow>(await dp.rpc('listing_import', { p_rows: payloads, p_dry_run: false }));
    const written = rows.every((r) => r.ok) ? rows.length : 0;
    if (written) await dp.rpc('job_finish', { p_id: runId, p_rows: written, p_result: { resource: 'listings' } });
    else await dp.rpc('job_fail', { p_id: runId, p_error: `invalid_input: ${rows.filter((r) => !r.ok).length} rows refused, nothing written` });
    return rows;
  } catch (e) {
    await dp.rpc('job_fail', { p_id: runId, p_error: `${(e as Error).message || 'failed'}` }).catch(() => undefined);
    throw e;
  }
};
