import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from '../../src/common/money';

describe('formatFen', () => {
  it('shows integer fen as yuan with two decimals and thousands separators', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(100000000)).toBe('¥1,000,000.00');
    expect(formatFen(-1230)).toBe('-¥12.30');
  });
  it('accepts bigint and numeric strings without float error', () => {
    expect(formatFen(9007199254740993n)).toBe('¥90,071,992,547,409.93');
    expect(formatFen('199999')).toBe('¥1,999.99');
    expect(formatFen(' -7 ')).toBe('-¥0.07');
  });
  it('is empty for missing or invalid values', () => {
    expect(formatFen(null)).toBe('');
    expect(formatFen(undefined)).toBe('');
    expect(formatFen('12.5')).toBe('');
    expect(formatFen(Number.NaN)).toBe('');
  });
  it('can leave out the symbol', () => {
    expect(formatFen(250, { symbol: false })).toBe('2.50');
  });
});

describe('parseYuan', () => {
  it('turns yuan text into fen', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('¥1,234.5')).toBe(123450);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('-3.10')).toBe(-310);
  });
  it('refuses more than two decimals and garbage', () => {
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });
});
