import { cellText, type ExportColumn, type ExportTexts } from './columns';
import { CSV_BOM, csvLine } from './csvLine';

/**
 * CSV text of the rows: a header of the columns' labels, one line per row, UTF-8 with a BOM
 * so Excel opens Chinese text correctly, CRLF line ends, formulas escaped (csvLine.ts).
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[], texts?: ExportTexts): string {
  const lines = [csvLine(columns.map((c) => c.label)), ...rows.map((row) => csvLine(columns.map((c) => cellText(row, c, texts))))];
  return `${CSV_BOM}${lines.join('')}`;
}

export function csvBlob<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[], texts?: ExportTexts): Blob {
  return new Blob([toCsv(rows, columns, texts)], { type: 'text/csv;charset=utf-8' });
}
