// The listing CSV import (listing_import, R-PRD-5): one result per row, in row order, with the
// row's errors as [{ field, code }] (src/listings/ListingImportButton.tsx reads exactly this);
// all or nothing; a dry run writes nothing. Every check's code is asserted, so a rewrite of the
// function keeps the report the panel shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db } from '../support/stack.ts';
import { CITY_A, CITY_B, ensureRegions, makeListing, makeMerchant, makeScopedStaff, uniq } from './core-fixtures.ts';

interface Result { row_no: number; ok: boolean; errors: Array<{ field: string; code: string }> }

let pgc: pg.Client;
let admin: SupabaseClient;
let merchantA: string;
let merchantAName: string;
let merchantB: string;
let closed: string;
let twinName: string;
let brand: string;
let series: string;
let model: string;
let brandEn: string | null;
let takenVin: string;
let ceiling: number;

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const freshVin = () => Array.from({ length: 17 }, () => VIN_CHARS[Math.floor(Math.random() * VIN_CHARS.length)]).join('');

async function importRows(client: SupabaseClient, rows: unknown[], dryRun = true): Promise<Result[]> {
  const { data, error } = await client.rpc('listing_import', { p_rows: rows, p_dry_run: dryRun });
  expect(error, JSON.stringify(error)).toBeNull();
  return data as Result[];
}

const codes = (r: Result) => r.errors.map((e) => `${e.field}:${e.code}`);

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
  admin = await as('admin');
  merchantA = await makeMerchant(pgc, { city: CITY_A });
  merchantAName = (await pgc.query('select name from public.merchants where id = $1', [merchantA])).rows[0].name;
  merchantB = await makeMerchant(pgc, { city: CITY_B });
  closed = await makeMerchant(pgc, { city: CITY_A, status: 'closed' });
  twinName = `同名车行${uniq()}`;
  for (let i = 0; i < 2; i++) {
    const id = await makeMerchant(pgc, { city: CITY_A });
    await pgc.query('update public.merchants set name = $2 where id = $1', [id, twinName]);
  }
  const cat = (await pgc.query(`select b.name as brand, b.name_en, s.name as series, m.name as model
    from public.car_models m join public.car_series s on s.id = m.series_id join public.car_brands b on b.id = s.brand_id
    where (select count(*) from public.car_brands o where lower(o.name) = lower(b.name)) = 1
    order by m.id limit 1`)).rows[0];
  ({ brand, series, model } = cat);
  brandEn = cat.name_en;
  takenVin = freshVin();
  const listing = await makeListing(pgc, merchantA);
  await pgc.query('update public.listings set vin = $2 where id = $1', [listing, takenVin]);
  ceiling = Number((await pgc.query("select max_fen from public.amount_ceilings where kind = 'listing.price'")).rows[0].max_fen);
});

afterAll(async () => {
  await pgc.end();
});

const good = (extra: Record<string, unknown> = {}) => ({
  merchant: merchantAName, kind: 'used_sale', brand, series, price_fen: '8800000', vin: freshVin(), photos: [], ...extra,
});

describe('listing_import: the per-row report', () => {
  it('reports every check with its field and code, one result per row in order', async () => {
    const dupVin = freshVin();
    const rows: unknown[] = [
      good({ model, year: '2019', mileage_km: '35000', gearbox: 'automatic', energy: 'petrol', colour: '白色' }), // 1 ok
      5, // 2 not an object
      {}, // 3 every required field
      good({ merchant: '00000000-0000-4000-8000-000000000000' }), // 4 merchant id not found
      good({ merchant: `没有这家${uniq()}` }), // 5 merchant name not found
      good({ merchant: twinName }), // 6 ambiguous
      good({ merchant: closed }), // 7 inactive
      good({ kind: 'lease' }), // 8 kind invalid
      good({ brand: '不存在的品牌', series: '不存在的车系' }), // 9 brand not found (series not looked up)
      good({ series: '不存在的车系' }), // 10 series not found
      good({ model: '不存在的车型' }), // 11 model not found
      good({ year: '18', mileage_km: '-5', gearbox: 'auto', energy: 'steam' }), // 12
      good({ year: '1980', mileage_km: '12345678' }), // 13
      good({ vin: 'ABC' }), // 14 vin invalid
      good({ vin: dupVin }), // 15 first of a pair: ok
      good({ vin: dupVin.toLowerCase() }), // 16 second: duplicate in the batch
      good({ vin: takenVin }), // 17 taken by a listing
      good({ city_code: '999999' }), // 18 unknown city
      good({ price_fen: 'abc' }), // 19
      good({ price_fen: '0' }), // 20
      good({ price_fen: String(ceiling + 1), deposit_fen: String(ceiling + 1) }), // 21
      good({ kind: 'rental' }), // 22 rental needs a deposit
      good({ deposit_fen: '-1' }), // 23
      good({ title: 'x'.repeat(121) }), // 24
      good({ title: ' x ' }), // 25 one character after trimming
      good({ merchant: merchantA, brand: brand.toUpperCase(), title: '', photos: 'a.jpg| b.jpg |' }), // 26 ok: merchant id, brand in another case
      [], // 27
      null, // 28
    ];
    if (brandEn) rows.push(good({ brand: brandEn })); // 29 ok by English name
    const out = await importRows(admin, rows);
    expect(out.map((r) => r.row_no)).toEqual(rows.map((_, i) => i + 1));
    const byRow = Object.fromEntries(out.map((r) => [r.row_no, codes(r)]));
    expect(byRow).toMatchObject({
      1: [], 2: ['row:invalid'],
      3: ['merchant:required', 'kind:required', 'brand:required', 'series:required', 'price_fen:required'],
      4: ['merchant:not_found'], 5: ['merchant:not_found'], 6: ['merchant:ambiguous'], 7: ['merchant:merchant_inactive'],
      8: ['kind:invalid'], 9: ['brand:not_found'], 10: ['series:not_found'], 11: ['model:not_found'],
      12: ['year:invalid', 'mileage_km:invalid', 'gearbox:invalid', 'energy:invalid'],
      13: ['year:invalid', 'mileage_km:invalid'],
      14: ['vin:invalid'], 15: [], 16: ['vin:duplicate'], 17: ['vin:duplicate'], 18: ['city_code:not_found'],
      19: ['price_fen:invalid'], 20: ['price_fen:invalid'], 21: ['price_fen:amount_too_large', 'deposit_fen:amount_too_large'],
      22: ['deposit_fen:required'], 23: ['deposit_fen:invalid'], 24: ['title:invalid'], 25: ['title:invalid'], 26: [],
      27: ['row:invalid'], 28: ['row:invalid'],
    });
    if (brandEn) expect(byRow[29]).toEqual([]);
    expect(out.every((r) => r.ok === (r.errors.length === 0))).toBe(true);
  });

  it('a region-scoped admin gets out_of_region for another city\'s merchant and for a city outside the scope', async () => {
    const scoped = await makeScopedStaff(pgc, 'admin', [CITY_A]);
    const out = await importRows(scoped.client, [good(), good({ merchant: merchantB }), good({ city_code: CITY_B })]);
    // the merchant's city is the listing's city unless the row names one
    expect(out.map(codes)).toEqual([[], ['merchant:out_of_region', 'city_code:out_of_region'], ['city_code:out_of_region']]);
  });

  it('refuses a batch that is not an array, empty or above 5,000 rows', async () => {
    for (const p of [{}, [], Array.from({ length: 5001 }, () => ({}))]) {
      const { error } = await admin.rpc('listing_import', { p_rows: p, p_dry_run: true });
      expect(error?.message).toBe('invalid_input');
    }
  });
});

describe('listing_import: writing', () => {
  it('a dry run writes nothing; a batch with one bad row writes nothing', async () => {
    const vin = freshVin();
    expect((await importRows(admin, [good({ vin })], true))[0].ok).toBe(true);
    const bad = await importRows(admin, [good({ vin }), good({ kind: 'x' })], false);
    expect(bad.map((r) => r.ok)).toEqual([true, false]);
    expect((await pgc.query('select count(*)::int as n from public.listings where vin = $1', [vin])).rows[0].n).toBe(0);
  });

  it('a clean batch enters the review queue with a history row each and one audit row', async () => {
    const vins = [freshVin(), freshVin()];
    const out = await importRows(admin, [
      good({ vin: vins[0], year: '2020', photos: ['p/1.jpg', ' p/2.jpg '] }),
      good({ vin: vins[1], kind: 'rental', deposit_fen: '300000', title: '  租车专用  ', photos: 'a.jpg|b.jpg' }),
    ], false);
    expect(out).toEqual([{ row_no: 1, ok: true, errors: [] }, { row_no: 2, ok: true, errors: [] }]);
    const { rows } = await pgc.query(
      `select l.id, l.vin, l.title, l.review_state::text, l.photos, l.deposit_fen::int as deposit, l.city_code, l.year,
         (select count(*)::int from public.listing_history h where h.listing_id = l.id and h.reason_code = 'import') as history
       from public.listings l where l.vin = any($1) order by l.vin = $2 desc`, [vins, vins[0]]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ review_state: 'pending', photos: ['p/1.jpg', 'p/2.jpg'], city_code: CITY_A, year: 2020, history: 1 });
    expect(rows[0].title).toBe(`${brand} ${series} 2020款`);
    expect(rows[1]).toMatchObject({ title: '租车专用', photos: ['a.jpg', 'b.jpg'], deposit: 300000, history: 1 });
    const audit = await pgc.query(`select after from public.audit_log where action = 'listing.import' and after -> 'ids' ? $1`, [rows[0].id]);
    expect(audit.rows[0].after.count).toBe(2);
  });
});
