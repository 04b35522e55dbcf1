// Issue 12 item 10: the listing CSV import (listing_import) at 1,000 and 5,000 rows, the most
// the panel sends (MAX_IMPORT_ROWS). Two figures per size, both as the admin role with the
// authenticated role's 8 s statement timeout:
//   - check only (p_dry_run): through PostgREST with the admin's JWT, as the panel's call;
//   - the import itself (rows written, history and audit): the same call inside a transaction
//     on a direct connection (role authenticated, the admin's claims), rolled back afterwards so
//     the shared scale database keeps its size for the other benchmarks.
// Rows name their merchant by name (the slower lookup), brand and series by Chinese name, and
// carry a fresh VIN each (checked against the batch and every listing). Scale database of
// factor 1 (and BENCH_FACTOR when set), as the lists benchmark.
import pg from 'pg';
import type { StackConfig } from '../local-stack/config.ts';
import type { BenchResult } from '../bench.ts';
import { ms, onScaleDatabases } from './_util.ts';

const ADMIN_ID = '00000000-0000-4000-a000-000000000001';
const SIZES = [1000, 5000];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

async function adminToken(cfg: StackConfig): Promise<string> {
  const res = await fetch(`${cfg.apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: cfg.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.test', password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`admin sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** `n` valid rows: merchants by (unique) name, catalogue by name, a fresh VIN each. */
async function makeRows(sql: pg.Client, n: number, run: number): Promise<Record<string, unknown>[]> {
  const merchants = (await sql.query<{ name: string; city_code: string }>(`
    select m.name, m.city_code from public.merchants m
    where m.status not in ('closing', 'closed')
      and (select count(*) from public.merchants o where o.name = m.name) = 1
    order by m.id limit 50`)).rows;
  const series = (await sql.query<{ brand: string; series: string }>(`
    select b.name as brand, s.name as series from public.car_series s join public.car_brands b on b.id = s.brand_id
    order by s.id limit 50`)).rows;
  return Array.from({ length: n }, (_, i) => {
    const m = merchants[i % merchants.length];
    const s = series[i % series.length];
    let vin = `B${run.toString(36).toUpperCase().padStart(4, '0')}`.replace(/[IOQ]/g, '1');
    for (let k = i, j = 0; j < 12; j++, k = Math.floor(k / VIN_CHARS.length)) vin += VIN_CHARS[k % VIN_CHARS.length];
    return {
      merchant: m.name, kind: 'used_sale', brand: s.brand, series: s.series, year: String(2015 + (i % 10)),
      mileage_km: String(10_000 + i), colour: '白色', gearbox: 'automatic', energy: 'petrol', vin,
      price_fen: String(5_000_000 + i * 100), description: '导入基准测试', photos: [],
    };
  });
}

async function measure(cfg: StackConfig, factor: number): Promise<BenchResult[]> {
  const sql = new pg.Client({ connectionString: cfg.dbUrl });
  await sql.connect();
  const token = await adminToken(cfg);
  const out: BenchResult[] = [];
  const tag = `f${factor}`;
  try {
    for (const n of SIZES) {
      const rows = await makeRows(sql, n, Date.now() % 1_000_000);
      // check only, through PostgREST as the panel calls it
      let t = performance.now();
      const res = await fetch(`${cfg.apiUrl}/rest/v1/rpc/listing_import`, {
        method: 'POST',
        headers: { apikey: cfg.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ p_rows: rows, p_dry_run: true }),
      });
      const checkMs = performance.now() - t;
      const body = await res.text();
      const bad = res.ok ? (JSON.parse(body) as Array<{ ok: boolean }>).filter((r) => !r.ok).length : null;
      out.push({
        name: `[${tag}] listing_import check only, ${n.toLocaleString('en')} rows (PostgREST)`,
        value: res.ok ? ms(checkMs) : `HTTP ${res.status}`,
        target: '≤ 8 s (statement timeout)',
        note: res.ok ? `${bad} rows refused` : body.slice(0, 120),
      });
      // the import itself, rolled back
      await sql.query('begin');
      try {
        await sql.query(`select set_config('request.jwt.claims', $1, true), set_config('statement_timeout', '8s', true)`,
          [JSON.stringify({ sub: ADMIN_ID, role: 'authenticated', email: 'admin@demo.test' })]);
        await sql.query('set local role authenticated');
        t = performance.now();
        let value: string;
        let note: string;
        try {
          const r = await sql.query<{ ok: boolean }>('select * from public.listing_import($1::jsonb, false)', [JSON.stringify(rows)]);
          value = ms(performance.now() - t);
          note = `${r.rows.filter((x) => x.ok).length} rows written, rolled back`;
        } catch (e) {
          value = (e as { code?: string }).code === '57014' ? 'timeout' : 'error';
          note = (e as Error).message.slice(0, 120);
        }
        out.push({ name: `[${tag}] listing_import writing ${n.toLocaleString('en')} rows`, value, target: '≤ 8 s (statement timeout)', note });
      } finally {
        await sql.query('rollback');
      }
    }
  } finally {
    await sql.end();
  }
  return out;
}

export function run(): Promise<BenchResult[]> {
  return onScaleDatabases(measure);
}
