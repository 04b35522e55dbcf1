import { choicesOf } from '../common/choices';
export const RESERVATION_KINDS = ['rental', 'used_purchase', 'new_purchase'] as const;
export const RESERVATION_STATES = [
  'created', 'confirmed', 'auto_expired', 'cancelled_by_customer', 'cancelled_by_merchant', 'no_show', 'visited',
  'no_deal', 'deal_pending', 'deal_closed', 'in_use', 'returned', 'settled', 'voided',
] as const;
export const KIND_CHOICES = choicesOf(RESERVATION_KINDS, 'resources.reservations.kind');
export const STATE_CHOICES = choicesOf(RESERVATION_STATES, 'resources.reservations.state');
export const VOID_REASONS = ['fraud', 'duplicate', 'member_dispute', 'merchant_error', 'other'].map((id) => ({
  id,
  name: `resources.reservations.void_reasons.${id}`,
}));

type Color = 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error';
export const STATE_COLORS: Record<string, Color> = {
  created: 'warning',
  confirmed: 'info',
  visited: 'primary',
  deal_pending: 'secondary',
  deal_closed: 'success',
  in_use: 'info',
  returned: 'primary',
  settled: 'success',
  voided: 'error',
  auto_expired: 'default',
  cancelled_by_customer: 'default',
  cancelled_by_merchant: 'default',
  no_show: 'default',
  no_deal: 'default',
};
