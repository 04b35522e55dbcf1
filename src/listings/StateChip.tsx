import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

type Tone = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

/** An enum value as a coloured chip; the label is `${prefix}.${value}`. */
export const StateChip = (props: FieldProps & { prefix: string; tones?: Record<string, Tone> }) => {
  const value = useFieldValue(props) as string | null | undefined;
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={props.tones?.[value] ?? 'default'}
      label={translate(`${props.prefix}.${value}`, { _: value })}
      sx={{ whiteSpace: 'nowrap', width: 'fit-content' }}
    />
  );
};

export const REVIEW_TONES: Record<string, Tone> = { draft: 'default', pending: 'warning', approved: 'success', rejected: 'error' };
export const SHELF_TONES: Record<string, Tone> = { off: 'default', on: 'success', forced_off: 'error' };
export const TRADE_TONES: Record<string, Tone> = {
  available: 'default',
  on_hold: 'info',
  sold: 'secondary',
  rented_out: 'secondary',
  maintenance: 'warning',
  retired: 'default',
};

export const KindField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.kinds" />;
export const ReviewStateField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.review_states" tones={REVIEW_TONES} />;
export const ShelfStateField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.shelf_states" tones={SHELF_TONES} />;
export const TradeStateField = (props: FieldProps) => <StateChip {...props} prefix="resources.listings.trade_states" tones={TRADE_TONES} />;
