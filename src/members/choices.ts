import { choicesOf } from '../common/choices';

export const MEMBER_LEVELS = ['regular', 'silver', 'gold', 'platinum', 'diamond'] as const;
export const LEVEL_CHOICES = choicesOf(MEMBER_LEVELS, 'resources.members.level');
export const STATUS_CHOICES = choicesOf(['active', 'banned'], 'resources.members.status');
export const BAN_REASONS = choicesOf(['fraud', 'abuse', 'fake_reservation', 'spam', 'other'], 'resources.members.reasons');
export const UNBAN_REASONS = choicesOf(['appeal_accepted', 'mistake', 'other'], 'resources.members.reasons');
