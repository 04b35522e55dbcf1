// CSV export of the aggregated rows behind a chart (what the chart draws, nothing more).
import Papa from 'papaparse';

export interface CsvColumn<Row> {
  /** header text (already translated) */
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

/** BOM + CSV so Excel opens Chinese text correctly. */
export function toCsv<Row>(rows: Row[], columns: CsvColumn<Row>[]): string {
  const data = rows.map((r) => columns.map((c) => {
    const v = c.value(r);
    return v === null || v === undefined ? '' : v;
  }));
  return `\uFEFF${Papa.unparse({ fields: columns.map((c) => c.header), data })}`;
}

/** fen → "1234.56" (no symbol or separators: a number a spreadsheet can sum). */
export function fenToYuanText(fen: number | string | null | undefined): string {
  if (fen === null || fen === undefined || fen === '') return '';
  const n = BigInt(String(fen));
  const neg = n < 0n;
  const abs = neg ? -n : n;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function download(csv: string, filename: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
