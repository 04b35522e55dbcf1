import Papa from 'papaparse';
import { cellText, type ExportColumn, type ExportTexts } from './columns';

// A cell that a spreadsheet would run as a formula (=, +, @, tab, CR, or "-" not starting a
// number) is prefixed with a quote; "-12.50" stays a number.
const FORMULA = /^([=+@\t\r]|-(?![\d.]))/;

/**
 * CSV text of the rows: a header of the columns' labels, one line per row, UTF-8 with a BOM
 * so Excel opens Chinese text correctly, CRLF line ends.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[], texts?: ExportTexts): string {
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => c.label),
      data: rows.map((row) => columns.map((c) => cellText(row, c, texts))),
    },
    { newline: '\r\n', escapeFormulae: FORMULA, quotes: false },
  );
  return `\ufeff${csv}\r\n`;
}

export function csvBlob<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[], texts?: ExportTexts): Blob {
  return new Blob([toCsv(rows, columns, texts)], { type: 'text/csv;charset=utf-8' });
}
