// Throw-away databases built from the migrations or from the declarative schema
// (supabase/schemas/), in any cluster the local stack can reach: the schema tools' own
// (`scratchCluster`, for `npm run db:diff`) or the test stack's (the schema-in-step test).
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DB_PASSWORD, ROOT, stackConfig, type StackConfig } from '../local-stack/config.ts';
import { bootstrap, connect, migrate, startDatabase } from '../local-stack/db.ts';
import { logger, type Logger } from '../local-stack/log.ts';
import { portFree } from '../local-stack/stack.ts';

export const SCHEMAS_DIR = path.join(ROOT, 'supabase', 'schemas');

/** The schema files in the order the Supabase CLI applies them ([db.migrations] schema_paths: name order). */
export async function schemaFiles(dir = SCHEMAS_DIR): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort().map((f) => path.join(dir, f));
}

export function databaseUrl(cfg: StackConfig, database: string): string {
  return `postgresql://postgres:${DB_PASSWORD}@${cfg.host}:${cfg.dbPort}/${database}`;
}

/** Drops and creates `database`, then bootstraps it like a new Supabase project. */
export async function freshDatabase(cfg: StackConfig, database: string): Promise<void> {
  const admin = connect(cfg);
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  await bootstrap(cfg, database);
}

export async function buildFromMigrations(cfg: StackConfig, database: string, log: Logger, dir?: string): Promise<void> {
  await freshDatabase(cfg, database);
  await migrate(cfg, log, { database, dir });
}

/** Applies every schema file, each in its own transaction, as the CLI applies them to its shadow database. */
export async function buildFromSchemas(cfg: StackConfig, database: string, dir = SCHEMAS_DIR): Promise<void> {
  await freshDatabase(cfg, database);
  const client = connect(cfg, 'postgres', DB_PASSWORD, database);
  await client.connect();
  try {
    for (const file of await schemaFiles(dir)) {
      const sql = await fs.readFile(file, 'utf8');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw new Error(`schema file ${path.relative(ROOT, file)} failed: ${(e as Error).message}`, { cause: e });
      }
    }
  } finally {
    await client.end();
  }
}

/** A Postgres cluster of the schema tools' own (.local/schema-tools, port 44022), kept between runs. */
export async function scratchCluster(log: Logger = logger('schema', { quiet: true })): Promise<{ cfg: StackConfig; stop: () => Promise<void> }> {
  const cfg = await stackConfig({ name: 'schema-tools', portBase: Number(process.env.SCHEMA_PORT_BASE ?? 44020), durable: false });
  if (!(await portFree(cfg.host, cfg.dbPort))) {
    throw new Error(`port ${cfg.dbPort} is taken: is another db:diff running? (SCHEMA_PORT_BASE shifts it)`);
  }
  const database = await startDatabase(cfg, log);
  return { cfg, stop: () => database.stop() };
}
