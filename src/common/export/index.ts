export type { ExportColumn, ExportKind, ExportTexts } from './columns';
export { cellText, cellValue, codeColumn, columnsOfRows, fenToYuanText } from './columns';
export { toCsv, csvBlob } from './csv';
export { downloadBlob, exportFileName } from './download';
export { fetchAllRows } from './fetchAll';
export { ExportMenuButton } from './ExportMenuButton';
// Excel: `await import('./excel')` (exceljs is loaded on demand)
