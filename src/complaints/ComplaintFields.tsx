import { Stack, Tooltip, Typography } from '@mui/material';
import { StateChip } from '../common/StateChip';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatDateTime } from '../common/datetime';
import { STATE_COLORS } from './choices';
import {
  firstResponseStatus,
  formatDuration,
  merchantReplyStatus,
  resolutionStatus,
  timeLeft,
  type ComplaintDeadlines,
  type DeadlineStatus,
} from './deadlines';
import { useNow } from './useNow';

/** Open complaints stand out (filled); closed, dismissed and withdrawn ones are outlined. */
const FILLED = ['submitted', 'accepted', 'awaiting_merchant', 'mediating', 'escalated', 'resolved'];

export const ComplaintStateChip = ({ state }: { state?: string | null }) => (
  <StateChip value={state} prefix="resources.complaints.state" colors={STATE_COLORS} filled={FILLED} />
);

export const ComplaintStateField = (props: Partial<FieldProps>) => (
  <StateChip source="state" {...props} prefix="resources.complaints.state" colors={STATE_COLORS} filled={FILLED} />
);

const STATUS_COLOR: Record<DeadlineStatus, 'error.main' | 'warning.main' | 'success.main' | 'text.secondary' | 'text.primary'> = {
  overdue: 'error.main',
  due_soon: 'warning.main',
  late: 'warning.main',
  met: 'success.main',
  pending: 'text.primary',
  none: 'text.secondary',
};

export type DeadlineKind = 'first_response' | 'resolution' | 'merchant_reply';

const DUE_FIELD: Record<DeadlineKind, keyof ComplaintDeadlines> = {
  first_response: 'first_response_due_at',
  resolution: 'resolution_due_at',
  merchant_reply: 'merchant_reply_due_at',
};

/** A deadline with its status: "已超时 2天 3小时" in red, "剩余 3小时" in amber, or met. */
export const DeadlineText = ({ record, kind }: { record: ComplaintDeadlines; kind: DeadlineKind }) => {
  const translate = useTranslate();
  const now = useNow();
  const status =
    kind === 'first_response'
      ? firstResponseStatus(record, now)
      : kind === 'resolution'
        ? resolutionStatus(record, now)
        : merchantReplyStatus(record, now);
  const due = record[DUE_FIELD[kind]] as string | null | undefined;
  if (!due) return <Typography variant="body2" color="text.secondary">—</Typography>;
  const units = {
    d: translate('resources.complaints.deadline.units_d'),
    h: translate('resources.complaints.deadline.units_h'),
    m: translate('resources.complaints.deadline.units_m'),
  };
  const label =
    status === 'overdue' || status === 'due_soon' || status === 'pending'
      ? translate(`resources.complaints.deadline.${status}`, { time: formatDuration(timeLeft(due, now), units) })
      : status === 'none'
        ? ''
        : translate(`resources.complaints.deadline.${status}`);
  return (
    <Tooltip title={formatDateTime(due)}>
      <Stack spacing={0} data-deadline-status={status}>
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(due)}
        </Typography>
        {label ? (
          <Typography
            variant="caption"
            sx={{ color: STATUS_COLOR[status], fontWeight: status === 'overdue' ? 700 : 400, whiteSpace: 'nowrap' }}
          >
            {label}
          </Typography>
        ) : null}
      </Stack>
    </Tooltip>
  );
};

export const DeadlineField = ({ kind }: Partial<FieldProps> & { kind: DeadlineKind }) => {
  const record = useRecordContext<ComplaintDeadlines & { id: string }>();
  if (!record) return null;
  return <DeadlineText record={record} kind={kind} />;
};

export const SeverityChip = ({ severity }: { severity?: string | null }) => (
  <StateChip value={severity} prefix="resources.complaints.severity" colors={{ high: 'error', medium: 'warning' }} />
);
