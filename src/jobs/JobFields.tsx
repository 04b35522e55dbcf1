import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { StateChip } from '../common/StateChip';
import { JOB_STATE_COLORS } from './choices';

export const JobStateField = (props: FieldProps) => (
  <StateChip {...props} source={props.source ?? 'state'} prefix="resources.jobs.states" colors={JOB_STATE_COLORS} filled={['running']} />
);
export const JobKindField = (props: FieldProps) => <StateChip {...props} source={props.source ?? 'kind'} prefix="resources.jobs.kinds" />;

/** 发起人: the staff member, or 定时调度 for the schedule. */
export const StartedByField = (_: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{record.started_by ? (record.started_by_name ?? '') : translate('resources.jobs.schedule')}</span>;
};

export const DurationField = (_: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.duration_ms === null || record.duration_ms === undefined) return null;
  return <span>{translate('resources.jobs.seconds', { n: (Number(record.duration_ms) / 1000).toFixed(1) })}</span>;
};

/** Rows done (of the total, once known) and a bar. */
export const ProgressField = (_: FieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const done = Number(record.progress_done ?? 0);
  const total = record.progress_total === null || record.progress_total === undefined ? undefined : Number(record.progress_total);
  const value = total ? Math.min(100, (done / total) * 100) : undefined;
  const open = record.state === 'queued' || record.state === 'running';
  return (
    <Box sx={{ minWidth: 160 }} data-testid="job-progress">
      {open && <LinearProgress variant={value === undefined ? 'indeterminate' : 'determinate'} value={value} sx={{ mb: 0.5 }} />}
      <Typography variant="body2">
        {total !== undefined
          ? translate('resources.jobs.progress_of', { done: done.toLocaleString(), total: total.toLocaleString() })
          : translate('resources.jobs.progress_open', { done: done.toLocaleString() })}
      </Typography>
    </Box>
  );
};
