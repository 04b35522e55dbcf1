import { Box, Button as MuiButton, Card, CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import ReceiptIcon from '@mui/icons-material/Receipt';
import {
  Labeled,
  Link,
  Show,
  TextField,
  useCreatePath,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { formatDateTime } from '../common/datetime';
import { RelatedComplaintsCard } from '../complaints/RelatedComplaintsCard';
import { ReservationActions, type ReservationRecord } from './ReservationActions';
import { RentalPeriodField, ReservationKindField, ReservationStateChip } from './ReservationFields';
import { SectionCard } from '../common/SectionCard';

const F = 'resources.reservations.fields';

interface HistoryRow {
  id: number;
  from_state: string | null;
  to_state: string;
  reason_code: string | null;
  note: string | null;
  at: string;
}

const History = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<HistoryRow>('reservation_history', {
    filter: { reservation_id: id },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  if (!isPending && (data ?? []).length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.reservations.history_empty')}
      </Typography>
    );
  const s = (v: string | null) => (v ? translate(`resources.reservations.state.${v}`, { _: v }) : '');
  return (
    <Stack spacing={1} divider={<Divider flexItem />}>
      {(data ?? []).map((h) => (
        <Box key={h.id}>
          <Typography variant="body2">
            {h.from_state ? `${s(h.from_state)} → ` : ''}
            {s(h.to_state)}
          </Typography>
          {h.reason_code || h.note ? (
            <Typography variant="body2" color="text.secondary">
              {[h.reason_code, h.note].filter(Boolean).join('：')}
            </Typography>
          ) : null}
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(h.at)}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

const L = ({ source, children }: { source: string; children?: React.ReactElement }) => (
  <Grid size={{ xs: 6, sm: 4 }}>
    <Labeled label={`${F}.${source}`}>{children ?? <TextField source={source} emptyText="—" />}</Labeled>
  </Grid>
);

const Detail = () => {
  const record = useRecordContext<ReservationRecord & Record<string, string | null> & { trade_id: string | null }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }} useFlexGap>
              <Typography variant="h6">{record.listing_title}</Typography>
              <ReservationStateChip state={record.state} />
              <Box sx={{ flex: 1 }} />
              <ReservationActions record={record} />
            </Stack>
            <Grid container spacing={1}>
              <L source="kind">
                <ReservationKindField />
              </L>
              <L source="member_nickname">
                <Link to={createPath({ resource: 'members', id: record.member_id as string, type: 'show' })}>{record.member_nickname}</Link>
              </L>
              <L source="member_phone" />
              <L source="merchant_name">
                <Link to={createPath({ resource: 'merchants', id: record.merchant_id as string, type: 'show' })}>{record.merchant_name}</Link>
              </L>
              <L source="model_name">
                <span>{[record.brand_name, record.model_name].filter(Boolean).join(' ')}</span>
              </L>
              <L source="city_name" />
              <L source="reserved_for">
                <DateTimeField source="reserved_for" />
              </L>
              <L source="confirm_deadline">
                <DateTimeField source="confirm_deadline" />
              </L>
              <L source="price_fen">
                <MoneyField source="price_fen" />
              </L>
              {record.rental_start ? (
                <L source="rental_period">
                  <RentalPeriodField />
                </L>
              ) : null}
              <L source="distributor_nickname">
                {record.distributor_id ? (
                  <Link to={createPath({ resource: 'distribution', id: record.distributor_id, type: 'show' })}>{record.distributor_nickname}</Link>
                ) : (
                  <span>—</span>
                )}
              </L>
              <L source="touched_at">
                <DateTimeField source="touched_at" />
              </L>
              <L source="created_at">
                <DateTimeField source="created_at" />
              </L>
              <L source="confirmed_at">
                <DateTimeField source="confirmed_at" />
              </L>
              <L source="visited_at">
                <DateTimeField source="visited_at" />
              </L>
              <L source="state_reason" />
            </Grid>
            {record.deal_amount_fen ? (
              <>
                <Divider sx={{ my: 2 }} />
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {translate('resources.reservations.sections.deal')}
                </Typography>
                <Grid container spacing={1}>
                  <L source="deal_amount_fen">
                    <MoneyField source="deal_amount_fen" />
                  </L>
                  <L source="deal_closed_at">
                    <DateTimeField source="deal_closed_at" />
                  </L>
                  <L source="deal_evidence">
                    <span>{((record.deal_evidence as unknown as string[] | null) ?? []).length}</span>
                  </L>
                </Grid>
                {record.trade_id ? (
                  <MuiButton
                    component={Link}
                    to={createPath({ resource: 'trades', id: record.trade_id, type: 'show' })}
                    startIcon={<ReceiptIcon />}
                    variant="outlined"
                    size="small"
                    sx={{ mt: 1 }}
                  >
                    {translate('resources.reservations.open_trade')}
                  </MuiButton>
                ) : null}
              </>
            ) : null}
          </CardContent>
        </Card>
        <RelatedComplaintsCard
          target="reservation_id"
          title="resources.reservations.sections.complaints"
          empty="resources.reservations.no_complaints"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <SectionCard title="resources.reservations.sections.history">
          <History id={record.id} />
        </SectionCard>
      </Grid>
    </Grid>
  );
};

export const ReservationShow = () => (
  <Show component="div" actions={false}>
    <Detail />
  </Show>
);
