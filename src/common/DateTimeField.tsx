import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { formatDate, formatDateTime } from './datetime';

/** A timestamp in Asia/Shanghai ("2026-11-22 08:30"). */
export const DateTimeField = (props: FieldProps & { seconds?: boolean }) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(value, { seconds: props.seconds })}
    </Typography>
  );
};

/** A calendar day as YYYY-MM-DD (react-admin's DateField follows the browser's locale: 2026/12/3). */
export const DayField = (props: FieldProps & { emptyText?: string }) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {value ? formatDate(value as string) : props.emptyText ? translate(props.emptyText, { _: props.emptyText }) : ''}
    </Typography>
  );
};
