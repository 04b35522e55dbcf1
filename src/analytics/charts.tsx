// Every chart of R-ANA-2: which RPC feeds it, what it draws, and what its CSV holds.
import type { ReactNode } from 'react';
import {
  Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer,
  Tooltip, XAxis, YAxis,
} from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import { useTheme } from '@mui/material';
import { ChartCard } from './ChartCard';
import type { ChartRow } from './api';
import { fenToYuanText, type CsvColumn } from './csv';
import { money, num, pct, shortYuan } from './format';
import type { AnalyticsFilter } from './range';

type T = ReturnType<typeof useTranslate>;
const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2', '#faad14', '#2f54eb', '#a0d911', '#f5222d'];

const sumBy = <R,>(rows: R[], f: (r: R) => number) => rows.reduce((a, r) => a + Number(f(r) ?? 0), 0);
const allZero = <R,>(f: (r: R) => number) => (rows: R[]) => sumBy(rows, f) === 0;

type GmvRow = ChartRow<'analytics_gmv'>;
type ResRow = ChartRow<'analytics_reservations'>;
type BrandRow = ChartRow<'analytics_top_brands'>;
type ModelRow = ChartRow<'analytics_top_models'>;
type HourRow = ChartRow<'analytics_trades_by_hour'>;
type MerchantRow = ChartRow<'analytics_top_merchants'>;
type TrendRow = ChartRow<'analytics_merchant_trend'>;
type GrowthRow = ChartRow<'analytics_member_growth'>;
type LevelRow = ChartRow<'analytics_member_levels'>;
type CityRow = ChartRow<'analytics_member_cities'>;
type CategoryRow = ChartRow<'analytics_complaints_by_category'>;
type ResolutionRow = ChartRow<'analytics_complaint_resolution'>;
type DistributorRow = ChartRow<'analytics_distributors'>;
type CommissionRow = ChartRow<'analytics_commission_daily'>;
type DomRow = ChartRow<'analytics_days_on_market'>;
type PaymentRow = ChartRow<'analytics_payments_by_kind'>;

const Frame = ({ children }: { children: ReactNode }) => (
  <ResponsiveContainer width="100%" height="100%">{children as never}</ResponsiveContainer>
);

function useAxis() {
  const [locale] = useLocaleState();
  const theme = useTheme();
  return {
    locale,
    tick: { fontSize: 11, fill: theme.palette.text.secondary },
    grid: theme.palette.divider,
    yuan: (v: number) => shortYuan(v, locale),
  };
}

export interface ChartProps { filter: AnalyticsFilter }

export const GmvChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<GmvRow>[] = [
    { header: t('analytics.col.day'), value: (r) => r.day },
    { header: t('analytics.col.trades'), value: (r) => r.trades },
    { header: t('analytics.col.gmv_yuan'), value: (r) => fenToYuanText(r.gmv_fen) },
  ];
  return (
    <ChartCard id="gmv" rpc="analytics_gmv" filter={filter} title={t('analytics.gmv.title')} subtitle={t('analytics.gmv.subtitle')}
      csv={csv} isEmpty={allZero((r) => r.trades)}>
      {(rows) => (
        <Frame>
          <ComposedChart data={rows} margin={{ left: 8, right: 8 }}>
            <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={a.tick} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis yAxisId="gmv" tick={a.tick} tickFormatter={a.yuan} width={70} />
            <YAxis yAxisId="n" orientation="right" tick={a.tick} width={40} allowDecimals={false} />
            <Tooltip formatter={(v, name) => [name === t('analytics.col.gmv') ? money(v) : num(v), name]} />
            <Legend />
            <Bar yAxisId="n" dataKey="trades" name={t('analytics.col.trades')} fill="#91caff" />
            <Line yAxisId="gmv" dataKey="gmv_fen" name={t('analytics.col.gmv')} stroke={PALETTE[0]} dot={false} strokeWidth={2} />
          </ComposedChart>
        </Frame>
      )}
    </ChartCard>
  );
};

export const ReservationsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<ResRow>[] = [
    { header: t('analytics.col.day'), value: (r) => r.day },
    { header: t('analytics.col.kind'), value: (r) => t(`analytics.reservation_kind.${r.kind}`) },
    { header: t('analytics.col.reservations'), value: (r) => r.total },
    { header: t('analytics.col.successful'), value: (r) => r.successful },
    { header: t('analytics.col.cancelled'), value: (r) => r.cancelled },
  ];
  return (
    <ChartCard id="reservations" rpc="analytics_reservations" filter={filter} title={t('analytics.reservations.title')}
      subtitle={t('analytics.reservations.subtitle')} csv={csv}>
      {(rows) => {
        const kinds = ['rental', 'used_purchase', 'new_purchase'].map((k) => {
          const of = rows.filter((r) => r.kind === k);
          const total = sumBy(of, (r) => r.total);
          const ok = sumBy(of, (r) => r.successful);
          return { kind: t(`analytics.reservation_kind.${k}`), total, successful: ok, rate: total ? Math.round((ok * 1000) / total) / 10 : 0 };
        });
        return (
          <Frame>
            <ComposedChart data={kinds}>
              <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
              <XAxis dataKey="kind" tick={a.tick} />
              <YAxis yAxisId="n" tick={a.tick} allowDecimals={false} />
              <YAxis yAxisId="rate" orientation="right" tick={a.tick} unit="%" domain={[0, 100]} />
              <Tooltip formatter={(v, name) => [name === t('analytics.col.success_rate') ? `${v}%` : num(v), name]} />
              <Legend />
              <Bar yAxisId="n" dataKey="total" name={t('analytics.col.reservations')} fill="#91caff" />
              <Bar yAxisId="n" dataKey="successful" name={t('analytics.col.successful')} fill={PALETTE[1]} />
              <Line yAxisId="rate" dataKey="rate" name={t('analytics.col.success_rate')} stroke={PALETTE[2]} strokeWidth={2} />
            </ComposedChart>
          </Frame>
        );
      }}
    </ChartCard>
  );
};

function HorizontalBars<R>({ rows, label, value, name, isMoney }: { rows: R[]; label: (r: R) => string; value: (r: R) => number; name: string; isMoney?: boolean }) {
  const a = useAxis();
  const data = rows.map((r) => ({ label: label(r), value: Number(value(r)) }));
  return (
    <Frame>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
        <XAxis type="number" tick={a.tick} tickFormatter={isMoney ? a.yuan : undefined} />
        <YAxis type="category" dataKey="label" tick={a.tick} width={120} interval={0} />
        <Tooltip formatter={(v) => [isMoney ? money(v) : num(v), name]} />
        <Bar dataKey="value" name={name} fill={PALETTE[0]} />
      </BarChart>
    </Frame>
  );
}

export const TopBrandsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const csv: CsvColumn<BrandRow>[] = [
    { header: t('analytics.col.brand'), value: (r) => r.brand_name },
    { header: t('analytics.col.trades'), value: (r) => r.trades },
    { header: t('analytics.col.gmv_yuan'), value: (r) => fenToYuanText(r.gmv_fen) },
  ];
  return (
    <ChartCard id="top_brands" rpc="analytics_top_brands" filter={filter} title={t('analytics.top_brands.title')}
      subtitle={t('analytics.top_brands.subtitle')} csv={csv}>
      {(rows) => <HorizontalBars rows={rows} label={(r) => r.brand_name ?? '—'} value={(r) => r.trades} name={t('analytics.col.trades')} />}
    </ChartCard>
  );
};

export const TopModelsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const csv: CsvColumn<ModelRow>[] = [
    { header: t('analytics.col.brand'), value: (r) => r.brand_name },
    { header: t('analytics.col.series'), value: (r) => r.series_name },
    { header: t('analytics.col.model'), value: (r) => r.model_name },
    { header: t('analytics.col.trades'), value: (r) => r.trades },
    { header: t('analytics.col.gmv_yuan'), value: (r) => fenToYuanText(r.gmv_fen) },
  ];
  return (
    <ChartCard id="top_models" rpc="analytics_top_models" filter={filter} title={t('analytics.top_models.title')}
      subtitle={t('analytics.top_models.subtitle')} csv={csv}>
      {(rows) => <HorizontalBars rows={rows} label={(r) => `${r.brand_name}${r.series_name} ${r.model_name}`.slice(0, 22)} value={(r) => r.trades} name={t('analytics.col.trades')} />}
    </ChartCard>
  );
};

export const TradesByHourChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<HourRow>[] = [
    { header: t('analytics.col.hour'), value: (r) => r.hour },
    { header: t('analytics.col.trades'), value: (r) => r.trades },
    { header: t('analytics.col.gmv_yuan'), value: (r) => fenToYuanText(r.gmv_fen) },
  ];
  return (
    <ChartCard id="trades_by_hour" rpc="analytics_trades_by_hour" filter={filter} title={t('analytics.by_hour.title')}
      subtitle={t('analytics.by_hour.subtitle')} csv={csv} isEmpty={allZero((r) => r.trades)}>
      {(rows) => (
        <Frame>
          <BarChart data={rows}>
            <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
            <XAxis dataKey="hour" tick={a.tick} tickFormatter={(h: number) => `${h}:00`} />
            <YAxis tick={a.tick} allowDecimals={false} />
            <Tooltip labelFormatter={(h) => `${h}:00–${h}:59`} formatter={(v) => [num(v), t('analytics.col.trades')]} />
            <Bar dataKey="trades" name={t('analytics.col.trades')} fill={PALETTE[4]} />
          </BarChart>
        </Frame>
      )}
    </ChartCard>
  );
};

export const TopMerchantsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const csv: CsvColumn<MerchantRow>[] = [
    { header: t('analytics.col.merchant'), value: (r) => r.merchant_name },
    { header: t('analytics.col.city'), value: (r) => r.city_name },
    { header: t('analytics.col.trades'), value: (r) => r.trades },
    { header: t('analytics.col.gmv_yuan'), value: (r) => fenToYuanText(r.gmv_fen) },
  ];
  return (
    <ChartCard id="top_merchants" rpc="analytics_top_merchants" filter={filter} title={t('analytics.top_merchants.title')}
      subtitle={t('analytics.top_merchants.subtitle')} csv={csv}>
      {(rows) => <HorizontalBars rows={rows} label={(r) => r.merchant_name} value={(r) => r.gmv_fen} name={t('analytics.col.gmv')} isMoney />}
    </ChartCard>
  );
};

export const MerchantTrendChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<TrendRow>[] = [
    { header: t('analytics.col.week'), value: (r) => r.week },
    { header: t('analytics.col.merchant'), value: (r) => r.merchant_name },
    { header: t('analytics.col.trades'), value: (r) => r.trades },
    { header: t('analytics.col.gmv_yuan'), value: (r) => fenToYuanText(r.gmv_fen) },
  ];
  return (
    <ChartCard id="merchant_trend" rpc="analytics_merchant_trend" filter={filter} title={t('analytics.merchant_trend.title')}
      subtitle={t('analytics.merchant_trend.subtitle')} csv={csv} isEmpty={allZero((r) => r.trades)}>
      {(rows) => {
        const names = [...new Map(rows.map((r) => [r.merchant_id, r.merchant_name])).entries()];
        const weeks = [...new Set(rows.map((r) => r.week))];
        const data = weeks.map((w) => Object.fromEntries([['week', w], ...rows.filter((r) => r.week === w).map((r) => [r.merchant_id, Number(r.gmv_fen)])]));
        return (
          <Frame>
            <LineChart data={data}>
              <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
              <XAxis dataKey="week" tick={a.tick} tickFormatter={(d: string) => d.slice(5)} />
              <YAxis tick={a.tick} tickFormatter={a.yuan} width={70} />
              <Tooltip formatter={(v, name) => [money(v), name]} />
              <Legend />
              {names.map(([id, name], i) => (
                <Line key={id} dataKey={id} name={name} stroke={PALETTE[i % PALETTE.length]} dot={false} strokeWidth={2} />
              ))}
            </LineChart>
          </Frame>
        );
      }}
    </ChartCard>
  );
};

export const MemberGrowthChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<GrowthRow>[] = [
    { header: t('analytics.col.day'), value: (r) => r.day },
    { header: t('analytics.col.new_members'), value: (r) => r.new_members },
    { header: t('analytics.col.total_members'), value: (r) => r.total_members },
  ];
  return (
    <ChartCard id="member_growth" rpc="analytics_member_growth" filter={filter} title={t('analytics.member_growth.title')}
      subtitle={t('analytics.member_growth.subtitle')} csv={csv} isEmpty={allZero((r) => r.total_members)}>
      {(rows) => (
        <Frame>
          <ComposedChart data={rows}>
            <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={a.tick} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis yAxisId="new" tick={a.tick} allowDecimals={false} />
            <YAxis yAxisId="total" orientation="right" tick={a.tick} width={60} />
            <Tooltip formatter={(v, name) => [num(v), name]} />
            <Legend />
            <Bar yAxisId="new" dataKey="new_members" name={t('analytics.col.new_members')} fill="#95de64" />
            <Line yAxisId="total" dataKey="total_members" name={t('analytics.col.total_members')} stroke={PALETTE[0]} dot={false} strokeWidth={2} />
          </ComposedChart>
        </Frame>
      )}
    </ChartCard>
  );
};

export const MemberLevelsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const csv: CsvColumn<LevelRow>[] = [
    { header: t('analytics.col.level'), value: (r) => t(`analytics.member_level.${r.level}`) },
    { header: t('analytics.col.members'), value: (r) => r.members },
  ];
  return (
    <ChartCard id="member_levels" rpc="analytics_member_levels" filter={filter} title={t('analytics.member_levels.title')}
      subtitle={t('analytics.member_levels.subtitle')} csv={csv} isEmpty={allZero((r) => r.members)}>
      {(rows) => {
        const total = sumBy(rows, (r) => r.members);
        const data = rows.map((r) => ({ name: t(`analytics.member_level.${r.level}`), value: Number(r.members) }));
        return (
          <Frame>
            <PieChart>
              <Tooltip formatter={(v, name) => [`${num(v)}（${pct(Number(v), total)}）`, name]} />
              <Legend />
              <Pie data={data} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="75%" isAnimationActive={false}>
                {data.map((d, i) => <Cell key={d.name} fill={PALETTE[i % PALETTE.length]} />)}
              </Pie>
            </PieChart>
          </Frame>
        );
      }}
    </ChartCard>
  );
};

export const MemberCitiesChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const csv: CsvColumn<CityRow>[] = [
    { header: t('analytics.col.city'), value: (r) => r.city_name ?? r.city_code },
    { header: t('analytics.col.city_code'), value: (r) => r.city_code },
    { header: t('analytics.col.members'), value: (r) => r.members },
  ];
  return (
    <ChartCard id="member_cities" rpc="analytics_member_cities" filter={filter} title={t('analytics.member_cities.title')}
      subtitle={t('analytics.member_cities.subtitle')} csv={csv}>
      {(rows) => <HorizontalBars rows={rows} label={(r) => r.city_name ?? r.city_code} value={(r) => r.members} name={t('analytics.col.new_members')} />}
    </ChartCard>
  );
};

export const ComplaintsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<CategoryRow>[] = [
    { header: t('analytics.col.category'), value: (r) => t(`analytics.complaint_category.${r.category}`) },
    { header: t('analytics.col.complaints'), value: (r) => r.total },
    { header: t('analytics.col.open'), value: (r) => r.open },
    { header: t('analytics.col.resolved'), value: (r) => r.resolved },
    { header: t('analytics.col.upheld'), value: (r) => r.upheld },
  ];
  return (
    <ChartCard id="complaints" rpc="analytics_complaints_by_category" filter={filter} title={t('analytics.complaints.title')}
      subtitle={t('analytics.complaints.subtitle')} csv={csv} isEmpty={allZero((r) => r.total)}>
      {(rows) => {
        const data = rows.map((r) => ({ ...r, label: t(`analytics.complaint_category.${r.category}`), other: Number(r.total) - Number(r.open) - Number(r.resolved) }));
        return (
          <Frame>
            <BarChart data={data}>
              <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={a.tick} />
              <YAxis tick={a.tick} allowDecimals={false} />
              <Tooltip formatter={(v, name) => [num(v), name]} />
              <Legend />
              <Bar dataKey="open" stackId="c" name={t('analytics.col.open')} fill={PALETTE[2]} />
              <Bar dataKey="resolved" stackId="c" name={t('analytics.col.resolved')} fill={PALETTE[1]} />
              <Bar dataKey="other" stackId="c" name={t('analytics.col.closed_other')} fill="#bfbfbf" />
            </BarChart>
          </Frame>
        );
      }}
    </ChartCard>
  );
};

export const ResolutionChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<ResolutionRow>[] = [
    { header: t('analytics.col.category'), value: (r) => t(`analytics.complaint_category.${r.category}`) },
    { header: t('analytics.col.resolved'), value: (r) => r.resolved },
    { header: t('analytics.col.avg_hours'), value: (r) => r.avg_hours },
    { header: t('analytics.col.median_hours'), value: (r) => r.median_hours },
    { header: t('analytics.col.p90_hours'), value: (r) => r.p90_hours },
    { header: t('analytics.col.late'), value: (r) => r.late },
  ];
  return (
    <ChartCard id="resolution" rpc="analytics_complaint_resolution" filter={filter} title={t('analytics.resolution.title')}
      subtitle={t('analytics.resolution.subtitle')} csv={csv} isEmpty={allZero((r) => r.resolved)}>
      {(rows) => {
        const data = rows.map((r) => ({ ...r, label: t(`analytics.complaint_category.${r.category}`) }));
        return (
          <Frame>
            <BarChart data={data}>
              <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={a.tick} />
              <YAxis tick={a.tick} unit="h" />
              <Tooltip formatter={(v, name) => [v === null ? '—' : `${v} h`, name]} />
              <Legend />
              <Bar dataKey="median_hours" name={t('analytics.col.median_hours')} fill={PALETTE[0]} />
              <Bar dataKey="avg_hours" name={t('analytics.col.avg_hours')} fill={PALETTE[5]} />
              <Bar dataKey="p90_hours" name={t('analytics.col.p90_hours')} fill={PALETTE[3]} />
            </BarChart>
          </Frame>
        );
      }}
    </ChartCard>
  );
};

export const DistributorsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<DistributorRow>[] = [
    { header: t('analytics.col.distributor'), value: (r) => r.nickname },
    { header: t('analytics.col.reservations'), value: (r) => r.reservations },
    { header: t('analytics.col.trades'), value: (r) => r.trades },
    { header: t('analytics.col.gmv_yuan'), value: (r) => fenToYuanText(r.gmv_fen) },
    { header: t('analytics.col.commission_yuan'), value: (r) => fenToYuanText(r.commission_fen) },
  ];
  return (
    <ChartCard id="distributors" rpc="analytics_distributors" filter={filter} title={t('analytics.distributors.title')}
      subtitle={t('analytics.distributors.subtitle')} csv={csv}>
      {(rows) => (
        <Frame>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
            <XAxis type="number" tick={a.tick} tickFormatter={a.yuan} />
            <YAxis type="category" dataKey="nickname" tick={a.tick} width={80} interval={0} />
            <Tooltip formatter={(v, name) => [money(v), name]} />
            <Legend />
            <Bar dataKey="commission_fen" name={t('analytics.col.commission')} fill={PALETTE[2]} />
          </BarChart>
        </Frame>
      )}
    </ChartCard>
  );
};

export const CommissionChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<CommissionRow>[] = [
    { header: t('analytics.col.day'), value: (r) => r.day },
    { header: t('analytics.col.commission_yuan'), value: (r) => fenToYuanText(r.commission_fen) },
    { header: t('analytics.col.records'), value: (r) => r.records },
  ];
  return (
    <ChartCard id="commission" rpc="analytics_commission_daily" filter={filter} title={t('analytics.commission.title')}
      subtitle={t('analytics.commission.subtitle')} csv={csv} isEmpty={allZero((r) => r.records)}>
      {(rows) => (
        <Frame>
          <LineChart data={rows}>
            <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={a.tick} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis tick={a.tick} tickFormatter={a.yuan} width={70} />
            <Tooltip formatter={(v) => [money(v), t('analytics.col.commission')]} />
            <Line dataKey="commission_fen" name={t('analytics.col.commission')} stroke={PALETTE[2]} dot={false} strokeWidth={2} />
          </LineChart>
        </Frame>
      )}
    </ChartCard>
  );
};

export const DaysOnMarketChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<DomRow>[] = [
    { header: t('analytics.col.listing_kind'), value: (r) => t(`analytics.listing_kind.${r.kind}`) },
    { header: t('analytics.col.days_bucket'), value: (r) => r.bucket },
    { header: t('analytics.col.sold'), value: (r) => r.listings },
    { header: t('analytics.col.avg_days'), value: (r) => r.avg_days },
  ];
  return (
    <ChartCard id="days_on_market" rpc="analytics_days_on_market" filter={filter} title={t('analytics.days_on_market.title')}
      subtitle={t('analytics.days_on_market.subtitle')} csv={csv} isEmpty={allZero((r) => r.listings)}>
      {(rows) => {
        const kinds = [...new Set(rows.map((r) => r.kind))];
        const buckets = [...new Map(rows.map((r) => [r.bucket_order, r.bucket])).entries()].sort((x, y) => x[0] - y[0]);
        const data = buckets.map(([order, bucket]) => Object.fromEntries([
          ['bucket', t('analytics.days_label', { bucket })],
          ...kinds.map((k) => [k, Number(rows.find((r) => r.kind === k && r.bucket_order === order)?.listings ?? 0)]),
        ]));
        return (
          <Frame>
            <BarChart data={data}>
              <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
              <XAxis dataKey="bucket" tick={a.tick} />
              <YAxis tick={a.tick} allowDecimals={false} />
              <Tooltip formatter={(v, name) => [num(v), name]} />
              <Legend />
              {kinds.map((k, i) => <Bar key={k} dataKey={k} name={t(`analytics.listing_kind.${k}`)} fill={PALETTE[i]} />)}
            </BarChart>
          </Frame>
        );
      }}
    </ChartCard>
  );
};

export const PaymentsChart = ({ filter }: ChartProps) => {
  const t = useTranslate();
  const a = useAxis();
  const csv: CsvColumn<PaymentRow>[] = [
    { header: t('analytics.col.payment_kind'), value: (r) => t(`analytics.payment_kind.${r.kind}`) },
    { header: t('analytics.col.channel'), value: (r) => t(`analytics.payment_channel.${r.channel}`) },
    { header: t('analytics.col.payments'), value: (r) => r.payments },
    { header: t('analytics.col.amount_yuan'), value: (r) => fenToYuanText(r.amount_fen) },
    { header: t('analytics.col.refunded'), value: (r) => r.refunded },
    { header: t('analytics.col.refunded_yuan'), value: (r) => fenToYuanText(r.refunded_fen) },
  ];
  return (
    <ChartCard id="payments" rpc="analytics_payments_by_kind" filter={filter} title={t('analytics.payments.title')}
      subtitle={t('analytics.payments.subtitle')} csv={csv}>
      {(rows) => {
        const channels = [...new Set(rows.map((r) => r.channel))];
        const kinds = [...new Set(rows.map((r) => r.kind))];
        const data = kinds.map((k) => Object.fromEntries([
          ['kind', t(`analytics.payment_kind.${k}`)],
          ...channels.map((c) => [c, Number(rows.find((r) => r.kind === k && r.channel === c)?.amount_fen ?? 0)]),
        ]));
        return (
          <Frame>
            <BarChart data={data}>
              <CartesianGrid stroke={a.grid} strokeDasharray="3 3" />
              <XAxis dataKey="kind" tick={a.tick} />
              <YAxis tick={a.tick} tickFormatter={a.yuan} width={70} />
              <Tooltip formatter={(v, name) => [money(v), name]} />
              <Legend />
              {channels.map((c, i) => <Bar key={c} dataKey={c} stackId="p" name={t(`analytics.payment_channel.${c}`)} fill={PALETTE[i]} />)}
            </BarChart>
          </Frame>
        );
      }}
    </ChartCard>
  );
};

export const CHARTS = [
  GmvChart, ReservationsChart, TopBrandsChart, TopModelsChart, TradesByHourChart, TopMerchantsChart, MerchantTrendChart,
  MemberGrowthChart, MemberLevelsChart, MemberCitiesChart, ComplaintsChart, ResolutionChart, DistributorsChart,
  CommissionChart, DaysOnMarketChart, PaymentsChart,
];

export type { T };
