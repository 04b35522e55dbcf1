// One CSV line, written the same way by the browser's exporter (csv.ts) and the server's
// (supabase/functions/export): no dependencies and explicit `.ts` imports, so Deno imports
// this file as it is. A cell that a spreadsheet would run as a formula (=, +, @, tab, CR, or
// "-" not starting a number) is prefixed with a quote; "-12.50" stays a number.
export const FORMULA = /^([=+@\t\r]|-(?![\d.]))/;

/** A field quoted where it must be (a delimiter, a quote, a line break, edge spaces, a formula). */
export function csvField(text: string): string {
  let value = text;
  let quote = false;
  if (FORMULA.test(value)) {
    value = `'${value}`;
    quote = true;
  }
  if (quote || /[",\r\n]/.test(value) || /^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Cells → one CRLF-terminated line. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** The byte-order mark that makes Excel read UTF-8 (Chinese) text correctly. */
export const CSV_BOM = '\ufeff';
