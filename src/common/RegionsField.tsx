import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { regionName } from './regions';

/** An array of region codes as chips; empty means every region. */
export const RegionsField = (props: FieldProps & { max?: number }) => {
  const value = useFieldValue(props) as string[] | null | undefined;
  const translate = useTranslate();
  const max = props.max ?? 3;
  if (!value || value.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.all_regions')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {value.slice(0, max).map((code) => (
        <Chip key={code} size="small" variant="outlined" label={regionName(code)} />
      ))}
      {value.length > max ? <Chip size="small" label={`+${value.length - max}`} /> : null}
    </Stack>
  );
};
