// Ranking, analytics and dashboard: message parity, CSV export, filters, figure links and
// the breakdown view rendering a known breakdown.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import * as ranking from '../../src/ranking/messages';
import * as analytics from '../../src/analytics/messages';
import * as dashboard from '../../src/dashboard/messages';
import { i18nProvider } from '../../src/i18n/i18nProvider';
import { fenToYuanText, toCsv } from '../../src/analytics/csv';
import { defaultFilter, isValidRange } from '../../src/analytics/range';
import { chartArgs } from '../../src/analytics/api';
import { shortYuan } from '../../src/analytics/format';
import { figuresFor, listUrl, FIGURES, type DashboardSummary } from '../../src/dashboard/figures';
import { validateRule, type Breakdown, type RankingRule } from '../../src/ranking/types';
import { BreakdownView } from '../../src/ranking/RankingBreakdown';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('messages', () => {
  it.each([['ranking', ranking], ['analytics', analytics], ['dashboard', dashboard]])('%s has the same keys in zh and en', (_n, m) => {
    expect(keys(m.zh).sort()).toEqual(keys(m.en).sort());
  });
  it('names every figure and chart filter in both languages', () => {
    for (const f of FIGURES) {
      expect(keys(dashboard.zh)).toContain(`dashboard.figures.${f.key}`);
    }
  });
});

describe('analytics helpers', () => {
  it('exports the rows a chart draws as CSV with a BOM, yuan as plain numbers', () => {
    const csv = toCsv([{ day: '2026-11-01', gmv: 123456, n: 2 }, { day: '2026-11-02', gmv: -5, n: null }], [
      { header: '日期', value: (r) => r.day },
      { header: '成交额（元）', value: (r) => fenToYuanText(r.gmv) },
      { header: '笔数', value: (r) => r.n },
    ]);
    expect(csv).toBe('\uFEFF日期,成交额（元）,笔数\r\n2026-11-01,1234.56,2\r\n2026-11-02,-0.05,');
  });
  it('defaults to the last 90 Shanghai days, all cities', () => {
    const f = defaultFilter(new Date('2026-11-21T17:00:00Z')); // 01:00 on the 22nd in Beijing
    expect(f).toEqual({ from: '2026-08-25', to: '2026-11-22', city: '' });
    expect(chartArgs(f)).toStrictEqual({ p_from: '2026-08-25', p_to: '2026-11-22', p_city: undefined });
    expect(isValidRange({ ...f, from: '2026-12-01' })).toBe(false);
  });
  it('shortens axis amounts', () => {
    expect(shortYuan(123456789, 'zh-CN')).toBe('¥123.5万');
    expect(shortYuan(12345678900, 'zh-CN')).toBe('¥1.2亿');
    expect(shortYuan(250000000, 'en')).toBe('¥2.5M');
  });
});

describe('dashboard figures', () => {
  it('gives each role the figures it acts on', () => {
    expect(figuresFor('reviewer').map((f) => f.key)).toEqual(['pending_merchant_reviews', 'pending_listing_reviews']);
    expect(figuresFor('customer_service').map((f) => f.key)).toEqual(['open_complaints', 'overdue_complaints', 'new_members_today', 'new_members_month']);
    expect(figuresFor('finance').map((f) => f.key)).toEqual(['pending_withdrawals', 'gmv_today', 'gmv_month']);
    expect(figuresFor('analyst')).toHaveLength(FIGURES.length);
  });
  it('links to react-admin list URLs with a filter JSON', () => {
    const s = { day_start: '2026-11-21T16:00:00+00:00' } as DashboardSummary;
    const gmv = FIGURES.find((f) => f.key === 'gmv_today')!;
    const url = listUrl(gmv.resource, gmv.filter(s));
    expect(url.startsWith('/trades?filter=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(url.split('?')[1]).get('filter')!)).toEqual({ status: 'closed', 'closed_at@gte': s.day_start });
  });
});

describe('ranking', () => {
  const rule = {
    id: 1, version: 1, name: 'v1', w_product_updates: 0.2, w_update_frequency: 0.1, w_rating: 0.3, w_complaints: -0.2,
    w_reservations: 0.2, w_success_rate: 0.2, w_penalties: -1, level_thresholds: [20, 40, 60, 80], window_days: 30,
    cap_product_updates: 10, cap_complaints: 5, cap_reservations: 10, active: true, note: null, reason: null, created_at: '',
  } as RankingRule;
  it('validates a rule before publishing', () => {
    expect(validateRule(rule)).toEqual([]);
    expect(validateRule({ ...rule, level_thresholds: [50, 40, 60, 80], window_days: 0, w_rating: 500 })).toEqual(
      ['thresholds', 'window_days', 'w_rating'],
    );
  });
  it('renders a breakdown term by term with the total and penalties', async () => {
    const data: Breakdown = {
      merchant_id: 'm', merchant_name: '甲车行', city_code: '990100', city_name: '测试一市', score: 27, level: 2, rank_in_city: 3,
      city_ranked_count: 3, computed_at: '2026-11-22T00:00:00Z',
      rule: { id: 1, version: 7, name: 'v7', level_thresholds: [20, 40, 60, 80], window_days: 30, active: true },
      terms: [
        { key: 'rating', value: 4.5, normalized: 90, weight: 0.3, points: 27 },
        { key: 'penalties', value: 30, count: 1, normalized: 30, weight: -1, points: -30 },
        { key: 'success_rate', value: 75, successful: 3, total: 4, normalized: 75, weight: 0.4, points: 30 },
      ],
      penalties: [{ id: 'p', size: 30, reason: '投诉成立', expires_at: '2026-12-01T00:00:00Z', complaint_id: null }],
      history: [],
    };
    render(<AdminContext i18nProvider={i18nProvider}><BreakdownView data={data} /></AdminContext>);
    expect(await screen.findByText('服务评分')).toBeTruthy();
    expect(screen.getByTestId('ranking-score').textContent).toBe('27.00');
    expect(screen.getByText('第 3 名 / 共 3 家 · 测试一市')).toBeTruthy();
    expect(screen.getByText('-30.00')).toBeTruthy();
    expect(screen.getByText('75.00% (3/4)')).toBeTruthy();
    expect(screen.getByText(/降权 30 分/)).toBeTruthy();
  });
});
