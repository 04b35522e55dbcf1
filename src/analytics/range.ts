// The analytics filters: a date range of Shanghai calendar days and a region.
import { beijingDay } from '../common/datetime';

export interface AnalyticsFilter {
  from: string;
  to: string;
  /** city code, province code, or '' for every region the user may see */
  city: string;
}

export const DEFAULT_DAYS = 90;


export function defaultFilter(now: Date = new Date()): AnalyticsFilter {
  return { from: beijingDay(1 - DEFAULT_DAYS, now), to: beijingDay(0, now), city: '' };
}

export function presetFilter(days: number, city: string, now: Date = new Date()): AnalyticsFilter {
  return { from: beijingDay(1 - days, now), to: beijingDay(0, now), city };
}

export function isValidRange(f: AnalyticsFilter): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(f.from) && /^\d{4}-\d{2}-\d{2}$/.test(f.to) && f.from <= f.to;
}
