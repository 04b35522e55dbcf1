import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  Link,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { formatFen } from '../common/money';
import { LevelChip, MemberStatusChip } from '../common/memberFields';

const D = 'resources.distribution';

const Empty = ({ what }: { what: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate(`${D}.empty.${what}`)}
    </Typography>
  );
};

interface Distributor {
  id: string;
  nickname: string;
  level: string;
  status: string;
  phone: string | null;
  city_name: string | null;
  share_count: number;
  click_count: number;
  bound_customer_count: number;
  reservation_count: number;
  trade_count: number;
  trade_amount_fen: number;
  commission_fen: number;
}

const Header = () => {
  const r = useRecordContext<Distributor>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!r) return null;
  return (
    <Card variant="outlined" sx={{ m: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h6">
            <Link to={createPath({ resource: 'members', id: r.id, type: 'show' })}>{r.nickname}</Link>
          </Typography>
          <LevelChip level={r.level} />
          <MemberStatusChip status={r.status} />
          <Typography variant="body2" color="text.secondary">
            {[r.phone, r.city_name].filter(Boolean).join(' · ')}
          </Typography>
        </Stack>
        <Typography variant="body1" sx={{ mt: 1 }} data-testid="distribution-funnel">
          {translate(`${D}.funnel`, {
            shares: Number(r.share_count),
            clicks: Number(r.click_count),
            bound: Number(r.bound_customer_count),
            reservations: Number(r.reservation_count),
            trades: Number(r.trade_count),
          })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Chip label={`${translate(`${D}.fields.trade_amount_fen`)}：${formatFen(r.trade_amount_fen)}`} />
          <Chip color="primary" label={`${translate(`${D}.fields.commission_fen`)}：${formatFen(r.commission_fen)}`} />
        </Stack>
      </CardContent>
    </Card>
  );
};

const Tabs = () => {
  const translate = useTranslate();
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label={`${D}.tabs.shares`}>
        <ReferenceManyField reference="v_shares" target="distributor_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="shares" />}>
          <DataTable bulkActionButtons={false}>
            <DataTable.Col source="created_at" label={`${D}.share.created_at`} field={DateTimeField} />
            <DataTable.Col source="code" label={`${D}.share.code`} />
            <DataTable.Col source="channel" label={`${D}.share.channel`} render={(r) => translate(`${D}.channel.${r.channel}`, { _: r.channel })} />
            <DataTable.Col source="listing_title" label={`${D}.share.listing_title`} />
            <DataTable.Col source="merchant_name" label={`${D}.share.merchant_name`} />
            <DataTable.NumberCol source="click_count" label={`${D}.fields.click_count`} />
            <DataTable.NumberCol source="bound_customer_count" label={`${D}.fields.bound_customer_count`} />
            <DataTable.NumberCol source="reservation_count" label={`${D}.fields.reservation_count`} />
            <DataTable.NumberCol source="trade_count" label={`${D}.fields.trade_count`} />
            <DataTable.Col source="trade_amount_fen" label={`${D}.fields.trade_amount_fen`} field={MoneyField} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={`${D}.tabs.customers`} path="customers">
        <ReferenceManyField reference="v_customer_bindings" target="distributor_id" sort={{ field: 'bound_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="customers" />}>
          <DataTable bulkActionButtons={false}>
            <DataTable.Col source="member_nickname" label={`${D}.binding.member_nickname`} />
            <DataTable.Col source="merchant_name" label={`${D}.binding.merchant_name`} />
            <DataTable.Col source="share_code" label={`${D}.binding.share_code`} />
            <DataTable.Col source="bound_at" label={`${D}.binding.bound_at`} field={DateTimeField} />
            <DataTable.Col source="expires_at" label={`${D}.binding.expires_at`} field={DateTimeField} />
            <DataTable.Col source="is_active" label={`${D}.binding.is_active`} field={BooleanField} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={`${D}.tabs.trades`} path="trades">
        <ReferenceManyField reference="v_distribution_trades" target="distributor_id" sort={{ field: 'closed_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="trades" />}>
          <DataTable bulkActionButtons={false} rowClick={(id) => `/trades/${id}/show`}>
            <DataTable.Col source="closed_at" label={`${D}.trade.closed_at`} field={DateTimeField} />
            <DataTable.Col source="member_nickname" label={`${D}.trade.member_nickname`} />
            <DataTable.Col source="merchant_name" label={`${D}.trade.merchant_name`} />
            <DataTable.Col source="listing_title" label={`${D}.trade.listing_title`} />
            <DataTable.Col source="amount_fen" label={`${D}.trade.amount_fen`} field={MoneyField} />
            <DataTable.Col source="status" label={`${D}.trade.status`} render={(r) => translate(`resources.trades.status.${r.status}`, { _: r.status })} />
            <DataTable.Col source="commission_fen" label={`${D}.trade.commission_fen`} field={MoneyField} />
            <DataTable.Col
              source="commission_status"
              label={`${D}.trade.commission_status`}
              render={(r) => (r.commission_status ? translate(`resources.commissions.status.${r.commission_status}`, { _: r.commission_status }) : '—')}
            />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  );
};

export const DistributorShow = () => (
  <Show>
    <Header />
    <Tabs />
  </Show>
);

