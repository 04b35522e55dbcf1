import { Box, Card, CardContent, Divider, Grid, Stack, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  Link,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  useCanAccess,
  useCreatePath,
  useDataProvider,
  useGetList,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { formatDateTime } from '../common/datetime';
import { formatFen } from '../common/money';
import type { AppDataProvider } from '../providers/dataProvider';
import { ComplaintStateField } from '../complaints/ComplaintFields';
import { ReservationKindField, ReservationStateField } from '../reservations/ReservationFields';
import { TradeKindField, TradeStatusField } from '../trades/TradeFields';
import { uplineChain } from './api';
import { DownlineTree } from './DownlineTree';
import { RevealPiiField } from './RevealPiiField';
import { MemberActions, type MemberRecord } from './MemberActions';
import { LevelChip, MemberStatusChip } from '../common/memberFields';
import { SectionCard } from '../common/SectionCard';

const Empty = ({ what }: { what: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate(`resources.members.empty.${what}`)}
    </Typography>
  );
};

const UplineChain = ({ memberId }: { memberId: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data } = useQuery({
    queryKey: ['member_upline_chain', memberId],
    queryFn: () => uplineChain(dataProvider, memberId),
  });
  if (!data) return null;
  if (data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.members.upline.none')}
      </Typography>
    );
  }
  const chain = [...data].sort((a, b) => (a.depth ?? 0) - (b.depth ?? 0));
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="upline-chain">
      {chain.map((m, i) => (
        <Box key={m.id} component="span" sx={{ display: 'inline-flex', gap: 1 }}>
          {i > 0 ? <span>→</span> : null}
          <Link to={createPath({ resource: 'members', id: String(m.id), type: 'show' })}>{m.nickname}</Link>
        </Box>
      ))}
    </Stack>
  );
};

interface ActionRow {
  id: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  points_delta: number | null;
  reason_code: string | null;
  note: string | null;
  at: string;
}

const ActionLog = ({ memberId }: { memberId: string }) => {
  const translate = useTranslate();
  const { data, isPending } = useGetList<ActionRow>('member_actions', {
    filter: { member_id: memberId },
    sort: { field: 'at', order: 'DESC' },
    pagination: { page: 1, perPage: 50 },
  });
  if (!isPending && (data ?? []).length === 0) return <Empty what="actions" />;
  const describe = (a: ActionRow) => {
    if (a.action === 'points_adjust') return `${a.points_delta && a.points_delta > 0 ? '+' : ''}${a.points_delta}（${a.before?.points} → ${a.after?.points}）`;
    if (a.action === 'level_change')
      return `${translate(`resources.members.level.${a.before?.level}`)} → ${translate(`resources.members.level.${a.after?.level}`)}`;
    return '';
  };
  return (
    <Stack spacing={1} divider={<Divider flexItem />} data-testid="member-actions-log">
      {(data ?? []).map((a) => (
        <Box key={a.id}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate(`resources.members.action_names.${a.action}`, { _: a.action })} {describe(a)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {[a.reason_code ? translate(`resources.members.reasons.${a.reason_code}`, { _: a.reason_code }) : null, a.note].filter(Boolean).join('：')}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {formatDateTime(a.at)}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

const Overview = () => {
  const record = useRecordContext<MemberRecord & Record<string, unknown>>();
  const translate = useTranslate();
  if (!record) return null;
  const f = (k: string) => `resources.members.fields.${k}`;
  // "fake_reservation: note" → "恶意预约：note"
  const reasonText = (text: string) => {
    const [code, ...rest] = text.split(': ');
    const label = translate(`resources.members.reasons.${code}`, { _: code });
    return rest.length ? `${label}：${rest.join(': ')}` : label;
  };
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }} useFlexGap>
              <Typography variant="h6">{record.nickname}</Typography>
              <LevelChip level={record.level} />
              <MemberStatusChip status={record.status} />
            </Stack>
            <Box sx={{ mb: 2 }}>
              <MemberActions record={record} />
            </Box>
            <Grid container spacing={1}>
              {(['phone', 'real_name', 'id_number'] as const).map((k) => (
                <Grid key={k} size={{ xs: 6, sm: 4 }}>
                  <Labeled label={f(k)}>
                    <RevealPiiField source={k} />
                  </Labeled>
                </Grid>
              ))}
              {(['city_name', 'points', 'direct_downline_count'] as const).map((k) => (
                <Grid key={k} size={{ xs: 6, sm: 4 }}>
                  <Labeled label={f(k)}>
                    <TextField source={k} emptyText="—" />
                  </Labeled>
                </Grid>
              ))}
              <Grid size={{ xs: 6, sm: 4 }}>
                <Labeled label={f('registered_at')}>
                  <DateTimeField source="registered_at" />
                </Labeled>
              </Grid>
              <Grid size={{ xs: 6, sm: 4 }}>
                <Labeled label={f('has_promotion_rights')}>
                  <Typography variant="body2">
                    {record.has_promotion_rights
                      ? `${translate('ra.boolean.true')}（${formatDateTime(record.promotion_rights_at as string)}）`
                      : translate('ra.boolean.false')}
                  </Typography>
                </Labeled>
              </Grid>
              {record.status === 'banned' ? (
                <Grid size={{ xs: 12 }}>
                  <Labeled label={f('status_reason')}>
                    <Typography variant="body2" color="error">
                      {reasonText(String(record.status_reason ?? ''))}（{formatDateTime(record.banned_at as string)}）
                    </Typography>
                  </Labeled>
                </Grid>
              ) : null}
              {(['rental_reservation_count', 'used_purchase_reservation_count', 'new_purchase_reservation_count'] as const).map((k) => (
                <Grid key={k} size={{ xs: 4 }}>
                  <Labeled label={f(k)}>
                    <TextField source={k} />
                  </Labeled>
                </Grid>
              ))}
            </Grid>
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Stack spacing={2}>
          <SectionCard title="resources.members.sections.upline">
            <UplineChain memberId={record.id} />
          </SectionCard>
          <SectionCard title="resources.members.sections.actions_log">
            <ActionLog memberId={record.id} />
          </SectionCard>
        </Stack>
      </Grid>
    </Grid>
  );
};

const CommissionTotal = ({ memberId }: { memberId: string }) => {
  const translate = useTranslate();
  const { data } = useGetList<{ id: number; amount_fen: number; status: string }>('commissions', {
    filter: { beneficiary_id: memberId, 'status@neq': 'cancelled' },
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'created_at', order: 'DESC' },
  });
  if (!data || data.length === 0) return null;
  const total = data.reduce((s, c) => s + Number(c.amount_fen), 0);
  return (
    <Typography variant="subtitle2" sx={{ p: 1 }}>
      {translate('resources.members.commission_total')}：{formatFen(total)}
    </Typography>
  );
};

const MemberTabs = () => {
  const record = useRecordContext<MemberRecord>();
  const { canAccess: canPayments } = useCanAccess({ resource: 'payments', action: 'list' });
  const { canAccess: canCommissions } = useCanAccess({ resource: 'commissions', action: 'list' });
  const tr = useTranslate();
  const t = 'resources.members.tabs';
  const m = 'resources.members.money';
  if (!record) return null;
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label={`${t}.overview`}>
        <Overview />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={`${t}.reservations`} path="reservations">
        <ReferenceManyField reference="reservations" target="member_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="reservations" />}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="created_at" label="resources.reservations.fields.created_at" field={DateTimeField} />
            <DataTable.Col source="kind" label="resources.reservations.fields.kind" field={ReservationKindField} />
            <DataTable.Col source="state" label="resources.reservations.fields.state" field={ReservationStateField} />
            <DataTable.Col source="merchant_name" label="resources.reservations.fields.merchant_name" />
            <DataTable.Col source="listing_title" label="resources.reservations.fields.listing_title" />
            <DataTable.Col source="reserved_for" label="resources.reservations.fields.reserved_for" field={DateTimeField} />
            <DataTable.Col source="price_fen" label="resources.reservations.fields.price_fen" field={MoneyField} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={`${t}.trades`} path="trades">
        <ReferenceManyField reference="trades" target="member_id" sort={{ field: 'closed_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="trades" />}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="closed_at" label="resources.trades.fields.closed_at" field={DateTimeField} />
            <DataTable.Col source="kind" label="resources.trades.fields.kind" field={TradeKindField} />
            <DataTable.Col source="status" label="resources.trades.fields.status" field={TradeStatusField} />
            <DataTable.Col source="merchant_name" label="resources.trades.fields.merchant_name" />
            <DataTable.Col source="listing_title" label="resources.trades.fields.listing_title" />
            <DataTable.Col source="amount_fen" label="resources.trades.fields.amount_fen" field={MoneyField} />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label={`${t}.complaints`} path="complaints">
        <ReferenceManyField reference="complaints" target="member_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="complaints" />}>
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="created_at" label="resources.complaints.fields.created_at" field={DateTimeField} />
            <DataTable.Col source="title" label="resources.complaints.fields.title" />
            <DataTable.Col source="state" label="resources.complaints.fields.state" field={ComplaintStateField} />
            <DataTable.Col source="merchant_name" label="resources.complaints.fields.merchant_name" />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      {canPayments ? (
        <TabbedShowLayout.Tab label={`${t}.payments`} path="payments">
          <ReferenceManyField reference="payments" target="member_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="payments" />}>
            <DataTable bulkActionButtons={false}>
              <DataTable.Col source="created_at" label={`${m}.created_at`} field={DateTimeField} />
              <DataTable.Col source="payment_no" label={`${m}.payment_no`} />
              <DataTable.Col source="kind" label={`${m}.kind`} render={(r) => tr(`resources.payments.kind.${r.kind}`, { _: r.kind })} />
              <DataTable.Col source="channel" label={`${m}.channel`} render={(r) => tr(`resources.payments.channel.${r.channel}`, { _: r.channel })} />
              <DataTable.Col source="status" label={`${m}.status`} render={(r) => tr(`resources.payments.status.${r.status}`, { _: r.status })} />
              <DataTable.Col source="amount_fen" label={`${m}.amount_fen`} field={MoneyField} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      ) : null}
      {canCommissions ? (
        <TabbedShowLayout.Tab label={`${t}.commissions`} path="commissions">
          <CommissionTotal memberId={String(record.id)} />
          <ReferenceManyField reference="commissions" target="beneficiary_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty what="commissions" />}>
            <DataTable bulkActionButtons={false}>
              <DataTable.Col source="created_at" label={`${m}.created_at`} field={DateTimeField} />
              <DataTable.Col source="merchant_name" label={`${m}.merchant_name`} />
              <DataTable.Col source="base_amount_fen" label={`${m}.base_amount_fen`} field={MoneyField} />
              <DataTable.Col source="rate" label={`${m}.rate`} render={(r) => `${(Number(r.rate) * 100).toFixed(2)}%`} />
              <DataTable.Col source="amount_fen" label={`${m}.commission_fen`} field={MoneyField} />
              <DataTable.Col source="status" label={`${m}.status`} render={(r) => tr(`resources.commissions.status.${r.status}`, { _: r.status })} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      ) : null}
      <TabbedShowLayout.Tab label={`${t}.downline`} path="downline">
        <DownlineTree key={String(record.id)} memberId={String(record.id)} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  );
};

export const MemberShow = () => (
  <Show>
    <MemberTabs />
  </Show>
);
