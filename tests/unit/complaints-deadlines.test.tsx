import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import {
  complaintUrgency,
  deadlineStatus,
  firstResponseStatus,
  formatDuration,
  merchantReplyStatus,
  resolutionStatus,
  timeLeft,
} from '../../src/complaints/deadlines';
import { DeadlineText } from '../../src/complaints/ComplaintFields';
import { bubbleAlign, bubbleKind } from '../../src/complaints/threadStyle';
import { i18nProvider } from '../../src/i18n/i18nProvider';

const NOW = new Date('2026-11-22T10:00:00+08:00');
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * 3_600_000).toISOString();

describe('deadlineStatus', () => {
  it('is overdue past the due time, due soon within 4 hours, pending before', () => {
    expect(deadlineStatus(at(-1), null, NOW)).toBe('overdue');
    expect(deadlineStatus(at(3), null, NOW)).toBe('due_soon');
    expect(deadlineStatus(at(5), null, NOW)).toBe('pending');
    expect(deadlineStatus(at(1), null, NOW, { soonMs: 30 * 60_000 })).toBe('pending');
  });

  it('is met or late once done, whatever the time now', () => {
    expect(deadlineStatus(at(-10), at(-12), NOW)).toBe('met');
    expect(deadlineStatus(at(-10), at(-2), NOW)).toBe('late');
  });

  it('is none without a due time, or when nobody waits for it any more', () => {
    expect(deadlineStatus(null, null, NOW)).toBe('none');
    expect(deadlineStatus(at(-5), null, NOW, { active: false })).toBe('none');
  });
});

describe('complaint deadlines', () => {
  const base = { first_response_due_at: at(-2), resolution_due_at: at(48) };

  it('flags an unanswered open complaint past its first-response deadline', () => {
    const c = { ...base, state: 'submitted', first_responded_at: null };
    expect(firstResponseStatus(c, NOW)).toBe('overdue');
    expect(resolutionStatus(c, NOW)).toBe('pending');
    expect(complaintUrgency(c, NOW)).toBe('overdue');
  });

  it('does not flag a first response given in time, nor a closed complaint', () => {
    const answered = { ...base, state: 'accepted', first_responded_at: at(-3) };
    expect(firstResponseStatus(answered, NOW)).toBe('met');
    expect(complaintUrgency(answered, NOW)).toBe('normal');
    const dismissed = { ...base, state: 'dismissed', first_responded_at: null, resolution_due_at: at(-1) };
    expect(firstResponseStatus(dismissed, NOW)).toBe('none');
    expect(resolutionStatus(dismissed, NOW)).toBe('none');
    expect(complaintUrgency(dismissed, NOW)).toBe('normal');
  });

  it('measures the resolution by resolved_at (or closed_at for a closed complaint)', () => {
    expect(resolutionStatus({ ...base, state: 'resolved', resolved_at: at(-1) }, NOW)).toBe('met');
    expect(resolutionStatus({ ...base, resolution_due_at: at(-5), state: 'closed', closed_at: at(-1) }, NOW)).toBe('late');
    expect(resolutionStatus({ ...base, resolution_due_at: at(-5), state: 'escalated' }, NOW)).toBe('overdue');
  });

  it('counts the merchant reply deadline only while the complaint awaits the merchant', () => {
    const c = { ...base, first_responded_at: at(-10), merchant_reply_due_at: at(2) };
    expect(merchantReplyStatus({ ...c, state: 'awaiting_merchant' }, NOW)).toBe('due_soon');
    expect(complaintUrgency({ ...c, state: 'awaiting_merchant' }, NOW)).toBe('due_soon');
    expect(merchantReplyStatus({ ...c, state: 'mediating' }, NOW)).toBe('none');
  });

  it('spells out the time left or over in the two largest units', () => {
    const units = { d: '天', h: '小时', m: '分钟' };
    expect(formatDuration(timeLeft(at(-26.5), NOW), units)).toBe('1天 2小时');
    expect(timeLeft(at(-26.5), NOW).overdue).toBe(true);
    expect(formatDuration(timeLeft(at(3.25), NOW), units)).toBe('3小时 15分钟');
    expect(formatDuration(timeLeft(at(0.5), NOW), units)).toBe('30分钟');
    expect(formatDuration(timeLeft(at(48), NOW), units)).toBe('2天');
  });

  it('renders an overdue deadline in Beijing time with how long it is overdue', async () => {
    const due = new Date(Date.now() - 26 * 3_600_000 - 60_000).toISOString();
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <DeadlineText kind="first_response" record={{ state: 'submitted', first_response_due_at: due, first_responded_at: null }} />
      </AdminContext>,
    );
    expect(await screen.findByText(/^已超时 1天 2小时/)).toBeInTheDocument();
    expect(document.querySelector('[data-deadline-status="overdue"]')).not.toBeNull();
  });
});

describe('complaint thread', () => {
  it('tells replies to the member, to the merchant and internal notes apart', () => {
    expect(bubbleKind({ kind: 'internal_note', author_kind: 'staff', audience: null })).toBe('internal_note');
    expect(bubbleKind({ kind: 'reply', author_kind: 'staff', audience: 'merchant' })).toBe('staff_to_merchant');
    expect(bubbleKind({ kind: 'reply', author_kind: 'staff', audience: null })).toBe('staff_to_member');
    expect(bubbleKind({ kind: 'reply', author_kind: 'merchant' })).toBe('merchant');
    expect(bubbleAlign('member')).toBe('left');
    expect(bubbleAlign('staff_to_merchant')).toBe('right');
    expect(bubbleAlign('internal_note')).toBe('full');
  });
});
