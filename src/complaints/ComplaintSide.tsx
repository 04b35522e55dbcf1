import { Box, Button as MuiButton, Chip, Divider, Stack, Typography } from '@mui/material';
import EventIcon from '@mui/icons-material/Event';
import ReceiptIcon from '@mui/icons-material/Receipt';
import PersonIcon from '@mui/icons-material/Person';
import StoreIcon from '@mui/icons-material/Store';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/datetime';
import { useAssignees } from './useAssignees';
import type { ComplaintRecord } from './ComplaintActions';

/** One click to the reservation or trade the complaint is about, and to both parties. */
export const RelatedLinks = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const link = (resource: string, id: string, label: string, icon: React.ReactNode) => (
    <MuiButton
      key={resource}
      component={Link}
      to={createPath({ resource, id, type: 'show' })}
      startIcon={icon}
      size="small"
      variant="outlined"
      sx={{ justifyContent: 'flex-start' }}
    >
      {label}
    </MuiButton>
  );
  return (
    <Stack spacing={1}>
      {record.reservation_id
        ? link('reservations', record.reservation_id, translate('resources.complaints.related.reservation'), <EventIcon />)
        : null}
      {record.trade_id ? link('trades', record.trade_id, translate('resources.complaints.related.trade'), <ReceiptIcon />) : null}
      {!record.reservation_id && !record.trade_id ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.complaints.related.none')}
        </Typography>
      ) : null}
      {link('members', record.member_id, `${translate('resources.complaints.related.member')}：${record.member_nickname}`, <PersonIcon />)}
      {link('merchants', record.merchant_id, `${translate('resources.complaints.related.merchant')}：${record.merchant_name}`, <StoreIcon />)}
    </Stack>
  );
};

interface HistoryRow {
  id: number;
  from_state: string | null;
  to_state: string;
  reason_code: string | null;
  note: string | null;
  actor_id: string | null;
  at: string;
}

/** The complaint's state changes, newest first, with who made them (when they are staff one can assign to). */
export const ComplaintHistory = ({ complaintId }: { complaintId: string }) => {
  const translate = useTranslate();
  const { data: people } = useAssignees();
  const names = new Map((people ?? []).map((p) => [p.id, p.display_name]));
  const { data, isPending } = useGetList<HistoryRow>('complaint_history', {
    filter: { complaint_id: complaintId },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  if (!isPending && (data ?? []).length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.complaints.history.empty')}
      </Typography>
    );
  }
  const state = (s: string | null) => (s ? translate(`resources.complaints.state.${s}`, { _: s }) : '');
  return (
    <Stack spacing={1} divider={<Divider flexItem />}>
      {(data ?? []).map((h) => (
        <Box key={h.id}>
          <Typography variant="body2">
            {h.reason_code === 'assigned'
              ? translate('resources.complaints.history.assigned', { name: (h.note && names.get(h.note)) ?? '—' })
              : `${h.from_state ? `${state(h.from_state)} → ` : ''}${state(h.to_state)}${
                  h.reason_code
                    ? ` · ${translate(`resources.complaints.reasons.${h.reason_code}`, { _: translate(`resources.complaints.outcome.${h.reason_code}`, { _: h.reason_code }) })}`
                    : ''
                }`}
          </Typography>
          {h.note && h.reason_code !== 'assigned' ? (
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
              {h.note}
            </Typography>
          ) : null}
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(h.at)}
            {h.actor_id && names.get(h.actor_id) ? ` · ${translate('resources.complaints.history.by', { name: names.get(h.actor_id) })}` : ''}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

interface PenaltyRow {
  id: string;
  size: number | string;
  reason: string;
  starts_at: string;
  expires_at: string;
  is_active: boolean;
}

/** Penalties (降权) this complaint put on the merchant. */
export const ComplaintPenalties = ({ complaintId }: { complaintId: string }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<PenaltyRow>('v_merchant_penalties', {
    filter: { complaint_id: complaintId },
    sort: { field: 'starts_at', order: 'DESC' },
    pagination: { page: 1, perPage: 20 },
  });
  if (!isPending && (data ?? []).length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.complaints.penalty.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={1}>
      {(data ?? []).map((p) => (
        <Box key={p.id} data-testid="penalty">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('resources.complaints.penalty.size')}：-{Number(p.size)}
            </Typography>
            <Chip
              size="small"
              color={p.is_active ? 'error' : 'default'}
              label={translate(`resources.complaints.penalty.${p.is_active ? 'active' : 'inactive'}`)}
            />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(p.starts_at)} — {formatDateTime(p.expires_at)}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};
