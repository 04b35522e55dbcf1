// The scale database: the demo seed at N times its size (`npm run seed:scale -- --factor N`),
// kept under .local/scale-<N> on its own ports so the read benchmarks (lists, search, ranking,
// charts) share one copy per factor instead of each seeding its own; a factor-100 seed is
// the longest step of any benchmark.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stackConfig, type StackConfig } from './config.ts';
import { bootstrap, migrate, seed, startDatabase } from './db.ts';
import { logger, type Logger } from './log.ts';
import { PortInUseError, portFree } from './stack.ts';

/** SCALE_PORT_BASE moves every factor's ports, e.g. to run beside someone else's benchmarks. */
const SCALE_PORT_BASE = Number(process.env.SCALE_PORT_BASE ?? 44320);

/** Factors 1, 10, 100 get port bases 44320, 44420, 44520 (from SCALE_PORT_BASE), so two of them can run at once. */
export function scaleConfig(factor: number, portBase = SCALE_PORT_BASE + 100 * Math.round(Math.log10(factor))): Promise<StackConfig> {
  // rebuilt from the seed whenever needed: not worth fsync's cost
  return stackConfig({ name: `scale-${factor}`, portBase, durable: false });
}

const marker = (cfg: StackConfig, factor: number) => path.join(cfg.dataDir, `seeded-factor-${factor}`);

/**
 * Creates the scale database afresh and seeds it; leaves it running when `keep` (then the
 * caller stops it through the returned `stop`). Returns the seconds it took.
 */
export async function seedScaleDatabase(
  cfg: StackConfig,
  factor: number,
  log: Logger,
  keep = false,
): Promise<{ seconds: number; stop: () => Promise<void> }> {
  const t0 = Date.now();
  if (!(await portFree(cfg.host, cfg.dbPort))) {
    throw new PortInUseError(`port ${cfg.dbPort} (postgres of scale-${factor}) is in use — is another seed or benchmark of this factor running?`);
  }
  const database = await startDatabase(cfg, log, { reset: true });
  try {
    await bootstrap(cfg);
    await migrate(cfg, logger('migrate', { quiet: true }));
    await seed(cfg, log, factor);
  } catch (e) {
    await database.stop();
    throw e;
  }
  writeFileSync(marker(cfg, factor), new Date().toISOString());
  const seconds = (Date.now() - t0) / 1000;
  if (!keep) await database.stop();
  return { seconds, stop: () => database.stop() };
}

/** The scale database of `factor`, seeded now only if no complete seed of it is on disk. */
export async function ensureScaleDatabase(factor: number): Promise<StackConfig> {
  const cfg = await scaleConfig(factor);
  if (!existsSync(marker(cfg, factor))) {
    console.log(`  seeding the factor-${factor} database once, kept in ${cfg.dataDir} …`);
    const { seconds } = await seedScaleDatabase(cfg, factor, logger(`seed:scale f${factor}`, { quiet: !process.env.BENCH_VERBOSE }));
    console.log(`  seeded in ${seconds.toFixed(0)} s`);
  }
  return cfg;
}
