import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, shanghaiDayBound } from '../../src/common/datetime';

describe('datetime in Asia/Shanghai', () => {
  it('renders UTC instants in Beijing time whatever the machine zone', () => {
    expect(formatDateTime('2026-11-21T16:00:00Z')).toBe('2026-11-22 00:00');
    expect(formatDateTime('2026-11-21T16:00:07.5Z', { seconds: true })).toBe('2026-11-22 00:00:07');
    expect(formatDateTime('2026-01-01T08:30:00+08:00')).toBe('2026-01-01 08:30');
    expect(formatDate('2026-12-31T17:00:00Z')).toBe('2027-01-01');
    expect(formatDateTime(new Date(Date.UTC(2026, 5, 1, 23, 59)))).toBe('2026-06-02 07:59');
  });
  it('is empty for missing or invalid input', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
  it('gives the bounds of a Beijing calendar day for filters', () => {
    expect(new Date(shanghaiDayBound('2026-11-22', 'start')).toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(new Date(shanghaiDayBound('2026-11-22', 'end')).toISOString()).toBe('2026-11-22T15:59:59.999Z');
  });
});
