import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

const STATUS_COLORS: Record<string, 'success' | 'error' | 'warning'> = { closed: 'success', voided: 'error', refunded: 'warning' };

export const TradeStatusField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ status?: string }>();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Chip size="small" variant="outlined" color={STATUS_COLORS[record.status] ?? 'default'} label={translate(`resources.trades.status.${record.status}`, { _: record.status })} />
  );
};

export const TradeKindField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ kind?: string }>();
  const translate = useTranslate();
  if (!record?.kind) return null;
  return (
    <Typography variant="body2" component="span">
      {translate(`resources.trades.kind.${record.kind}`, { _: record.kind })}
    </Typography>
  );
};
