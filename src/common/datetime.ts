// Every time on screen is Beijing time, whatever the browser's own zone is:
// staff in different places must see the same timestamps as the audit log and reports.

export const APP_TIME_ZONE = 'Asia/Shanghai';

const withSeconds = new Intl.DateTimeFormat('en-CA', {
  timeZone: APP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of withSeconds.formatToParts(value)) out[p.type] = p.value;
  return out;
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-22 00:00" (or with ":ss") in Asia/Shanghai; "" for empty or invalid input. */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  opts: { seconds?: boolean } = {},
): string {
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d);
  const time = `${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ''}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** "2026-11-22" in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return '';
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant a Beijing calendar day starts or ends, as ISO text for a PostgREST filter. */
export function shanghaiDayBound(day: string, bound: 'start' | 'end'): string {
  return bound === 'start' ? `${day}T00:00:00+08:00` : `${day}T23:59:59.999+08:00`;
}

/** Today in Beijing shifted by `days` ("YYYY-MM-DD"; -1 = yesterday). */
export function beijingDay(days = 0, now: number | Date = Date.now()): string {
  return formatDate(new Date(Number(now) + days * 86_400_000));
}
