// The analytics filters: a date range of Shanghai calendar days and a region.
import { formatDate } from '../common/datetime';
import type { ChartArgs } from './api';

export interface AnalyticsFilter {
  from: string;
  to: string;
  /** city code, province code, or '' for every region the user may see */
  city: string;
}

export const DEFAULT_DAYS = 90;

/** "YYYY-MM-DD" of today minus n days, in Asia/Shanghai. */
export function shanghaiDay(offsetDays = 0, now: Date = new Date()): string {
  return formatDate(new Date(now.getTime() - offsetDays * 86_400_000));
}

export function defaultFilter(now: Date = new Date()): AnalyticsFilter {
  return { from: shanghaiDay(DEFAULT_DAYS - 1, now), to: shanghaiDay(0, now), city: '' };
}

export function presetFilter(days: number, city: string, now: Date = new Date()): AnalyticsFilter {
  return { from: shanghaiDay(days - 1, now), to: shanghaiDay(0, now), city };
}

/** The arguments of every chart function (left out = every day, every region). */
export function rpcParams(f: AnalyticsFilter): ChartArgs {
  return { p_from: f.from || undefined, p_to: f.to || undefined, p_city: f.city || undefined };
}

export function isValidRange(f: AnalyticsFilter): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(f.from) && /^\d{4}-\d{2}-\d{2}$/.test(f.to) && f.from <= f.to;
}
