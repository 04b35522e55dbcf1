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
];

export const ACTION_CHOICES = choicesOf(AUDIT_ACTIONS, 'audit.actions');
export const ENTITY_CHOICES = choicesOf(AUDIT_ENTITIES, 'audit.entities');
