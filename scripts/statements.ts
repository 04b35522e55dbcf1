// `npm run statements [-- --name dev] [--port-base 54320] [--month 2026-11]` (the latest month to try): writes the sample
// channel statements of a running local stack again (scripts/local-stack/statement-samples.ts),
// from the payments its database holds now, and says what each one shows when imported.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { ROOT, stackConfig } from './local-stack/config.ts';
import { lastMonth, statementsDir, writeStatementSamples } from './local-stack/statement-samples.ts';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: process.env.STACK_NAME ?? 'dev' },
    'port-base': { type: 'string' },
    month: { type: 'string' },
  },
});
const cfg = await stackConfig({ name: values.name, portBase: values['port-base'] ? Number(values['port-base']) : undefined });
const client = new pg.Client({ connectionString: cfg.dbUrl });
await client.connect();
try {
  const samples = await writeStatementSamples(client, statementsDir(cfg), values.month ?? lastMonth());
  if (!samples.length) console.log('no month with enough payments: nothing written');
  for (const s of samples) {
    console.log(`${path.relative(ROOT, s.file)}  ${s.lines} lines: amount mismatch ${s.mismatch}, missing ${s.missing}, extra ${s.extra}`);
  }
} finally {
  await client.end();
}
