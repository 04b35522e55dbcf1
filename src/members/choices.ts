export const MEMBER_LEVELS = ['regular', 'silver', 'gold', 'platinum', 'diamond'] as const;
export const LEVEL_CHOICES = MEMBER_LEVELS.map((id) => ({ id, name: `resources.members.level.${id}` }));
export const STATUS_CHOICES = ['active', 'banned'].map((id) => ({ id, name: `resources.members.status.${id}` }));
export const BAN_REASONS = ['fraud', 'abuse', 'fake_reservation', 'spam', 'other'].map((id) => ({ id, name: `resources.members.reasons.${id}` }));
export const UNBAN_REASONS = ['appeal_accepted', 'mistake', 'other'].map((id) => ({ id, name: `resources.members.reasons.${id}` }));
export const LEVEL_COLORS: Record<string, 'default' | 'info' | 'warning' | 'secondary' | 'primary'> = {
  regular: 'default',
  silver: 'info',
  gold: 'warning',
  platinum: 'secondary',
  diamond: 'primary',
};
