// The withdrawal calls as the screens make them (one RPC each, docs/DOMAIN.md's machine).
import { objectOf, type RpcClient, type RpcResult } from '../providers/rpc';
import { fileExt, uploadObject } from '../common/storageUpload';

export interface WithdrawalRow {
  id: string;
  withdrawal_no: string;
  state: string;
  awaiting_second_approval?: boolean;
}

/** One day of the withdrawal report (the total row has no day). */
export type ReportRow = RpcResult<'withdrawal_report'>[number];

export const claim = (dp: RpcClient, id: string) => dp.rpc('withdrawal_claim', { p_id: id });
export const approve = (dp: RpcClient, id: string, note?: string) => dp.rpc('withdrawal_approve', { p_id: id, p_note: note || undefined });
export const approveSecond = (dp: RpcClient, id: string, note?: string) =>
  dp.rpc('withdrawal_approve_second', { p_id: id, p_note: note || undefined });
// The screen asks for a free-text reason: reason code 'other' with it as the note (what the
// function stores as the rejection reason for a missing code too: "other: …").
export const reject = (dp: RpcClient, id: string, reason: string) =>
  dp.rpc('withdrawal_reject', { p_id: id, p_reason_code: 'other', p_note: reason });
export const startPayout = (dp: RpcClient, id: string) => dp.rpc('withdrawal_start_payout', { p_id: id, p_channel: 'bank_transfer' });
export const markPaid = (dp: RpcClient, id: string, reference: string) =>
  dp.rpc('withdrawal_mark_paid', { p_id: id, p_channel_txn_id: reference });
export const markFailed = (dp: RpcClient, id: string, reason: string) => dp.rpc('withdrawal_mark_failed', { p_id: id, p_reason: reason });
export const returnFunds = (dp: RpcClient, id: string, reason: string) =>
  dp.rpc('withdrawal_return_funds', { p_id: id, p_reason: reason });
/** The full account number of a payee (audited). */
export const revealBankAccount = (dp: RpcClient, bankAccountId: string) => dp.rpc('bank_account_reveal', { p_id: bankAccountId });
/** Per Beijing day from..to (YYYY-MM-DD), with a total row. */
export const report = (dp: RpcClient, from: string, to: string): Promise<ReportRow[]> =>
  dp.rpc('withdrawal_report', { p_from: from, p_to: to });

/**
 * Batch approve, one request at a time: an applied request is claimed first, then approved.
 * Returns one outcome per row; a refusal of one row does not stop the others.
 */
export async function approveMany(
  dp: RpcClient,
  rows: WithdrawalRow[],
  onProgress?: (done: number) => void,
): Promise<Array<{ row: WithdrawalRow; ok: boolean; error?: unknown }>> {
  const out: Array<{ row: WithdrawalRow; ok: boolean; error?: unknown }> = [];
  for (const row of rows) {
    try {
      if (row.state === 'applied') await claim(dp, row.id);
      await approve(dp, row.id);
      out.push({ row, ok: true });
    } catch (error) {
      out.push({ row, ok: false, error });
    }
    onProgress?.(out.length);
  }
  return out;
}

/** Payout reference: what the bank or channel calls the transfer. */
export const REFERENCE = /^[A-Za-z0-9_-]{4,64}$/;

/** What payout_batch_create answers: the batch, and the withdrawals it left out with why. */
export interface BatchMade {
  id: string;
  batch_no: string;
  item_count: number;
  total_fen: number;
  skipped: Array<{ id: string; withdrawal_no: string; code: string }>;
}
/** A payout batch of these approved withdrawals (null: every approved one in my regions). */
export const makeBatch = async (dp: RpcClient, ids: string[] | null): Promise<BatchMade> =>
  objectOf<BatchMade>(await dp.rpc('payout_batch_create', ids ? { p_withdrawal_ids: ids } : {}));

export const PROOF_BUCKET = 'payout-proofs';
/**
 * Uploads a manual payout's proof to payout-proofs/withdrawals/<id>/ and returns the reference
 * withdrawal_manual_paid keeps.
 */
export async function uploadProof(id: string, file: File): Promise<string> {
  return `${PROOF_BUCKET}/${await uploadObject(PROOF_BUCKET, `withdrawals/${id}/proof-${Date.now()}.${fileExt(file)}`, file)}`;
}
export const manualPaid = (dp: RpcClient, id: string, proof: string, reference: string) =>
  dp.rpc('withdrawal_manual_paid', { p_id: id, p_proof_url: proof, p_reference: reference });
export const RECON_STATUSES = ['unreconciled', 'matched', 'mismatch'] as const;
export type ReconStatus = (typeof RECON_STATUSES)[number];
export const setRecon = (dp: RpcClient, id: string, status: ReconStatus, reason: string) =>
  dp.rpc('withdrawal_set_recon', { p_id: id, p_status: status, p_note: reason });
