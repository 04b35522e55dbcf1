// The listing export: the import template's columns first, headed by their own keys, so an
// exported file can be edited and imported again; then the states.
import { fenToYuanText, type ExportColumn } from '../common/export';
import { IMPORT_COLUMNS } from './csv';

interface ListingRow {
  id: string;
  merchant_name: string;
  kind: string;
  title: string;
  brand_name: string;
  series_name: string;
  model_name: string | null;
  price_fen: number;
  deposit_fen: number | null;
  photos: string[] | null;
}

// import column → the read view's field, where the names differ
const FROM_VIEW: Partial<Record<(typeof IMPORT_COLUMNS)[number], (r: ListingRow) => unknown>> = {
  merchant: (r) => r.merchant_name,
  brand: (r) => r.brand_name,
  series: (r) => r.series_name,
  model: (r) => r.model_name,
  price: (r) => fenToYuanText(r.price_fen),
  deposit: (r) => fenToYuanText(r.deposit_fen),
  photos: (r) => (r.photos ?? []).join('|'),
};

export const listingExportColumns = (): ExportColumn<ListingRow>[] => [
  ...IMPORT_COLUMNS.map((source) => ({ source, label: source, value: FROM_VIEW[source] })),
  ...['id', 'city_name', 'review_state', 'shelf_state', 'trade_state'].map((source) => ({ source, label: source })),
  { source: 'created_at', label: 'created_at', kind: 'datetime' as const },
];
