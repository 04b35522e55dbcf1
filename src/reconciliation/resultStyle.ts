// How each reconciliation result looks: a chip with its own text and background colours and a
// faint tint on its row, per theme. Chosen so the chip's words stay readable (contrast ≥ 4.5,
// tests/unit/signals.test.ts) on light and dark screens alike; the row tint is light enough
// for the table's normal text.
export type Result = 'matched' | 'amount_mismatch' | 'missing' | 'extra';
export type Mode = 'light' | 'dark';

export interface ResultLook {
  chipBg: string;
  chipFg: string;
  /** null: no tint */
  row: string | null;
}

export const RESULT_LOOK: Record<Result, Record<Mode, ResultLook>> = {
  matched: {
    light: { chipBg: '#e8f5e9', chipFg: '#1b5e20', row: null },
    dark: { chipBg: '#1b5e20', chipFg: '#e8f5e9', row: null },
  },
  amount_mismatch: {
    light: { chipBg: '#b71c1c', chipFg: '#ffffff', row: 'rgba(211, 47, 47, 0.08)' },
    dark: { chipBg: '#ef9a9a', chipFg: '#2b0000', row: 'rgba(244, 67, 54, 0.16)' },
  },
  missing: {
    light: { chipBg: '#8a3d00', chipFg: '#ffffff', row: 'rgba(237, 108, 2, 0.08)' },
    dark: { chipBg: '#ffcc80', chipFg: '#2b1700', row: 'rgba(255, 167, 38, 0.14)' },
  },
  extra: {
    light: { chipBg: '#5d4037', chipFg: '#ffffff', row: 'rgba(237, 108, 2, 0.08)' },
    dark: { chipBg: '#d7ccc8', chipFg: '#1f1410', row: 'rgba(255, 167, 38, 0.14)' },
  },
};

export const lookOf = (result: string, mode: Mode): ResultLook =>
  RESULT_LOOK[result as Result]?.[mode] ?? { chipBg: mode === 'dark' ? '#424242' : '#eeeeee', chipFg: mode === 'dark' ? '#ffffff' : '#212121', row: null };
