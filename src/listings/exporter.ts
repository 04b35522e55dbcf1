import Papa from 'papaparse';
import { downloadCSV, type Exporter } from 'react-admin';
import { formatFen } from '../common/money';
import { IMPORT_COLUMNS } from './csv';

interface ListingRow {
  id: string;
  merchant_name: string;
  kind: string;
  title: string;
  brand_name: string;
  series_name: string;
  model_name: string | null;
  year: number | null;
  mileage_km: number | null;
  colour: string | null;
  gearbox: string | null;
  energy: string | null;
  vin: string | null;
  city_code: string;
  city_name: string | null;
  price_fen: number;
  deposit_fen: number | null;
  description: string | null;
  photos: string[] | null;
  review_state: string;
  shelf_state: string;
  trade_state: string;
  created_at: string;
}

const yuan = (fen: number | null) => (fen === null || fen === undefined ? '' : formatFen(fen, { symbol: false }).replace(/,/g, ''));

/** Same columns as the import template (so an export can be edited and imported again), then states. */
export const listingExporter: Exporter = (records: ListingRow[]) => {
  const rows = records.map((r) => ({
    merchant: r.merchant_name,
    kind: r.kind,
    title: r.title,
    brand: r.brand_name,
    series: r.series_name,
    model: r.model_name ?? '',
    year: r.year ?? '',
    mileage_km: r.mileage_km ?? '',
    colour: r.colour ?? '',
    gearbox: r.gearbox ?? '',
    energy: r.energy ?? '',
    vin: r.vin ?? '',
    city_code: r.city_code,
    price: yuan(r.price_fen),
    deposit: yuan(r.deposit_fen),
    description: r.description ?? '',
    photos: (r.photos ?? []).join('|'),
    id: r.id,
    city_name: r.city_name ?? '',
    review_state: r.review_state,
    shelf_state: r.shelf_state,
    trade_state: r.trade_state,
    created_at: r.created_at,
  }));
  const csv = Papa.unparse(rows, {
    columns: [...IMPORT_COLUMNS, 'id', 'city_name', 'review_state', 'shelf_state', 'trade_state', 'created_at'],
  });
  // BOM so that Excel opens the Chinese text as UTF-8
  downloadCSV(`\uFEFF${csv}`, 'listings');
};
