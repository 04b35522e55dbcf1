import { Box, Card, CardContent, Grid, ImageList, ImageListItem, Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/datetime';
import { ComplaintActions, type ComplaintRecord } from './ComplaintActions';
import { ComplaintStateChip, DeadlineText, SeverityChip } from './ComplaintFields';
import { ComplaintHistory, ComplaintPenalties, RelatedLinks } from './ComplaintSide';
import { ComplaintThread } from './ComplaintThread';
import type { ComplaintDeadlines } from './deadlines';
import { SectionCard } from '../common/SectionCard';

type FullComplaint = ComplaintRecord &
  ComplaintDeadlines & {
    content: string;
    images: string[];
    city_name: string | null;
    member_phone: string | null;
    outcome: string | null;
    remedy: string | null;
    state_reason: string | null;
    created_at: string;
    merchant_no_response: boolean;
  };

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ py: 0.25 }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 96, flexShrink: 0 }}>
        {translate(`resources.complaints.fields.${label}`)}
      </Typography>
      <Box sx={{ typography: 'body2', minWidth: 0 }}>{children}</Box>
    </Stack>
  );
};

const ComplaintDetail = () => {
  const record = useRecordContext<FullComplaint>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Stack spacing={2}>
          <Card variant="outlined">
            <CardContent>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }} useFlexGap>
                <Typography variant="h6" component="h2">
                  {record.title}
                </Typography>
                <ComplaintStateChip state={record.state} />
                <SeverityChip severity={record.severity} />
              </Stack>
              <Box sx={{ mb: 2 }}>
                <ComplaintActions record={record} />
              </Box>
              <Line label="category">{translate(`resources.complaints.category.${record.category}`)}</Line>
              <Line label="member_nickname">
                {record.member_nickname} {record.member_phone ? `（${record.member_phone}）` : ''}
              </Line>
              <Line label="merchant_name">{record.merchant_name}</Line>
              <Line label="city_name">{record.city_name}</Line>
              <Line label="created_at">{formatDateTime(record.created_at)}</Line>
              <Line label="assignee_name">{record.assignee_name ?? '—'}</Line>
              {record.outcome ? <Line label="outcome">{translate(`resources.complaints.outcome.${record.outcome}`)}</Line> : null}
              {record.remedy ? <Line label="remedy">{record.remedy}</Line> : null}
              {record.state_reason ? <Line label="state_reason">{record.state_reason}</Line> : null}
              <Typography variant="body1" sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
                {record.content}
              </Typography>
              {record.images?.length ? (
                <ImageList cols={4} rowHeight={120} sx={{ mt: 1 }}>
                  {record.images.map((src) => (
                    <ImageListItem key={src}>
                      <a href={src} target="_blank" rel="noreferrer">
                        <img src={src} alt="" loading="lazy" style={{ width: '100%', height: 120, objectFit: 'cover' }} />
                      </a>
                    </ImageListItem>
                  ))}
                </ImageList>
              ) : null}
            </CardContent>
          </Card>
          <SectionCard title="resources.complaints.sections.thread">
            <ComplaintThread complaintId={record.id} state={record.state} />
          </SectionCard>
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Stack spacing={2}>
          <SectionCard title="resources.complaints.sections.deadlines">
            <Stack spacing={1.5}>
              <Line label="first_response_due_at">
                <DeadlineText record={record} kind="first_response" />
              </Line>
              {record.merchant_reply_due_at ? (
                <Line label="merchant_reply_due_at">
                  <DeadlineText record={record} kind="merchant_reply" />
                </Line>
              ) : null}
              <Line label="resolution_due_at">
                <DeadlineText record={record} kind="resolution" />
              </Line>
            </Stack>
          </SectionCard>
          <SectionCard title="resources.complaints.sections.related">
            <RelatedLinks record={record} />
          </SectionCard>
          <SectionCard title="resources.complaints.sections.penalties">
            <ComplaintPenalties complaintId={record.id} />
          </SectionCard>
          <SectionCard title="resources.complaints.sections.history">
            <ComplaintHistory complaintId={record.id} />
          </SectionCard>
        </Stack>
      </Grid>
    </Grid>
  );
};

export const ComplaintShow = () => (
  <Show actions={false} component="div">
    <ComplaintDetail />
  </Show>
);
