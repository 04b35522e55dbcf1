import { Alert, Box, Button, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Labeled, Show, type RaRecord, SimpleShowLayout, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useNotifyRefusal } from '../common/refusal';
import { downloadJobFile, isExportResult } from '../common/jobs/download';
import { isOpen } from './choices';
import { DurationField, JobKindField, JobStateField, ProgressField, StartedByField } from './JobFields';

const refetchWhileRunning = (query: { state: { data?: RaRecord } }) => (isOpen(query.state.data?.state) ? 2_000 : false);

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** An export's file: its starter downloads it through a one-minute link. */
const ResultPanel = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const refusal = useNotifyRefusal();
  const { identity } = useGetIdentity();
  if (!record) return null;
  if (isOpen(record.state)) return <Alert severity="info">{translate('resources.jobs.running_hint')}</Alert>;
  if (record.state === 'failed') return <Alert severity="error" data-testid="job-error">{String(record.error ?? '')}</Alert>;
  const result = record.result as unknown;
  if (!isExportResult(result)) {
    return result ? <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(result, null, 2)}</Box> : null;
  }
  const name = `${result.file_name ?? 'export'}-${String(record.id).slice(0, 8)}.csv`;
  const mine = identity?.id !== undefined && String(identity.id) === record.started_by;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Typography variant="body2">{translate('resources.jobs.file', { name, size: sizeText(Number(result.bytes ?? 0)) })}</Typography>
      {mine ? (
        <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => downloadJobFile(result, name).catch(refusal)}>
          {translate('resources.jobs.download')}
        </Button>
      ) : (
        <Typography variant="body2" color="text.secondary">{translate('resources.jobs.not_yours')}</Typography>
      )}
    </Box>
  );
};

export const JobShow = () => (
  <Show queryOptions={{ refetchInterval: refetchWhileRunning }}>
    <SimpleShowLayout>
      <JobKindField source="kind" />
      <JobStateField source="state" />
      <StartedByField source="started_by_name" />
      <DateTimeField source="created_at" seconds />
      <DateTimeField source="started_at" seconds />
      <DateTimeField source="finished_at" seconds />
      <DurationField source="duration_ms" />
      <ProgressField source="progress" />
      <Labeled label="resources.jobs.fields.result" fullWidth>
        <ResultPanel />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
