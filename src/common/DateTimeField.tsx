import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatDateTime } from './datetime';

/** A timestamp in Asia/Shanghai ("2026-11-22 08:30"). */
export const DateTimeField = (props: FieldProps & { seconds?: boolean }) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(value, { seconds: props.seconds })}
    </Typography>
  );
};
