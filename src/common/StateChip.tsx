// An enum value (a state, a kind, a level) as a chip: its label `<prefix>.<value>` in the
// user's language, a colour per value.
import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

export type ChipColor = ChipProps['color'];

export interface StateChipProps extends Partial<FieldProps> {
  prefix: string;
  /** the value itself, when it is not the record's `source` */
  value?: string | number | null;
  colors?: Record<string, ChipColor>;
  /** filled instead of outlined: every value (true) or these */
  filled?: boolean | readonly string[];
}

export const StateChip = ({ prefix, value, colors, filled, source = '', record }: StateChipProps) => {
  const translate = useTranslate();
  const fromRecord = useFieldValue({ source, record });
  const v = value !== undefined ? value : (fromRecord as string | number | null | undefined);
  if (v === null || v === undefined || v === '') return null;
  const key = String(v);
  const isFilled = filled === true || (Array.isArray(filled) && filled.includes(key));
  return (
    <Chip
      size="small"
      variant={isFilled ? 'filled' : 'outlined'}
      color={colors?.[key] ?? 'default'}
      label={translate(`${prefix}.${key}`, { _: key })}
      sx={{ whiteSpace: 'nowrap', width: 'fit-content' }}
    />
  );
};
