// How each parameter is shown and typed in: the unit decides the input's pattern, the text on
// screen and the value sent (yuan → fen, percent → rate), with integer arithmetic for money.
import { formatFen, parseYuan } from '../common/money';

export type Unit = 'hours' | 'days' | 'count' | 'share' | 'rate' | 'fen';

export const PATTERN: Record<Unit, RegExp> = {
  hours: /^\d{1,4}$/,
  days: /^\d{1,3}$/,
  count: /^\d{1,3}$/,
  // a share and a rate are typed as percentages: "70", "3.5"
  share: /^\d{1,3}(\.\d{1,2})?$/,
  rate: /^\d{1,2}(\.\d{1,2})?$/,
  fen: /^\d{1,12}(\.\d{1,2})?$/,
};

/** The stored value as the form shows it (without the unit). */
export function toInput(unit: Unit, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (unit === 'fen') return formatFen(value as number, { symbol: false }).replace(/,/g, '');
  if (unit === 'share' || unit === 'rate') return String(Math.round(Number(value) * 10000) / 100);
  return String(value);
}

/** What the form holds as the value the database takes; null when it is not a valid entry. */
export function fromInput(unit: Unit, text: string): number | null {
  const t = text.trim();
  if (!PATTERN[unit].test(t)) return null;
  if (unit === 'fen') return parseYuan(t);
  if (unit === 'share' || unit === 'rate') return Math.round(Number(t) * 100) / 10000;
  return Number(t);
}

/** The value with its unit, for reading. */
export function display(unit: Unit, value: unknown, translate: (key: string, opts?: object) => string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'fen') return formatFen(value as number);
  return `${toInput(unit, value)} ${translate(`settings.units.${unit}`)}`.trim();
}
