// The withdrawal transitions as the screens call them (one RPC each, docs/DOMAIN.md's machine).
import type { AppDataProvider } from '../providers/dataProvider';

export interface WithdrawalRow {
  id: string;
  withdrawal_no: string;
  state: string;
  awaiting_second_approval?: boolean;
}

type Rpc = Pick<AppDataProvider, 'rpc'>;

export const claim = (dp: Rpc, id: string) => dp.rpc('withdrawal_claim', { p_id: id });
export const approve = (dp: Rpc, id: string, note?: string) => dp.rpc('withdrawal_approve', { p_id: id, p_note: note || null });
export const approveSecond = (dp: Rpc, id: string, note?: string) =>
  dp.rpc('withdrawal_approve_second', { p_id: id, p_note: note || null });
export const reject = (dp: Rpc, id: string, reason: string) =>
  dp.rpc('withdrawal_reject', { p_id: id, p_reason_code: null, p_note: reason });
export const startPayout = (dp: Rpc, id: string) => dp.rpc('withdrawal_start_payout', { p_id: id, p_channel: 'bank_transfer' });
export const markPaid = (dp: Rpc, id: string, reference: string) =>
  dp.rpc('withdrawal_mark_paid', { p_id: id, p_channel_txn_id: reference });
export const markFailed = (dp: Rpc, id: string, reason: string) => dp.rpc('withdrawal_mark_failed', { p_id: id, p_reason: reason });
export const returnFunds = (dp: Rpc, id: string, reason: string) =>
  dp.rpc('withdrawal_return_funds', { p_id: id, p_reason: reason });

/**
 * Batch approve, one request at a time: an applied request is claimed first, then approved.
 * Returns one outcome per row; a refusal of one row does not stop the others.
 */
export async function approveMany(
  dp: Rpc,
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
