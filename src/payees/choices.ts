import type { ChipProps } from '@mui/material';
import { choicesOf } from '../common/choices';

export const REVIEW_STATES = ['pending', 'verified', 'rejected'] as const;
export const REVIEW_STATE_COLORS: Record<string, ChipProps['color']> = { pending: 'warning', verified: 'success', rejected: 'default' };
export const REVIEW_STATE_CHOICES = choicesOf(REVIEW_STATES, 'resources.bank_accounts.review_states');
export const OWNER_TYPE_CHOICES = choicesOf(['merchant', 'member'], 'resources.bank_accounts.owner_types');
