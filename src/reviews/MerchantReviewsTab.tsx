import { useQuery } from '@tanstack/react-query';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { DataTable, Pagination, ReferenceManyField, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { DateTimeField } from '../common/DateTimeField';
import { ClipField } from '../common/list/ClipField';
import { reviewSummary } from './api';
import { ReviewModerationButton } from './ReviewActions';
import { StarsField, VisibilityField } from './ReviewFields';

const fixed = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? '—' : Number(v).toFixed(d));

/** The merchant's rating as the ranking reads it, how it is made, and its reviews (hide / restore in place). */
export const MerchantReviewsTab = () => {
  const record = useRecordContext<{ id: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const s = (k: string, args?: Record<string, unknown>) => translate(`resources.merchant_reviews.summary.${k}`, args);
  const { data, error } = useQuery({
    queryKey: ['merchant_review_summary', record?.id],
    queryFn: () => reviewSummary(dataProvider, record!.id),
    enabled: !!record,
  });
  if (!record) return null;
  return (
    <Stack spacing={2}>
      {error ? <Alert severity="warning">{s('unavailable')}</Alert> : null}
      {data ? (
        <Box data-testid="review-summary">
          <Stack direction="row" spacing={3} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography variant="h5" component="span">
              {s('rating')}{' '}
              <Box component="span" data-testid="review-rating" sx={{ fontWeight: 600 }}>{fixed(data.rating)}</Box>
            </Typography>
            <Typography variant="body2">{s('counts', { visible: data.review_count, hidden: data.hidden_count })}</Typography>
            <Typography variant="body2">{s('weighted', { mean: fixed(data.weighted_mean), weight: fixed(data.weighted_count) })}</Typography>
          </Stack>
          <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
            {s('formula', { prior: fixed(data.prior_weight, 0), platform: fixed(data.platform_mean), days: data.half_life_days })}
          </Typography>
        </Box>
      ) : null}
      <ReferenceManyField reference="v_merchant_reviews" target="merchant_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
        <DataTable rowClick={(id) => `/merchant_reviews/${id}/show`} bulkActionButtons={false}>
          <DataTable.Col source="created_at" label="resources.merchant_reviews.fields.created_at" field={DateTimeField} />
          <DataTable.Col source="stars" label="resources.merchant_reviews.fields.stars" field={StarsField} />
          <DataTable.Col source="body" label="resources.merchant_reviews.fields.body" field={ClipField} />
          <DataTable.Col source="member_nickname" label="resources.merchant_reviews.fields.member_nickname" />
          <DataTable.Col source="visibility" label="resources.merchant_reviews.fields.visibility" field={VisibilityField} />
          <DataTable.Col label="resources.merchant_reviews.fields.actions" disableSort>
            <ReviewModerationButton />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Stack>
  );
};
