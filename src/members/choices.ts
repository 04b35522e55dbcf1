import { choicesOf } from '../common/choices';

export const MEMBER_LEVELS = ['regular', 'silver', 'gold', 'platinum', 'diamond'] as const;
export const LEVEL_CHOICES = choicesOf(MEMBER_LEVELS, 'resources.members.level');
export const STATUS_CHOICES = choicesOf(['active', 'banned'], 'resources.members.status');
export const BAN_REASONS = choicesOf(['fraud', 'abuse', 'fake_reservation', 'spam', 'other'], 'resources.members.reasons');
export const UNBAN_REASONS = choicesOf(['appeal_accepted', 'mistake', 'other'], 'resources.members.reasons');

/** Coded reasons for promotion rights and binding disputes (words in common/reasons.ts). */
export const GRANT_RIGHTS_REASONS = ['offline_payment', 'campaign_grant', 'appeal_upheld', 'staff_decision', 'other'] as const;
export const REVOKE_RIGHTS_REASONS = ['fake_traffic', 'rule_violation', 'fraud', 'member_request', 'other'] as const;
export const BINDING_REASONS = ['wrong_distributor', 'customer_request', 'distributor_left', 'fraud', 'appeal_upheld', 'other'] as const;
