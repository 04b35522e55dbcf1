// The export edge function through the gateway: a finance clerk scoped to one city exports the
// closed trades; the answer is a run id at once, the run ends with a CSV in the private exports
// bucket holding exactly their city's rows (Chinese header, BOM, yuan from fen, Beijing time,
// codes in words), the export is audited, and nobody else may read the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import Papa from 'papaparse';
import type { SupabaseClient } from '@supabase/supabase-js';
import { as, db } from '../support/stack.ts';
import { makeScopedStaff } from '../db/core-fixtures.ts';
import { fenToYuanText } from '../../src/common/export/columns.ts';
import { formatDateTime } from '../../src/common/datetime.ts';

const COLUMNS = [
  { source: 'closed_at', label: '成交时间', kind: 'datetime' },
  { source: 'kind', label: '交易类型', words: { sale: '买卖', rental: '租赁' } },
  { source: 'amount_fen', label: '金额（元）', kind: 'money' },
  { source: 'city_name', label: '城市' },
  { source: 'id', label: '编号' },
];

async function waitForRun(client: SupabaseClient, id: string) {
  for (let i = 0; i < 120; i++) {
    const { data } = await client.from('v_job_runs').select('*').eq('id', id).single();
    if (data && (data.state === 'succeeded' || data.state === 'failed')) return data;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the export did not end within a minute');
}

describe('export edge function', () => {
  let pg: pg.Client;
  let city: string;
  let clerk: { id: string; client: SupabaseClient };

  beforeAll(async () => {
    pg = await db();
    // the seeded city with the fewest closed trades (a few hundred)
    const { rows } = await pg.query(`select city_code from v_trades where status = 'closed' group by 1 order by count(*), 1 limit 1`);
    city = rows[0].city_code;
    clerk = await makeScopedStaff(pg, 'finance', [city]);
  });
  afterAll(async () => {
    await pg?.end();
  });

  it('answers with a run at once and writes only the caller\'s region, formatted as the panel formats', async () => {
    const { data, error } = await clerk.client.functions.invoke('export', {
      body: { resource: 'trades', view: 'v_trades', filter: { status: 'closed' }, columns: COLUMNS, file_name: 'trades' },
    });
    expect(error).toBeNull();
    const runId = (data as { run_id: string }).run_id;
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    const run = await waitForRun(clerk.client, runId);
    expect(run.error).toBeNull();
    expect(run.state).toBe('succeeded');

    const { rows: expected } = await pg.query(
      `select id::text, amount_fen::text, kind::text, closed_at, city_name from v_trades where status = 'closed' and city_code = $1 order by id`,
      [city],
    );
    expect(run.rows).toBe(expected.length);
    const result = run.result as { bucket: string; path: string; bytes: number };
    expect(result.path).toBe(`${clerk.id}/${runId}.csv`);

    const file = await clerk.client.storage.from(result.bucket).download(result.path);
    expect(file.error).toBeNull();
    const bytes = new Uint8Array(await file.data!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(lines[0]).toEqual(COLUMNS.map((c) => c.label));
    const body = lines.slice(1);
    expect(body.map((l) => l[4])).toEqual(expected.map((r) => r.id));
    const first = expected[0];
    expect(body[0]).toEqual([
      formatDateTime(first.closed_at.toISOString(), { seconds: true }),
      first.kind === 'sale' ? '买卖' : '租赁',
      fenToYuanText(first.amount_fen),
      first.city_name,
      first.id,
    ]);
    expect(new Set(body.map((l) => l[3]))).toEqual(new Set([first.city_name]));

    // audited as the browser's exports are
    const { rows: audits } = await pg.query(
      `select after from audit_log where actor_id = $1 and action = 'export.trades' order by id desc limit 1`,
      [clerk.id],
    );
    expect(audits[0]?.after).toMatchObject({ rows: expected.length, format: 'csv', filter: { status: 'closed' } });

    // the file is private to its starter: an unscoped admin can neither sign nor read it
    const admin = await as('admin');
    expect((await admin.storage.from('exports').download(result.path)).error).not.toBeNull();
    expect((await admin.storage.from('exports').createSignedUrl(result.path, 60)).error).not.toBeNull();
  });

  it('refuses a filter that would choose what is read or how', async () => {
    const { error } = await clerk.client.functions.invoke('export', {
      body: { resource: 'trades', view: 'v_trades', filter: { select: '*' }, columns: COLUMNS },
    });
    const response = (error as { context?: Response } | null)?.context;
    expect(response?.status).toBe(400);
    expect((await response!.json()).error.code).toBe('invalid_input');
  });
});
