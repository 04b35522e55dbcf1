// Number formats for axes and tooltips. Money arrives as integer fen.
import { formatFen } from '../common/money';

/** Axis ticks: 123456789 fen → "¥123.5万" / "¥1.2亿" (zh) or "¥1.2M" (en). */
export function shortYuan(fen: number, locale: string): string {
  const yuan = Number(fen) / 100;
  const abs = Math.abs(yuan);
  if (locale.startsWith('zh')) {
    if (abs >= 1e8) return `¥${(yuan / 1e8).toFixed(1)}亿`;
    if (abs >= 1e4) return `¥${(yuan / 1e4).toFixed(1)}万`;
    return `¥${yuan.toFixed(0)}`;
  }
  if (abs >= 1e9) return `¥${(yuan / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `¥${(yuan / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `¥${(yuan / 1e3).toFixed(1)}K`;
  return `¥${yuan.toFixed(0)}`;
}

export const money = (fen: unknown) => formatFen(fen as number);
export const pct = (part: number, whole: number) => (whole > 0 ? `${((part * 100) / whole).toFixed(1)}%` : '—');
export const num = (n: unknown) => Number(n ?? 0).toLocaleString('zh-CN');
