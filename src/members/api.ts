// The member calls the screens make.
import type { Enums } from '../types/database';
import type { RpcClient, RpcResult } from '../providers/rpc';

export type MemberLevel = Enums<'member_level'>;

/** Members above, nearest first by depth (rows of v_members). */
export type UplineMember = RpcResult<'member_upline_chain'>[number];

export const ban = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('member_ban', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
export const unban = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('member_unban', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
export const setLevel = (dp: RpcClient, id: string, level: MemberLevel, reason: string) =>
  dp.rpc('member_set_level', { p_id: id, p_level: level, p_reason: reason });
/** Adds (or with a negative delta takes) points. */
export const adjustPoints = (dp: RpcClient, id: string, delta: number, reason: string) =>
  dp.rpc('member_adjust_points', { p_id: id, p_delta: delta, p_reason: reason });

export const uplineChain = (dp: RpcClient, memberId: string): Promise<UplineMember[]> =>
  dp.rpc('member_upline_chain', { p_member: memberId });
/** How many members each level below the member holds (level 1 = direct referrals). */
export const downlineLevels = async (dp: RpcClient, memberId: string) =>
  dp.rpc('member_downline_levels', { p_member: memberId });

/** One personal detail in full, with a reason; the database audits every reveal. */
export const revealPii = (dp: RpcClient, id: string, field: 'phone' | 'id_number' | 'real_name', reason: string) =>
  dp.rpc('member_reveal_pii', { p_id: id, p_field: field, p_reason: reason });

/** Grant or revoke promotion rights with a coded reason (and an optional note); audited. */
export const setPromotionRights = (dp: RpcClient, id: string, enabled: boolean, reasonCode: string, note: string) =>
  dp.rpc('member_set_promotion_rights', { p_id: id, p_enabled: enabled, p_reason_code: reasonCode, p_reason: note || undefined });

/** What a binding dispute is judged on (binding_evidence: the caller's row-level security applies). */
export interface BindingEvidence {
  binding: { id: string; member_id: string; member_nickname: string; distributor_id: string; distributor_nickname: string;
    merchant_id: string; merchant_name: string; share_code: string; bound_at: string; expires_at: string; ended_at: string | null;
    end_reason: string | null; is_active: boolean };
  share: { code: string; channel: string; created_at: string; listing_title: string; distributor_nickname: string; click_count: number } | null;
  click: { clicked_at: string } | null;
  bindings: { id: string; distributor_nickname: string; bound_at: string; expires_at: string; ended_at: string | null; end_reason: string | null; created_by_name: string | null }[];
  clicks: { clicked_at: string; share_code: string; distributor_nickname: string }[];
  reservations: { id: string; created_at: string; state: string; price_fen: number; distributor_nickname: string | null; share_code: string | null }[];
  commissions: { id: number; trade_id: string; tier: number; beneficiary_nickname: string; amount_fen: number; status: string; created_at: string }[];
  candidate_shares: { id: string; code: string; distributor_nickname: string; listing_title: string; clicked_by_customer: boolean }[];
}
export const bindingEvidence = async (dp: RpcClient, id: string) =>
  (await dp.rpc('binding_evidence', { p_id: id })) as unknown as BindingEvidence;
/** End the binding: the customer's next reservations carry no distributor. */
export const unbind = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('binding_end', { p_id: id, p_reason_code: reasonCode, p_note: note || undefined });
/** End the binding and bind the customer through another distributor's share: future reservations only. */
export const rebind = (dp: RpcClient, id: string, shareId: string, reasonCode: string, note: string) =>
  dp.rpc('binding_rebind', { p_id: id, p_share_id: shareId, p_reason_code: reasonCode, p_note: note || undefined });
