// Known audit actions and entities (CONVENTIONS.md: `<entity>.<verb>`). Later features add
// theirs here and under `audit.actions` / `audit.entities` in both languages.
import { choicesOf } from '../common/choices';
export const AUDIT_ACTIONS = [
  'staff.create',
  'staff.update',
  'staff.permission_change',
  'staff.activate',
  'staff.deactivate',
  'staff.password_reset',
  'merchant_application.request_info',
  'merchant.update_profile',
  'trade.refund',
  'trade.refund_request',
  'payment.refund',
  'payment.refund_request',
  'member.reveal_pii',
  'bank_account.reveal',
  'storage.read',
  'four_eyes_rule.update',
  'amount_ceiling.update',
  'withdrawal.approve_second',
];

export const AUDIT_ENTITIES = [
  'staff',
  'merchant_application',
  'merchant',
  'listing',
  'member',
  'reservation',
  'trade',
  'complaint',
  'payment',
  'withdrawal',
  'settlement',
  'ranking_rule',
  'bank_account',
  'four_eyes_rule',
  'amount_ceiling',
];

export const ACTION_CHOICES = choicesOf(AUDIT_ACTIONS, 'audit.actions');
export const ENTITY_CHOICES = choicesOf(AUDIT_ENTITIES, 'audit.entities');
