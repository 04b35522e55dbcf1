import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { STATE_COLORS } from './choices';

export const ReservationStateChip = ({ state }: { state?: string | null }) => {
  const translate = useTranslate();
  if (!state) return null;
  return <Chip size="small" color={STATE_COLORS[state] ?? 'default'} label={translate(`resources.reservations.state.${state}`, { _: state })} />;
};

export const ReservationStateField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<{ state?: string }>();
  return <ReservationStateChip state={record?.state} />;
};

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
