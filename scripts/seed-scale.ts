// `npm run seed:scale -- --factor N`: the demo seed at N times its size, into a separate
// database (.local/scale-N, its own ports, never the dev one), for benchmarks, which reuse it.
// Prints the time per seed file, row counts and the database size. `--keep` leaves it running.
import { parseArgs } from 'node:util';
import { connect } from './local-stack/db.ts';
import { logger } from './local-stack/log.ts';
import { scaleConfig, seedScaleDatabase } from './local-stack/scale.ts';

const { values } = parseArgs({
  options: {
    factor: { type: 'string', default: '10' },
    'port-base': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const factor = Math.max(1, Math.floor(Number(values.factor)));
const cfg = await scaleConfig(factor, values['port-base'] ? Number(values['port-base']) : undefined);
const { seconds, stop } = await seedScaleDatabase(cfg, factor, logger('seed:scale'), true);
try {
  const client = connect(cfg);
  await client.connect();
  const counts = await client.query<{ t: string; n: string }>(`
    select t, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from public.%I', t), false, true, '')))[1]::text as n
    from unnest(array['members','merchants','listings','reservations','trades','complaints','payments','ledger_entries','commissions','withdrawals']) t
    where to_regclass('public.' || t) is not null`);
  const size = await client.query<{ s: string }>(`select pg_size_pretty(pg_database_size('postgres')) as s`);
  await client.end();
  console.log(`\nfactor ${factor}: seeded in ${seconds.toFixed(1)} s, database ${size.rows[0].s}`);
  for (const r of counts.rows) console.log(`  ${r.t.padEnd(16)} ${Number(r.n).toLocaleString('en')}`);
  if (values.keep) console.log(`\nkept running: ${cfg.dbUrl} (Ctrl-C stops it)`);
} finally {
  if (!values.keep) await stop();
}
