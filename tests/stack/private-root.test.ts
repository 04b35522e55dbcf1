// As root, with the data folder inside a directory only root may enter (a clone under /root,
// mode 700): Postgres runs as the `postgres` OS user, which cannot reach it, so the cluster
// goes beside the checkout (/var/lib/<project>-<hash>/<name>) and starts there. The binaries
// half (a copy when node_modules is out of reach) needs a whole private clone; it was tried
// by hand (see the stack-healing branch's report).
import { mkdtempSync, chmodSync, rmdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { stackConfig } from '../../scripts/local-stack/config.ts';
import { postgresLayout, startDatabase } from '../../scripts/local-stack/db.ts';
import { logger } from '../../scripts/local-stack/log.ts';

const isRoot = os.userInfo().uid === 0;
const PORT_BASE = Number(process.env.HEAL_PORT_BASE ?? Number(process.env.STACK_PORT_BASE ?? 64320) + 500) + 100;
const privateDir = mkdtempSync(path.join(os.tmpdir(), 'private-checkout-'));
let outsideData: string | undefined;

afterAll(() => {
  rmSync(privateDir, { recursive: true, force: true });
  if (outsideData) {
    rmSync(path.dirname(outsideData), { recursive: true, force: true });
    try {
      rmdirSync(path.dirname(path.dirname(outsideData))); // the checkout's folder there, when nothing else is in it
    } catch {
      /* holds something else */
    }
  }
});

describe.skipIf(!isRoot)('root with the checkout in a private folder', () => {
  it('keeps the cluster where the postgres user can reach it, and starts it', async () => {
    chmodSync(privateDir, 0o700);
    const base = await stackConfig({ name: 'test-private', portBase: PORT_BASE, durable: false });
    const dataDir = path.join(privateDir, 'checkout', '.local', 'test-private');
    const cfg = { ...base, dataDir, storageDir: path.join(dataDir, 'storage') };
    const database = await startDatabase(cfg, logger('postgres', { quiet: true }), { reset: true });
    try {
      const layout = await postgresLayout(cfg);
      outsideData = layout.pgData;
      expect(layout.outside).toBeDefined();
      expect(layout.pgData.startsWith(privateDir)).toBe(false);
      const client = new pg.Client({ connectionString: cfg.dbUrl });
      await client.connect();
      const { rows } = await client.query<{ data_directory: string }>("select current_setting('data_directory') as data_directory");
      await client.end();
      expect(rows[0].data_directory).toBe(layout.pgData);
    } finally {
      await database.stop();
    }
  }, 180_000);
});
