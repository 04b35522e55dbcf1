// Complaint deadlines (R-CMP-2): first response, merchant reply and resolution. Computed on
// the client from the due times so the queue stays right between refreshes.

export type DeadlineStatus = 'none' | 'met' | 'late' | 'overdue' | 'due_soon' | 'pending';

/** How long before a deadline it is shown as "due soon". */
export const DUE_SOON_MS = 4 * 60 * 60 * 1000;

const OPEN_STATES = new Set(['submitted', 'accepted', 'awaiting_merchant', 'mediating', 'escalated']);

export function isOpenState(state: string | null | undefined): boolean {
  return !!state && OPEN_STATES.has(state);
}

function time(value: string | Date | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const t = value instanceof Date ? value.getTime() : new Date(value).getTime();
  return Number.isNaN(t) ? null : t;
}

/**
 * One deadline's status: done in time (met) or late; not done and past due (overdue), due
 * within `soonMs` (due_soon), or later (pending). `active` = false means nobody is waiting on
 * it any more (e.g. a dismissed complaint never needs a resolution).
 */
export function deadlineStatus(
  due: string | Date | null | undefined,
  doneAt: string | Date | null | undefined,
  now: Date,
  opts: { active?: boolean; soonMs?: number } = {},
): DeadlineStatus {
  const dueT = time(due);
  if (dueT === null) return 'none';
  const doneT = time(doneAt);
  if (doneT !== null) return doneT <= dueT ? 'met' : 'late';
  if (opts.active === false) return 'none';
  const left = dueT - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= (opts.soonMs ?? DUE_SOON_MS)) return 'due_soon';
  return 'pending';
}

export interface ComplaintDeadlines {
  state: string;
  first_response_due_at?: string | null;
  first_responded_at?: string | null;
  merchant_reply_due_at?: string | null;
  resolution_due_at?: string | null;
  resolved_at?: string | null;
  closed_at?: string | null;
}

export function firstResponseStatus(c: ComplaintDeadlines, now: Date): DeadlineStatus {
  return deadlineStatus(c.first_response_due_at, c.first_responded_at, now, { active: isOpenState(c.state) });
}

export function resolutionStatus(c: ComplaintDeadlines, now: Date): DeadlineStatus {
  // dismissed / withdrawn complaints end without a resolution: nothing to measure
  const done = c.resolved_at ?? (c.state === 'closed' ? c.closed_at : null);
  if (!done && !isOpenState(c.state)) return 'none';
  return deadlineStatus(c.resolution_due_at, done, now, { active: isOpenState(c.state) });
}

/** The merchant's reply deadline matters only while the complaint waits for it. */
export function merchantReplyStatus(c: ComplaintDeadlines, now: Date): DeadlineStatus {
  if (c.state !== 'awaiting_merchant') return 'none';
  return deadlineStatus(c.merchant_reply_due_at, null, now);
}

export type Urgency = 'overdue' | 'due_soon' | 'normal';

/** The row highlight of the queue: the worst of the open deadlines. */
export function complaintUrgency(c: ComplaintDeadlines, now: Date): Urgency {
  const all = [firstResponseStatus(c, now), resolutionStatus(c, now), merchantReplyStatus(c, now)];
  if (all.includes('overdue')) return 'overdue';
  if (all.includes('due_soon')) return 'due_soon';
  return 'normal';
}

/** Whole days, hours and minutes between now and the deadline (always positive) and its sign. */
export function timeLeft(due: string | Date, now: Date): { overdue: boolean; days: number; hours: number; minutes: number } {
  const diff = (time(due) ?? now.getTime()) - now.getTime();
  const abs = Math.abs(diff);
  const totalMinutes = Math.floor(abs / 60_000);
  return {
    overdue: diff < 0,
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/** "2天3小时" / "3h 5m": the two largest units, using the given unit words. */
export function formatDuration(
  left: { days: number; hours: number; minutes: number },
  units: { d: string; h: string; m: string },
): string {
  if (left.days > 0) return `${left.days}${units.d}${left.hours > 0 ? ` ${left.hours}${units.h}` : ''}`;
  if (left.hours > 0) return `${left.hours}${units.h}${left.minutes > 0 ? ` ${left.minutes}${units.m}` : ''}`;
  return `${left.minutes}${units.m}`;
}
