// supabase/schemas/ (what the schema is) and supabase/migrations/ (how a database gets there)
// must build the same database: tables, columns, types, defaults, constraints, indexes,
// policies, privileges, functions, triggers, views, comments and reference data. Both are
// built afresh in the test stack's cluster, beside the database under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromMigrations, buildFromSchemas, databaseUrl } from '../../scripts/db/build.ts';
import { compareCatalogs, describeDifferences, readCatalog, type Catalog } from '../../scripts/db/catalog.ts';
import { connect } from '../../scripts/local-stack/db.ts';
import { logger } from '../../scripts/local-stack/log.ts';
import { stack } from '../support/stack.ts';

const FROM_MIGRATIONS = 'in_step_migrations';
const FROM_SCHEMAS = 'in_step_schemas';
let migrations: Catalog;
let schemas: Catalog;

beforeAll(async () => {
  const cfg = await stack();
  await buildFromMigrations(cfg, FROM_MIGRATIONS, logger('migrate', { quiet: true }));
  await buildFromSchemas(cfg, FROM_SCHEMAS);
  migrations = await readCatalog(databaseUrl(cfg, FROM_MIGRATIONS));
  schemas = await readCatalog(databaseUrl(cfg, FROM_SCHEMAS));
}, 180_000);

afterAll(async () => {
  const admin = connect(await stack());
  await admin.connect();
  for (const name of [FROM_MIGRATIONS, FROM_SCHEMAS]) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('the declarative schema and the migrations', () => {
  it('build the same database (otherwise run `npm run db:diff -- <name>`)', () => {
    const diffs = compareCatalogs(migrations, schemas);
    expect(describeDifferences(diffs, ['migrations', 'schemas'])).toBe('');
  });

  it('describe every kind of object the comparison covers', () => {
    const kinds = new Set([...schemas.keys()].map((k) => k.split(' ')[0]));
    for (const kind of ['type', 'relation', 'column', 'constraint', 'index', 'policy', 'function', 'trigger', 'view', 'grant', 'comment', 'data']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('notices a difference: a policy changed in one database only', async () => {
    const cfg = await stack();
    const client = connect(cfg, 'postgres', 'postgres', FROM_SCHEMAS);
    await client.connect();
    try {
      await client.query('alter policy staff_read on public.staff using (false)');
    } finally {
      await client.end();
    }
    const diffs = compareCatalogs(schemas, await readCatalog(databaseUrl(cfg, FROM_SCHEMAS)));
    expect(diffs.map((d) => d.key)).toEqual(['policy public.staff.staff_read']);
  });
});
