// Which parameters the page shows, in which group, with which unit. Labels are
// settings.fields.<key>; the order is the reading order of each group.
import type { Unit } from './units';

export const CORE_FIELDS: Array<{ key: string; unit: Unit }> = [
  { key: 'reservation_confirm_hours', unit: 'hours' },
  { key: 'deal_auto_close_days', unit: 'days' },
  { key: 'binding_days', unit: 'days' },
  { key: 'complaint_first_response_hours', unit: 'hours' },
  { key: 'complaint_merchant_reply_hours', unit: 'hours' },
  { key: 'complaint_resolution_days', unit: 'days' },
  { key: 'complaint_auto_close_days', unit: 'days' },
  { key: 'penalty_suspend_threshold', unit: 'count' },
  { key: 'merchant_grace_days', unit: 'days' },
  { key: 'promotion_slots_per_model', unit: 'count' },
  { key: 'price_cut_review_share', unit: 'share' },
  { key: 'review_half_life_days', unit: 'days' },
  { key: 'review_prior_weight', unit: 'count' },
];

export const MONEY_FIELDS: Array<{ key: string; unit: Unit }> = [
  { key: 'refund_window_days', unit: 'days' },
  { key: 'second_tier_rate', unit: 'rate' },
  { key: 'withdrawal_min_fen', unit: 'fen' },
  { key: 'withdrawal_fee_rate', unit: 'rate' },
  { key: 'withdrawal_fee_min_fen', unit: 'fen' },
  { key: 'withdrawal_second_approval_fen', unit: 'fen' },
];

export const CATEGORY_FIELDS: Array<{ key: string; unit: Unit }> = [
  { key: 'commission_rate', unit: 'rate' },
  { key: 'distributor_rate', unit: 'rate' },
  { key: 'deposit_required_fen', unit: 'fen' },
];
