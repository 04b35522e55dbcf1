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
