// Reason codes in words. The database keeps a reason as `code` or `code: note` (audit rows,
// status reasons, history rows); this is every code it can hold — the ones the panel's
// reason lists offer and the ones SQL writes itself (timers, seeds) — in both languages.
// tests/unit/codes-in-words.test.ts fails when either side has a code missing here. A feature
// may word a code its own way (resources.<resource>.reasons.<code>); these are the fallback
// that every screen, the audit log included, can use.
type Words = { zh: string; en: string };

export const REASON_WORDS = {
  other: { zh: '其他', en: 'Other' },
  duplicate: { zh: '重复提交', en: 'Duplicate' },
  fraud: { zh: '涉嫌欺诈', en: 'Suspected fraud' },
  false_info: { zh: '信息不实', en: 'False information' },
  complaint: { zh: '用户投诉', en: 'Customer complaint' },
  complaints: { zh: '投诉过多', en: 'Too many complaints' },
  prohibited: { zh: '违禁内容', en: 'Prohibited content' },
  price_abnormal: { zh: '价格异常', en: 'Abnormal price' },
  merchant_request: { zh: '商户申请', en: 'Merchant request' },
  staff_decision: { zh: '平台决定', en: 'Platform decision' },
  // merchant applications
  licence_invalid: { zh: '营业执照无效', en: 'Licence invalid' },
  licence_mismatch: { zh: '执照信息与申请不一致', en: 'Licence does not match the application' },
  documents_unclear: { zh: '材料不清晰', en: 'Documents unclear' },
  documents_missing: { zh: '材料缺失', en: 'Documents missing' },
  address_unverified: { zh: '地址无法核实', en: 'Address could not be verified' },
  business_scope: { zh: '经营范围不符', en: 'Business scope does not fit' },
  need_more_info: { zh: '需补充材料', en: 'More information needed' },
  // listings
  photos_unclear: { zh: '照片不清晰', en: 'Photos unclear' },
  rental_started: { zh: '租车开始', en: 'Rental started' },
  rental_returned: { zh: '租车已还车', en: 'Rental returned' },
  // merchants
  fee_dispute: { zh: '费用纠纷', en: 'Fee dispute' },
  licence_expired: { zh: '执照过期', en: 'Licence expired' },
  rectified: { zh: '已整改', en: 'Rectified' },
  appeal_upheld: { zh: '申诉成立', en: 'Appeal upheld' },
  owner_request: { zh: '商户主动申请', en: "Owner's request" },
  closed: { zh: '清退完成', en: 'Closing completed' },
  fee_expired: { zh: '年费到期', en: 'Annual fee expired' },
  grace_expired: { zh: '宽限期已过', en: 'Grace period over' },
  fee_paid: { zh: '已缴年费', en: 'Annual fee paid' },
  // platform fee prices
  price_review: { zh: '年度调价', en: 'Price review' },
  promotion_offer: { zh: '优惠活动', en: 'Promotional offer' },
  price_correction: { zh: '价格更正', en: 'Price correction' },
  new_category: { zh: '新类目定价', en: 'New category pricing' },
  // notification templates
  template_wording: { zh: '调整措辞', en: 'Wording' },
  template_compliance: { zh: '合规要求', en: 'Compliance' },
  provider_template: { zh: '服务商模板变更', en: 'Provider template changed' },
  penalty_threshold: { zh: '降权累计达到暂停线', en: 'Penalties reached the suspension line' },
  // promotions
  listing_issue: { zh: '车源问题', en: 'Listing issue' },
  expired: { zh: '推广到期', en: 'Ran its term' },
  merchant_suspended: { zh: '商户已暂停', en: 'Merchant suspended' },
  // members
  abuse: { zh: '恶意行为', en: 'Abuse' },
  fake_reservation: { zh: '虚假预约', en: 'Fake reservations' },
  spam: { zh: '垃圾信息', en: 'Spam' },
  // hiding a member's review of a merchant
  fake: { zh: '虚假评价（刷单）', en: 'Fake review' },
  abusive: { zh: '辱骂或人身攻击', en: 'Abusive' },
  irrelevant: { zh: '与商户无关', en: 'Irrelevant' },
  appeal_accepted: { zh: '申诉通过', en: 'Appeal accepted' },
  mistake: { zh: '误操作', en: 'Mistake' },
  // reservations and trades
  member_dispute: { zh: '会员争议', en: 'Member dispute' },
  merchant_error: { zh: '商户操作错误', en: 'Merchant error' },
  merchant_no_answer: { zh: '商户未及时确认', en: 'Merchant did not confirm in time' },
  car_unavailable: { zh: '车辆不可用', en: 'Car unavailable' },
  changed_mind: { zh: '客户改变主意', en: 'Customer changed their mind' },
  deal_cancelled: { zh: '交易撤销', en: 'Deal cancelled' },
  verified: { zh: '已核实', en: 'Verified' },
  auto_closed: { zh: '争议期满自动确认', en: 'Confirmed automatically after the dispute window' },
  deal_closed: { zh: '成交已核实', en: 'Deal verified' },
  customer_refund: { zh: '客户退款', en: 'Customer refund' },
  customer_request: { zh: '客户申请', en: 'Customer request' },
  vehicle_mismatch: { zh: '车况与描述不符', en: 'Vehicle not as described' },
  merchant_breach: { zh: '商户违约', en: 'Merchant breach' },
  complaint_upheld: { zh: '投诉成立', en: 'Complaint upheld' },
  complaint_partly_upheld: { zh: '投诉部分成立', en: 'Complaint partly upheld' },
  complaint_not_upheld: { zh: '投诉不成立', en: 'Complaint not upheld' },
  duplicate_payment: { zh: '重复支付', en: 'Duplicate payment' },
  reservation_created: { zh: '预约创建', en: 'Reservation created' },
  reservation_confirmed: { zh: '预约确认', en: 'Reservation confirmed' },
  reservation_auto_expired: { zh: '预约超时失效', en: 'Reservation expired' },
  reservation_cancelled_by_customer: { zh: '客户取消预约', en: 'Reservation cancelled by the customer' },
  reservation_cancelled_by_merchant: { zh: '商户取消预约', en: 'Reservation cancelled by the merchant' },
  reservation_no_show: { zh: '客户未到店', en: 'Customer did not show' },
  reservation_visited: { zh: '客户已到店', en: 'Customer visited' },
  reservation_no_deal: { zh: '到店未成交', en: 'Visited, no deal' },
  reservation_deal_pending: { zh: '成交待核实', en: 'Deal awaiting verification' },
  reservation_deal_closed: { zh: '成交已核实', en: 'Deal verified' },
  reservation_in_use: { zh: '用车中', en: 'Rental in use' },
  reservation_returned: { zh: '已还车', en: 'Rental returned' },
  reservation_settled: { zh: '预约已结清', en: 'Reservation settled' },
  reservation_voided: { zh: '预约作废', en: 'Reservation voided' },
  // complaints
  assigned: { zh: '已分派', en: 'Assigned' },
  no_evidence: { zh: '证据不足', en: 'Not enough evidence' },
  not_merchant_fault: { zh: '非商户责任', en: "Not the merchant's fault" },
  out_of_scope: { zh: '不属于平台受理范围', en: 'Outside what the platform handles' },
  member_request: { zh: '会员申请', en: "Member's request" },
  new_evidence: { zh: '有新证据', en: 'New evidence' },
  merchant_no_response: { zh: '商户逾期未回复', en: 'Merchant did not reply in time' },
  upheld: { zh: '投诉成立', en: 'Upheld' },
  partly_upheld: { zh: '部分成立', en: 'Partly upheld' },
  not_upheld: { zh: '投诉不成立', en: 'Not upheld' },
  // promotion rights and binding disputes
  offline_payment: { zh: '线下缴费已核实', en: 'Offline payment verified' },
  campaign_grant: { zh: '平台活动开通', en: 'Granted in a platform campaign' },
  fake_traffic: { zh: '刷单或虚假推广', en: 'Fake or inflated promotion' },
  rule_violation: { zh: '违反分销规则', en: 'Broke the distribution rules' },
  wrong_distributor: { zh: '绑定了错误的分销员', en: 'Bound to the wrong distributor' },
  distributor_left: { zh: '分销员已退出', en: 'The distributor has left' },
  // withdrawals
  info_mismatch: { zh: '收款信息不符', en: 'Payee details do not match' },
} as const satisfies Record<string, Words>;

export type ReasonCode = keyof typeof REASON_WORDS;

const CODED = /^([a-z][a-z0-9_]*)(?::\s*([\s\S]*))?$/;

/**
 * `code`, `code: note` or free text, in words: the code's words (the resource's own if it has
 * them), then the note. `other: note` is just the note. Text that does not start with a known
 * code stays as it is.
 */
export function reasonText(
  value: string | null | undefined,
  translate: (key: string, opts?: object) => string,
  resource?: string,
): string {
  if (!value) return '';
  const m = value.trim().match(CODED);
  if (!m) return value;
  const [, code, note] = m;
  const words = codeWords(code, translate, resource);
  if (words === null) return value;
  if (!note) return words;
  if (code === 'other') return note;
  return translate('reasons.with_note', { reason: words, note });
}

/**
 * A bare reason code in words, or null when it is not one. `resource` names the feature whose
 * own words come first (`resources.<resource>.reasons`), or is the key prefix itself.
 */
export function codeWords(code: string, translate: (key: string, opts?: object) => string, resource?: string): string | null {
  const prefix = resource?.includes('.') ? resource : resource ? `resources.${resource}.reasons` : '';
  const own = prefix ? translate(`${prefix}.${code}`, { _: '' }) : '';
  if (own) return own;
  const common = translate(`reasons.${code}`, { _: '' });
  return common || null;
}

export const reasonMessages = (lang: keyof Words) => ({
  ...Object.fromEntries(Object.entries(REASON_WORDS).map(([k, w]) => [k, (w as Words)[lang]])),
  with_note: lang === 'zh' ? '%{reason}：%{note}' : '%{reason}: %{note}',
});

/** A history row's reason code and note as one text: "照片不清晰：请补拍左前方". */
export function codeAndNote(
  code: string | null | undefined,
  note: string | null | undefined,
  translate: (key: string, opts?: object) => string,
  resource?: string,
): string {
  const words = code ? (codeWords(code, translate, resource) ?? code) : '';
  if (!words) return note ?? '';
  // some rows keep the whole `code: note` as their note
  if (code && note?.startsWith(`${code}:`)) note = note.slice(code.length + 1).trim();
  if (!note || note === code) return words;
  if (code === 'other') return note;
  return translate('reasons.with_note', { reason: words, note });
}
