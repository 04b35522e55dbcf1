import { describe, expect, it } from 'vitest';
import { totalsFilter, unsupportedFilters } from '../../src/trades/totals';

describe('trade totals filter', () => {
  it('passes the list filter to trade_totals with its own names for the date range', () => {
    expect(
      totalsFilter({
        status: 'closed',
        merchant_id: 'm1',
        brand_id: 7,
        q: '宝马',
        'closed_at@gte': '2026-11-01T00:00:00+08:00',
        'closed_at@lte': '2026-11-30T23:59:59.999+08:00',
        city_code: '',
      }),
    ).toEqual({
      status: 'closed',
      merchant_id: 'm1',
      brand_id: '7',
      q: '宝马',
      closed_from: '2026-11-01T00:00:00+08:00',
      closed_to: '2026-11-30T23:59:59.999+08:00',
    });
    expect(totalsFilter()).toEqual({});
  });

  it('names the filters the totals cannot honour', () => {
    expect(unsupportedFilters({ status: 'closed', 'amount_fen@gte': 100 })).toEqual(['amount_fen@gte']);
  });
});
