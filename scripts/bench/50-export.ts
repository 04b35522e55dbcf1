// Issue 15 item 6: the server-side export (supabase/functions/export) of the whole trades list
// as finance, on a scale database (BENCH_FACTOR, default 1; seeded once and kept, scale.ts):
// rows per second from the answer to the finished run (read through PostgREST in keyset pages,
// written to a temporary file, uploaded, recorded) and the function's peak memory (the Deno
// process's resident set, sampled after every page and reported in the run's result).
import pg from 'pg';
import { ensureScaleDatabase } from '../local-stack/scale.ts';
import { startStack } from '../local-stack/stack.ts';
import type { BenchResult } from '../bench.ts';
import { sec, staffToken } from './_util.ts';

const COLUMNS = [
  { source: 'closed_at', label: '成交时间', kind: 'datetime' },
  { source: 'kind', label: '类型', words: { sale: '买卖', rental: '租赁' } },
  { source: 'status', label: '状态', words: { closed: '已成交', voided: '已作废', refunded: '已退款' } },
  { source: 'brand_name', label: '品牌' },
  { source: 'series_name', label: '车系' },
  { source: 'model_name', label: '车型' },
  { source: 'listing_title', label: '车源' },
  { source: 'amount_fen', label: '成交金额', kind: 'money' },
  { source: 'quantity', label: '数量', kind: 'number' },
  { source: 'merchant_name', label: '商户' },
  { source: 'member_nickname', label: '会员' },
  { source: 'distributor_nickname', label: '分销员' },
  { source: 'city_name', label: '城市' },
  { source: 'id', label: '交易编号' },
];

export async function run(): Promise<BenchResult[]> {
  const factor = Math.max(1, Math.floor(Number(process.env.BENCH_FACTOR ?? 1)));
  const cfg = await ensureScaleDatabase(factor);
  const stack = await startStack(cfg, { quiet: true });
  const sql = new pg.Client({ connectionString: cfg.dbUrl });
  await sql.connect();
  try {
    const token = await staffToken(cfg, 'finance@demo.test');
    const t0 = performance.now();
    const res = await fetch(`${cfg.apiUrl}/functions/v1/export`, {
      method: 'POST',
      headers: { apikey: cfg.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resource: 'trades', view: 'v_trades', filter: {}, columns: COLUMNS, file_name: 'trades' }),
    });
    if (res.status !== 202) throw new Error(`export: ${res.status} ${await res.text()}`);
    const answered = performance.now() - t0;
    const { run_id } = (await res.json()) as { run_id: string };
    let row: { state: string; rows: number; error: string | null; result: Record<string, number> } | undefined;
    for (;;) {
      row = (await sql.query('select state, rows, error, result from public.job_runs where id = $1', [run_id])).rows[0];
      if (row && (row.state === 'succeeded' || row.state === 'failed')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const total = performance.now() - t0;
    if (row.state !== 'succeeded') throw new Error(`export failed: ${row.error}`);
    const f = `f${factor}`;
    return [
      { name: `export trades ${f}: rows`, value: String(row.rows) },
      { name: `export trades ${f}: answer (run id)`, value: `${answered.toFixed(0)} ms`, target: '< 1 s' },
      { name: `export trades ${f}: start to finished run`, value: sec(total) },
      { name: `export trades ${f}: rows per second`, value: String(Math.round((row.rows * 1000) / total)) },
      { name: `export trades ${f}: file`, value: `${(row.result.bytes / 1024 / 1024).toFixed(1)} MB` },
      { name: `export trades ${f}: function peak memory (RSS)`, value: `${(row.result.peak_rss_bytes / 1024 / 1024).toFixed(0)} MB`, note: 'the whole Deno process' },
    ];
  } finally {
    await sql.end();
    await stack.stop();
  }
}
