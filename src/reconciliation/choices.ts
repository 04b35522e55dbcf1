import type { ChipProps } from '@mui/material';

export const RESULTS = ['matched', 'amount_mismatch', 'missing', 'extra'] as const;
export const RESULT_COLORS: Record<string, ChipProps['color']> = {
  matched: 'success',
  amount_mismatch: 'error',
  missing: 'warning',
  extra: 'warning',
};
