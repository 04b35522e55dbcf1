// The payee account calls the screens make.
import type { RpcClient } from '../providers/rpc';

/** Verified: withdrawals to this account may be applied for. */
export const verify = (dp: RpcClient, id: string) => dp.rpc('bank_account_verify', { p_id: id, p_verified: true });

/** Rejected with a reason: the account leaves the queue until the owner adds it again. */
export const reject = (dp: RpcClient, id: string, reason: string) =>
  dp.rpc('bank_account_verify', { p_id: id, p_verified: false, p_reason: reason });
