// Signals that mean something: the reconciliation result chips stay readable on their rows in
// both themes (WCAG contrast ≥ 4.5 for their words and for the row's own text), and the
// complaint queue highlights only what is near its deadline or past it.
import { describe, expect, it } from 'vitest';
import { contrastRatio, over } from '../../src/common/contrast';
import { RESULT_LOOK, type Mode, type Result } from '../../src/reconciliation/resultStyle';
import { RESULTS } from '../../src/reconciliation/choices';
import { complaintUrgency } from '../../src/complaints/deadlines';

const PAPER: Record<Mode, string> = { light: '#ffffff', dark: '#121212' };
const TEXT: Record<Mode, string> = { light: 'rgba(0, 0, 0, 0.87)', dark: '#ffffff' };

describe('reconciliation result chips', () => {
  it.each(RESULTS.flatMap((r) => (['light', 'dark'] as const).map((m) => [r, m] as const)))('%s in the %s theme', (result, mode) => {
    const look = RESULT_LOOK[result as Result][mode];
    const row = look.row ? over(look.row, PAPER[mode]) : PAPER[mode];
    expect(contrastRatio(look.chipFg, look.chipBg, row)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(TEXT[mode], row, row)).toBeGreaterThanOrEqual(4.5);
  });

  it('the old look failed: red words on a red row', () => {
    // MUI's outlined error chip (#d32f2f) on error.light (#ef5350)
    expect(contrastRatio('#d32f2f', '#ef5350')).toBeLessThan(2);
  });
});

describe('complaint urgency', () => {
  const now = new Date('2026-11-23T12:00:00+08:00');
  const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
  const open = { state: 'mediating', first_response_due_at: at(-100), first_responded_at: at(-110) };

  it('an open complaint well within its deadlines is not highlighted', () => {
    expect(complaintUrgency({ ...open, resolution_due_at: at(72) }, now)).toBe('normal');
  });
  it('near its resolution deadline it is due soon, past it overdue', () => {
    expect(complaintUrgency({ ...open, resolution_due_at: at(2) }, now)).toBe('due_soon');
    expect(complaintUrgency({ ...open, resolution_due_at: at(-1) }, now)).toBe('overdue');
  });
  it('a first response given late is history, not an alarm', () => {
    expect(complaintUrgency({ ...open, first_responded_at: at(-90), resolution_due_at: at(72) }, now)).toBe('normal');
  });
  it('closed complaints are never highlighted', () => {
    expect(complaintUrgency({ state: 'closed', resolution_due_at: at(-200), closed_at: at(-100) }, now)).toBe('normal');
  });
});
