import type { ChipProps } from '@mui/material';

export const STATES = ['applied', 'in_review', 'approved', 'paying', 'paid', 'pay_failed', 'rejected', 'cancelled', 'refunded'] as const;
export const OPEN_STATES = ['applied', 'in_review', 'approved', 'paying', 'pay_failed'] as const;
export const STATE_COLORS: Record<string, ChipProps['color']> = {
  applied: 'warning',
  in_review: 'info',
  approved: 'primary',
  paying: 'secondary',
  paid: 'success',
  pay_failed: 'error',
  rejected: 'default',
  cancelled: 'default',
  refunded: 'default',
};
