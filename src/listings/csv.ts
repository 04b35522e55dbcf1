// CSV import and export of listings (R-PRD-5): the column set, parsing and the browser-side row
// checks. The database checks every row again (listing_import) and has the last word.
import Papa from 'papaparse';
import { parseYuan } from '../common/money';
import { KINDS } from './choices';
import { ENERGY, GEARBOX } from '../common/vehicleChoices';

/** Columns of the import file, in template order (an export uses the same names, plus states). */
export const IMPORT_COLUMNS = [
  'merchant', 'kind', 'title', 'brand', 'series', 'model', 'year', 'mileage_km', 'colour', 'gearbox', 'energy', 'vin',
  'city_code', 'price', 'deposit', 'description', 'photos',
] as const;
export const REQUIRED_COLUMNS = ['merchant', 'kind', 'brand', 'series', 'price'] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface RowError {
  field: string;
  code: string;
}
/** What listing_import expects for one row (money already in fen). */
// a type, not an interface: it is sent as json (interfaces have no index signature)
export type ImportPayload = {
  merchant: string;
  kind: string;
  title?: string;
  brand: string;
  series: string;
  model?: string;
  year?: string;
  mileage_km?: string;
  colour?: string;
  gearbox?: string;
  energy?: string;
  vin?: string;
  city_code?: string;
  price_fen: string;
  deposit_fen?: string;
  description?: string;
  photos: string[];
};
export interface CheckedRow {
  /** line in the file (the header is line 1) */
  line: number;
  payload: ImportPayload;
  errors: RowError[];
}

export interface ParsedCsv {
  columns: string[];
  rows: Record<string, string>[];
}

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  return { columns: result.meta.fields ?? [], rows: result.data };
}

export function missingColumns(columns: string[]): string[] {
  return REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
}

const opt = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return t === '' ? undefined : t;
};

/** Checks one row the way the database will, so most mistakes show before anything is sent. */
export function checkRow(raw: Record<string, string>, index: number): CheckedRow {
  const errors: RowError[] = [];
  const need = (field: string) => {
    const v = opt(raw[field]);
    if (!v) errors.push({ field, code: 'required' });
    return v ?? '';
  };
  const merchant = need('merchant');
  const kind = need('kind');
  if (kind && !(KINDS as readonly string[]).includes(kind)) errors.push({ field: 'kind', code: 'invalid' });
  const brand = need('brand');
  const series = need('series');
  const year = opt(raw.year);
  if (year && !(/^\d{4}$/.test(year) && +year >= 1990 && +year <= 2100)) errors.push({ field: 'year', code: 'invalid' });
  const mileage = opt(raw.mileage_km);
  if (mileage && !/^\d{1,7}$/.test(mileage)) errors.push({ field: 'mileage_km', code: 'invalid' });
  const gearbox = opt(raw.gearbox);
  if (gearbox && !(GEARBOX as readonly string[]).includes(gearbox)) errors.push({ field: 'gearbox', code: 'invalid' });
  const energy = opt(raw.energy);
  if (energy && !(ENERGY as readonly string[]).includes(energy)) errors.push({ field: 'energy', code: 'invalid' });
  const vin = opt(raw.vin)?.toUpperCase();
  if (vin && !/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) errors.push({ field: 'vin', code: 'invalid' });
  const city = opt(raw.city_code);
  if (city && !/^\d{6}$/.test(city)) errors.push({ field: 'city_code', code: 'invalid' });
  const priceText = need('price');
  const price = priceText ? parseYuan(priceText) : null;
  if (priceText && (price === null || price <= 0)) errors.push({ field: 'price', code: 'invalid' });
  const depositText = opt(raw.deposit);
  const deposit = depositText ? parseYuan(depositText) : null;
  if (depositText && (deposit === null || deposit < 0)) errors.push({ field: 'deposit', code: 'invalid' });
  if (!depositText && kind === 'rental') errors.push({ field: 'deposit', code: 'required' });
  const title = opt(raw.title);
  if (title && (title.length < 2 || title.length > 120)) errors.push({ field: 'title', code: 'invalid' });
  const photos = (raw.photos ?? '').split('|').map((p) => p.trim()).filter(Boolean);

  const payload: ImportPayload = {
    merchant,
    kind,
    title,
    brand,
    series,
    model: opt(raw.model),
    year,
    mileage_km: mileage,
    colour: opt(raw.colour),
    gearbox,
    energy,
    vin,
    city_code: city,
    price_fen: price !== null ? String(price) : '',
    deposit_fen: deposit !== null ? String(deposit) : undefined,
    description: opt(raw.description),
    photos,
  };
  return { line: index + 2, payload, errors };
}

/** The database names money columns *_fen; the file speaks yuan. */
export function fileField(field: string): string {
  if (field === 'price_fen') return 'price';
  if (field === 'deposit_fen') return 'deposit';
  return field;
}

export const TEMPLATE_CSV =
  `${IMPORT_COLUMNS.join(',')}\n` +
  '示例市鑫源二手车行,used_sale,宝马 X5 2021款 白色,宝马,X5,,2021,36000,白色,automatic,petrol,,,388000.00,,一手车，无事故,cars/suv-white.svg|cars/suv-grey.svg\n';
