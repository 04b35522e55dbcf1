import { Typography, type TypographyProps } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatFen } from './money';

/** Shows an integer-fen column as ¥ with two decimals, right-aligned digits. */
export const MoneyField = (props: FieldProps & { variant?: TypographyProps['variant'] }) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant={props.variant ?? 'body2'} sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatFen(value)}
    </Typography>
  );
};
