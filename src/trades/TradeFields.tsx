import { Typography } from '@mui/material';
import { StateChip, type ChipColor } from '../common/StateChip';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

const STATUS_COLORS: Record<string, ChipColor> = { closed: 'success', voided: 'error', refunded: 'warning' };

export const TradeStatusField = (props: Partial<FieldProps>) => (
  <StateChip source="status" {...props} prefix="resources.trades.status" colors={STATUS_COLORS} />
);

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
