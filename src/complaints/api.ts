// The complaint calls the screens make, one per step of the complaint workflow.
import type { Enums } from '../types/database';
import { rowsOf, type RpcClient, type RpcResult } from '../providers/rpc';
import type { BulkRow } from '../common/bulk';

export type ComplaintCategory = Enums<'complaint_category'>;
export type ComplaintSeverity = Enums<'complaint_severity'>;
export type ComplaintOutcome = Enums<'complaint_outcome'>;

/** Active customer service staff and admins (names and roles only). */
export type Assignee = RpcResult<'complaint_assignees'>[number];

/** To the signed-in staff member without an assignee, else to that colleague. */
export const assign = (dp: RpcClient, id: string, assignee?: string) => dp.rpc('complaint_assign', { p_id: id, p_assignee: assignee });
export const accept = (dp: RpcClient, id: string, category: ComplaintCategory, severity: ComplaintSeverity, note: string) =>
  dp.rpc('complaint_accept', { p_id: id, p_category: category, p_severity: severity, p_note: note || undefined });
export const dismiss = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('complaint_dismiss', { p_id: id, p_reason_code: reasonCode, p_note: note });
/** The merchant has `hours` to reply. */
export const requestMerchant = (dp: RpcClient, id: string, hours: number, note: string) =>
  dp.rpc('complaint_request_merchant', { p_id: id, p_hours: hours, p_note: note || undefined });
export const merchantReplied = (dp: RpcClient, id: string, body: string) => dp.rpc('complaint_merchant_replied', { p_id: id, p_body: body });
export const escalate = (dp: RpcClient, id: string, note: string) => dp.rpc('complaint_escalate', { p_id: id, p_note: note || undefined });

export interface Resolution {
  outcome: ComplaintOutcome;
  remedy: string;
  note: string;
  /** a penalty (降权) for the merchant: ranking points and how many days it lasts */
  penalty?: { size: number; days: number };
}
export const resolve = (dp: RpcClient, id: string, r: Resolution) =>
  dp.rpc('complaint_resolve', {
    p_id: id,
    p_outcome: r.outcome,
    p_remedy: r.remedy,
    p_note: r.note || undefined,
    p_penalty_size: r.penalty?.size,
    p_penalty_days: r.penalty?.days,
  });
export const close = (dp: RpcClient, id: string, note: string) => dp.rpc('complaint_close', { p_id: id, p_note: note || undefined });
export const reopen = (dp: RpcClient, id: string, reasonCode: string, note: string) =>
  dp.rpc('complaint_reopen', { p_id: id, p_reason_code: reasonCode, p_note: note });
export const withdraw = (dp: RpcClient, id: string, note: string) => dp.rpc('complaint_withdraw', { p_id: id, p_note: note });

/** A note only staff see. */
export const addInternalNote = (dp: RpcClient, id: string, body: string) =>
  dp.rpc('complaint_add_message', { p_id: id, p_kind: 'internal_note', p_body: body });
/** A reply to the member or to the merchant. */
export const reply = (dp: RpcClient, id: string, audience: 'member' | 'merchant', body: string) =>
  dp.rpc('complaint_reply', { p_id: id, p_audience: audience, p_body: body });

export const assignees = async (dp: RpcClient): Promise<Assignee[]> => dp.rpc('complaint_assignees');

/** A complaint customer service takes by phone for a member (complaint_submit records the agent and source 'phone'). */
export interface PhoneComplaint {
  memberId: string;
  merchantId: string;
  reservationId?: string;
  category: ComplaintCategory;
  title: string;
  content: string;
}
export const submitByPhone = (dp: RpcClient, c: PhoneComplaint) =>
  dp.rpc('complaint_submit', {
    p_member_id: c.memberId,
    p_merchant_id: c.merchantId,
    p_reservation_id: c.reservationId,
    p_category: c.category,
    p_title: c.title,
    p_content: c.content,
  });
/** Files stored under complaints/<id>/ go with an internal note that lists them. */
export const attachFiles = (dp: RpcClient, id: string, note: string, paths: string[]) =>
  dp.rpc('complaint_add_message', { p_id: id, p_kind: 'internal_note', p_body: note, p_attachments: paths });

/** Assign the selected complaints to one colleague, each on its own: the answer says per id. */
export const assignBulk = async (dp: RpcClient, ids: string[], assignee: string): Promise<BulkRow[]> =>
  rowsOf<BulkRow>(await dp.rpc('complaint_assign_bulk', { p_ids: ids, p_assignee: assignee }));
