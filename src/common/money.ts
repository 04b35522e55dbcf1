// Money is integer fen (分) everywhere in the database; this is the one place that turns
// it into ¥ text, with integer arithmetic so 0.1 + 0.2 style float errors cannot appear.

export type Fen = number | bigint | string;

function toBigInt(value: Fen): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.round(value)) : null;
  const text = value.trim();
  return /^-?\d+$/.test(text) ? BigInt(text) : null;
}

/** 123456 → "¥1,234.56"; -5 → "-¥0.05"; null/invalid → "" */
export function formatFen(value: Fen | null | undefined, opts: { symbol?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '';
  const fen = toBigInt(value);
  if (fen === null) return '';
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${opts.symbol === false ? '' : '¥'}${yuan}.${cents}`;
}

/** "1,234.5" / "¥12" → fen (123450 / 1200); null when not a valid amount with ≤ 2 decimals. */
export function parseYuan(text: string): number | null {
  const clean = text.replace(/[¥,\s]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}
