// The sample channel statements are made from the demo data's own payments: each one, read by
// the panel's parser and imported as finance, shows exactly one amount mismatch, one missing
// payment and one extra line, and matches everything else.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { as, db } from '../support/stack.ts';
import { writeStatementSamples, type SampleStatement } from '../../scripts/local-stack/statement-samples.ts';
import { parseStatement } from '../../src/reconciliation/csv.ts';

let pgc: pg.Client;
let dir: string;
let samples: SampleStatement[];

beforeAll(async () => {
  pgc = await db();
  dir = await mkdtemp(path.join(tmpdir(), 'statements-'));
  samples = await writeStatementSamples(pgc, dir);
});

afterAll(async () => {
  await pgc.end();
  await rm(dir, { recursive: true, force: true });
});

describe('sample statements from the demo payments', () => {
  it('are written for every channel', () => {
    expect(samples.map((s) => s.channel).sort()).toEqual(['alipay', 'bank_transfer', 'wechat']);
  });

  it('each shows one mismatch, one missing and one extra line when imported, the rest matched', async () => {
    const finance = await as('finance');
    for (const s of samples) {
      const ref = `sample-${path.basename(s.file, '.csv')}-${Date.now().toString(36)}`;
      const parsed = parseStatement(await readFile(s.file, 'utf8'), ref);
      expect(parsed.problems, s.file).toEqual([]);
      expect(parsed.channel).toBe(s.channel);
      expect(parsed.rows).toHaveLength(s.lines);
      const imported = await finance.rpc('channel_statement_import', { p_rows: parsed.rows });
      expect(imported.error).toBeNull();

      const { rows } = await pgc.query<{ result: string; channel_txn_id: string }>(
        `select r.result, r.channel_txn_id from public.v_payment_reconciliation r
           join public.channel_statements st on st.id = r.statement_id
          where st.statement_ref = $1 and st.channel = $2`,
        [ref, s.channel],
      );
      const by = (result: string) => rows.filter((r) => r.result === result).map((r) => r.channel_txn_id);
      expect(by('amount_mismatch'), s.file).toEqual([s.mismatch]);
      expect(by('missing'), s.file).toEqual([s.missing]);
      expect(by('extra'), s.file).toEqual([s.extra]);
      expect(by('matched').length, s.file).toBe(s.lines - 2);
    }
  });
});
