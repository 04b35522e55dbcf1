import type { ChipProps } from '@mui/material';

export const KINDS = ['platform_fee', 'deposit', 'promotion_rights', 'reservation_rights'] as const;
export const STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export const PAYER_TYPES = ['merchant', 'member'] as const;
export const STATUS_COLORS: Record<string, ChipProps['color']> = {
  pending: 'warning',
  succeeded: 'success',
  failed: 'error',
  refunded: 'default',
};
