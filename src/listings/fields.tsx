// A listing's kind and states as chips.
import type { FieldProps } from 'react-admin';
import { StateChip, type ChipColor } from '../common/StateChip';

export const REVIEW_COLORS: Record<string, ChipColor> = { draft: 'default', pending: 'warning', approved: 'success', rejected: 'error' };
export const SHELF_COLORS: Record<string, ChipColor> = { off: 'default', on: 'success', forced_off: 'error' };
export const TRADE_COLORS: Record<string, ChipColor> = {
  available: 'default',
  on_hold: 'info',
  sold: 'secondary',
  rented_out: 'secondary',
  maintenance: 'warning',
  retired: 'default',
};

export const KindField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.kinds" />;
export const ReviewStateField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.review_states" colors={REVIEW_COLORS} />;
export const ShelfStateField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.shelf_states" colors={SHELF_COLORS} />;
export const TradeStateField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.trade_states" colors={TRADE_COLORS} />;
