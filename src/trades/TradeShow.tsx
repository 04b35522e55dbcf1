import { Box, Card, CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  Link,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useCreatePath,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { formatDateTime } from '../common/datetime';
import { RelatedComplaintsCard } from '../complaints/RelatedComplaintsCard';
import { RefundButton } from './RefundButton';
import { TradeKindField, TradeStatusField } from './TradeFields';
import { SectionCard } from '../common/SectionCard';

const F = 'resources.trades.fields';

const L = ({ source, children }: { source: string; children?: React.ReactElement }) => (
  <Grid size={{ xs: 6, sm: 4 }}>
    <Labeled label={`${F}.${source}`}>{children ?? <TextField source={source} emptyText="—" />}</Labeled>
  </Grid>
);

const History = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data } = useGetList<{ id: number; from_status: string | null; to_status: string; reason_code: string | null; note: string | null; at: string }>(
    'trade_history',
    { filter: { trade_id: id }, sort: { field: 'at', order: 'DESC' }, pagination: { page: 1, perPage: 50 } },
  );
  const s = (v: string | null) => (v ? translate(`resources.trades.status.${v}`, { _: v }) : '');
  // refund reasons are coded (RefundButton); other transitions keep their own codes
  const reason = (h: { to_status: string; reason_code: string | null }) =>
    h.reason_code && h.to_status === 'refunded'
      ? translate(`resources.trades.refund_reasons.${h.reason_code}`, { _: h.reason_code })
      : h.reason_code;
  return (
    <Stack spacing={1} divider={<Divider flexItem />}>
      {(data ?? []).map((h) => (
        <Box key={h.id}>
          <Typography variant="body2">
            {h.from_status ? `${s(h.from_status)} → ` : ''}
            {s(h.to_status)}
          </Typography>
          {h.reason_code || h.note ? (
            <Typography variant="body2" color="text.secondary">
              {[reason(h), h.note].filter(Boolean).join('：')}
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

const Detail = () => {
  const record = useRecordContext<Record<string, string | null> & { id: string }>();
  const translate = useTranslate();
  // "vehicle_mismatch: 里程表被调过" → "车况与描述不符: 里程表被调过" for a refund's coded reason
  const statusReason = (status: string | null, reason: string | null) => {
    if (!reason || status !== 'refunded') return reason;
    const [code, ...note] = reason.split(': ');
    const label = translate(`resources.trades.refund_reasons.${code}`, { _: '' });
    if (!label) return reason;
    return note.length ? `${label}：${note.join(': ')}` : label;
  };
  const createPath = useCreatePath();
  const { canAccess: canCommissions } = useCanAccess({ resource: 'commissions', action: 'list' });
  if (!record) return null;
  const link = (resource: string, id: string | null, text: string | null) =>
    id ? <Link to={createPath({ resource, id, type: 'show' })}>{text}</Link> : <span>—</span>;
  return (
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 8 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
              <Typography variant="h6">{record.listing_title}</Typography>
              <TradeStatusField />
            </Stack>
            <Grid container spacing={1}>
              <L source="closed_at">
                <DateTimeField source="closed_at" />
              </L>
              <L source="kind">
                <TradeKindField />
              </L>
              <L source="amount_fen">
                <MoneyField source="amount_fen" variant="subtitle1" />
              </L>
              <L source="quantity" />
              <L source="brand_name" />
              <L source="model_name">
                <span>{[record.series_name, record.model_name].filter(Boolean).join(' ') || '—'}</span>
              </L>
              <L source="merchant_name">{link('merchants', record.merchant_id, record.merchant_name)}</L>
              <L source="member_nickname">{link('members', record.member_id, record.member_nickname)}</L>
              <L source="distributor_nickname">{link('distribution', record.distributor_id, record.distributor_nickname)}</L>
              <L source="city_name" />
              <L source="reservation_id">{link('reservations', record.reservation_id, translate('resources.trades.open_reservation'))}</L>
              <L source="status_reason">
                <span>{statusReason(record.status, record.status_reason) || '—'}</span>
              </L>
            </Grid>
          </CardContent>
        </Card>
        {canCommissions ? (
          <SectionCard title="resources.trades.sections.commissions" sx={{ mt: 2 }}>
            <ReferenceManyField
              reference="commissions"
              target="trade_id"
              sort={{ field: 'created_at', order: 'ASC' }}
              empty={<Typography variant="body2" color="text.secondary">{translate('resources.trades.no_commissions')}</Typography>}
            >
              <DataTable bulkActionButtons={false}>
                <DataTable.Col source="beneficiary_name" label="resources.trades.commission.beneficiary" />
                <DataTable.Col source="tier" label="resources.trades.commission.tier" />
                <DataTable.Col source="rate" label="resources.trades.commission.rate" render={(r) => `${(Number(r.rate) * 100).toFixed(2)}%`} />
                <DataTable.Col source="amount_fen" label="resources.trades.commission.amount" field={MoneyField} />
                <DataTable.Col source="status" label="resources.trades.commission.status" render={(r) => translate(`resources.commissions.status.${r.status}`, { _: r.status })} />
              </DataTable>
            </ReferenceManyField>
          </SectionCard>
        ) : null}
        <RelatedComplaintsCard
          target="trade_id"
          title="resources.trades.sections.complaints"
          empty="resources.trades.no_complaints"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <SectionCard title="resources.trades.sections.history">
          <History id={record.id} />
        </SectionCard>
      </Grid>
    </Grid>
  );
};

export const TradeShow = () => (
  <Show
    component="div"
    actions={
      <TopToolbar>
        <RefundButton />
      </TopToolbar>
    }
  >
    <Detail />
  </Show>
);
