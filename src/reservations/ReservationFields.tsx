import { Typography } from '@mui/material';
import { StateChip } from '../common/StateChip';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { STATE_COLORS } from './choices';

export const ReservationStateChip = ({ state }: { state?: string | null }) => (
  <StateChip value={state} prefix="resources.reservations.state" colors={STATE_COLORS} filled />
);

export const ReservationStateField = (props: Partial<FieldProps>) => (
  <StateChip source="state" {...props} prefix="resources.reservations.state" colors={STATE_COLORS} filled />
);

export const ReservationKindField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ kind?: string }>();
  const translate = useTranslate();
  if (!record?.kind) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {translate(`resources.reservations.kind.${record.kind}`, { _: record.kind })}
    </Typography>
  );
};

/** "2026-12-01 ~ 2026-12-03（3 天）" for rentals, empty otherwise. */
export const RentalPeriodField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ rental_start?: string | null; rental_end?: string | null; rental_days?: number | null }>();
  const translate = useTranslate();
  if (!record?.rental_start) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {record.rental_start} ~ {record.rental_end}
      {record.rental_days ? `（${translate('resources.reservations.days', { smart_count: record.rental_days })}）` : ''}
    </Typography>
  );
};
