import type { ChipProps } from '@mui/material';

export const BATCH_STATES = ['paying', 'completed'] as const;
export const BATCH_STATE_COLORS: Record<string, ChipProps['color']> = { paying: 'secondary', completed: 'success' };
export const ITEM_RESULT_COLORS: Record<string, ChipProps['color']> = { pending: 'default', paid: 'success', failed: 'error' };
