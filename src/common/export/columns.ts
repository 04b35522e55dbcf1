// What an export writes: one column per field, typed so money stays exact (fen → yuan with
// integer arithmetic) and times are Beijing time, whatever the browser's zone.
import { formatDate, formatDateTime } from '../datetime';
import { formatFen } from '../money';

export type ExportKind = 'text' | 'number' | 'money' | 'datetime' | 'date' | 'boolean';

export interface ExportColumn<Row = Record<string, unknown>> {
  /** the row's field (also the column key) */
  source: string;
  /** the header, already translated */
  label: string;
  kind?: ExportKind;
  /** computes the cell instead of reading `row[source]` (e.g. a translated state) */
  value?: (row: Row) => unknown;
  /** Excel column width in characters */
  width?: number;
}

export interface ExportTexts {
  yes: string;
  no: string;
}
const DEFAULT_TEXTS: ExportTexts = { yes: '是', no: '否' };

/** Money in fen as plain yuan text with two decimals and no grouping: 123456 → "1234.56". */
export function fenToYuanText(value: unknown): string {
  if (typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'string') return '';
  return formatFen(value, { symbol: false }).replace(/,/g, '');
}

function raw<Row>(row: Row, col: ExportColumn<Row>): unknown {
  if (col.value) return col.value(row);
  return (row as Record<string, unknown>)[col.source];
}

/**
 * A cell as text (CSV) — money as yuan, times in Asia/Shanghai, booleans as 是/否, arrays
 * joined, objects as JSON, null as empty.
 */
export function cellText<Row>(row: Row, col: ExportColumn<Row>, texts: ExportTexts = DEFAULT_TEXTS): string {
  const value = raw(row, col);
  if (value === null || value === undefined) return '';
  switch (col.kind) {
    case 'money':
      return fenToYuanText(value);
    case 'datetime':
      return formatDateTime(value as string, { seconds: true });
    case 'date':
      return formatDate(value as string);
    case 'boolean':
      return value ? texts.yes : texts.no;
    default:
      if (Array.isArray(value)) return value.join('; ');
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

/**
 * A cell for a spreadsheet: numbers stay numbers (money as yuan, a number with two decimals
 * computed from the integer), everything else as in CSV.
 */
export function cellValue<Row>(row: Row, col: ExportColumn<Row>, texts: ExportTexts = DEFAULT_TEXTS): string | number | null {
  const value = raw(row, col);
  if (value === null || value === undefined || value === '') return null;
  if (col.kind === 'money') {
    const text = fenToYuanText(value);
    return text === '' ? null : Number(text);
  }
  if (col.kind === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  return cellText(row, col, texts);
}

/** Read-view fields that are plumbing, not content: the search text and full-text fragments. */
const HIDDEN = new Set(['search', 'search_grams']);

/**
 * Columns for a list that declares none: every field of the rows as the read view returns them
 * (so masking applies), labelled `resources.<resource>.fields.<field>` as on screen, money
 * (`*_fen`) as yuan and times (`*_at`) in Beijing time.
 */
export function columnsOfRows<Row>(rows: readonly Row[], resource: string, translate: (key: string, opts?: object) => string): ExportColumn<Row>[] {
  const first = (rows[0] ?? {}) as Record<string, unknown>;
  return Object.keys(first)
    .filter((k) => !HIDDEN.has(k))
    .map((source) => ({
      source,
      label: translate(`resources.${resource}.fields.${source}`, { _: source }),
      kind: source.endsWith('_fen') ? 'money' : source.endsWith('_at') ? 'datetime' : undefined,
    }));
}
