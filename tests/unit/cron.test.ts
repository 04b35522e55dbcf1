// The local timer's cron matcher (scripts/local-stack/cron.ts) reads schedules as pg_cron does.
import { describe, expect, it } from 'vitest';
import { parseCron } from '../../scripts/local-stack/cron.ts';

const at = (iso: string) => new Date(iso);

describe('parseCron', () => {
  it('every minute', () => {
    expect(parseCron('* * * * *').matches(at('2026-12-02T03:04:00Z'))).toBe(true);
  });
  it('a daily time in UTC', () => {
    const c = parseCron('10 17 * * *');
    expect(c.matches(at('2026-12-02T17:10:00Z'))).toBe(true);
    expect(c.matches(at('2026-12-02T17:11:00Z'))).toBe(false);
    expect(c.matches(at('2026-12-02T16:10:00Z'))).toBe(false);
  });
  it('lists, ranges and steps', () => {
    const c = parseCron('*/15 8-10,20 * * 1-5');
    expect(c.matches(at('2026-12-02T08:45:00Z'))).toBe(true); // a Wednesday
    expect(c.matches(at('2026-12-02T08:50:00Z'))).toBe(false);
    expect(c.matches(at('2026-12-02T20:00:00Z'))).toBe(true);
    expect(c.matches(at('2026-12-06T08:45:00Z'))).toBe(false); // Sunday
  });
  it('day of month or day of week when both are given; 7 is Sunday', () => {
    const c = parseCron('0 0 1 * 7');
    expect(c.matches(at('2026-12-01T00:00:00Z'))).toBe(true); // the 1st, a Tuesday
    expect(c.matches(at('2026-12-06T00:00:00Z'))).toBe(true); // a Sunday
    expect(c.matches(at('2026-12-02T00:00:00Z'))).toBe(false);
  });
  it('refuses what pg_cron would refuse', () => {
    expect(() => parseCron('* * * *')).toThrow();
    expect(() => parseCron('60 * * * *')).toThrow();
    expect(() => parseCron('a * * * *')).toThrow();
  });
});
