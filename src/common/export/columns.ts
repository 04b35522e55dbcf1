// What an export writes: one column per field, typed so money stays exact (fen → yuan with
// integer arithmetic) and times are Beijing time, whatever the browser's zone.
import { formatDate, formatDateTime } from '../datetime.ts';
import { formatFen } from '../money.ts';

/** `percent`: a rate (0.0350) written as 3.50 % (a number formatted as a percentage in Excel) */
export type ExportKind = 'text' | 'number' | 'money' | 'datetime' | 'date' | 'boolean' | 'percent';

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
    case 'percent': {
      const n = Number(value);
      return Number.isFinite(n) ? `${(n * 100).toFixed(2)}%` : String(value);
    }
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
  if (col.kind === 'number' || col.kind === 'percent') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  return cellText(row, col, texts);
}

/** Read-view fields that are plumbing, not content: search texts, search keys, stored file paths. */
const PLUMBING = /^(search|search_grams|photos|images)$|_(pinyin|initials|key|url|tail)$|(^|_)journal_id$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z][a-z0-9_]*$/;
/** The sentinel a missing translation returns (react-admin's translate falls back to `_`). */
const MISSING = '\u0000';

export interface DefaultColumnOptions {
  /** fields whose values are codes translated under `<prefix>.<value>` (e.g. { role: 'roles' }) */
  choices?: Record<string, string>;
}

/**
 * Columns for a list that declares none, from the rows the read view returned (so masking
 * applies): labelled `resources.<resource>.fields.<field>` as on screen; money (`*_fen`) in
 * yuan, times (`*_at`) in Beijing time, dates, numbers and booleans typed; codes (a state, a
 * kind) translated where the list has choices for them (`options.choices`, else the
 * resource's `<field>` or `<field>s` messages); without plumbing (search texts, file paths,
 * journal numbers), uuid references (the view carries their names) or codes with a name
 * beside them (city_code beside city_name). A uuid `id` stays, last: it identifies the row.
 */
export function columnsOfRows<Row>(
  rows: readonly Row[],
  resource: string,
  translate: (key: string, opts?: object) => string,
  options: DefaultColumnOptions = {},
): ExportColumn<Row>[] {
  const sample = rows.slice(0, 50) as readonly Record<string, unknown>[];
  const fields = Object.keys(sample[0] ?? {});
  const has = new Set(fields);
  const values = (f: string) => sample.map((r) => r[f]).filter((v) => v !== null && v !== undefined && v !== '');
  const label = (f: string) => translate(`resources.${resource}.fields.${f}`, { _: translate(`export.fields.${f}`, { _: f }) });

  const prefixOf = (f: string, seen: unknown[]): string | undefined => {
    const candidates = options.choices?.[f]
      ? [options.choices[f]]
      : [`resources.${resource}.${f}`, `resources.${resource}.${f}s`, `${resource}.${f}`, `${resource}.${f}s`];
    if (!seen.length || !seen.every((v) => typeof v === 'string' && CODE.test(v))) return undefined;
    return candidates.find((p) => translate(`${p}.${seen[0]}`, { _: MISSING }) !== MISSING);
  };

  const columns: ExportColumn<Row>[] = [];
  let id: ExportColumn<Row> | undefined;
  for (const source of fields) {
    if (PLUMBING.test(source)) continue;
    const seen = values(source);
    const uuid = seen.length > 0 && seen.every((v) => typeof v === 'string' && UUID.test(v));
    if (source === 'id') {
      id = { source, label: label(source), kind: kindOf(source, seen) };
      continue;
    }
    if ((/_(id|by)$/.test(source) && (uuid || seen.length === 0)) || (source.endsWith('_code') && has.has(source.replace(/_code$/, '_name')))) continue;
    const prefix = prefixOf(source, seen);
    if (prefix) {
      columns.push({ source, label: label(source), value: (row) => translateCode(row, source, prefix, translate) });
      continue;
    }
    columns.push({ source, label: label(source), kind: kindOf(source, seen) });
  }
  return id ? [...columns, id] : columns;
}

/** A column of codes (a state, a kind) written as their translations under `prefix`. */
export function codeColumn<Row>(
  source: string,
  label: string,
  prefix: string,
  translate: (key: string, opts?: object) => string,
): ExportColumn<Row> {
  return { source, label, value: (row) => translateCode(row, source, prefix, translate) };
}

function translateCode<Row>(row: Row, source: string, prefix: string, translate: (key: string, opts?: object) => string): string {
  const v = (row as Record<string, unknown>)[source];
  if (v === null || v === undefined || v === '') return '';
  return translate(`${prefix}.${String(v)}`, { _: String(v) });
}

function kindOf(source: string, seen: readonly unknown[]): ExportKind | undefined {
  if (source.endsWith('_fen')) return 'money';
  if (source.endsWith('_at')) return 'datetime';
  if (seen.length === 0) return undefined;
  if (seen.every((v) => typeof v === 'boolean')) return 'boolean';
  if (seen.every((v) => typeof v === 'number')) return /(^|_)rate$/.test(source) ? 'percent' : 'number';
  if (seen.every((v) => typeof v === 'string' && DATE.test(v))) return 'date';
  return undefined;
}
