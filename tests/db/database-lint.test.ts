// Supabase's database linter (the rules of its "advisors") as SQL of our own, run against the
// test stack's database: every rule finds nothing, or only what database-lint.allow.ts lists
// with a reason. The API-exposed schemas are config.toml's [api] schemas; "our schemas" are
// every schema except the platform's own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { db } from '../support/stack.ts';
import { ALLOWED } from './database-lint.allow.ts';

const config = parse(readFileSync(path.join(import.meta.dirname, '../../supabase/config.toml'), 'utf8')) as { api: { schemas: string[] } };
const EXPOSED = config.api.schemas;
// the platform's schemas and the extensions': not ours to lint
const PLATFORM = ['auth', 'storage', 'extensions', 'graphql', 'graphql_public', 'realtime', 'vault', 'pgsodium', 'pgsodium_masks',
  'cron', 'net', 'pgmq', 'pgbouncer', 'supabase_functions', 'supabase_migrations', 'information_schema', 'pg_catalog', 'pg_toast',
  'supautils_emulation',
  // test fixtures' helpers (tests/db/money-fixtures.ts), beside the schema in the test database
  'money_fx'];

const list = (names: string[]) => `array[${names.map((x) => `'${x}'`).join(', ')}]::text[]`;
const OURS = `n.nspname <> all (${list(PLATFORM)}) and n.nspname not like 'pg\\_temp\\_%' and n.nspname not like 'pg\\_toast\\_temp\\_%'`;
const EXPOSED_ONLY = `n.nspname = any (${list(EXPOSED)})`;
const NOT_EXTENSION = `not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')`;
const INVOKER = `coalesce(c.reloptions, '{}') && array['security_invoker=on', 'security_invoker=true', 'security_invoker=1', 'security_invoker=yes']`;
const API_READS = `(has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select'))`;

/** Each rule: its name as the Supabase linter spells it, and a query returning the offending objects. */
const RULES: Array<{ lint: string; sql: string }> = [
  {
    lint: 'unindexed_foreign_keys',
    sql: `select format('%s.%s.%s', n.nspname, c.relname, k.conname) as object
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and ${OURS} and ${NOT_EXTENSION}
       and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisvalid
                         and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(k.conkey)] = k.conkey)`,
  },
  {
    lint: 'auth_users_exposed',
    sql: `select distinct format('%s.%s', n.nspname, c.relname) as object
      from pg_depend d join pg_rewrite r on r.oid = d.objid join pg_class c on c.oid = r.ev_class
      join pg_namespace n on n.oid = c.relnamespace
     where d.refobjid = 'auth.users'::regclass and ${EXPOSED_ONLY} and ${API_READS}
       and (c.relkind = 'm' or not (${INVOKER}) or not (select relrowsecurity from pg_class where oid = 'auth.users'::regclass))`,
  },
  {
    lint: 'auth_rls_initplan',
    sql: `select format('%s.%s.%s', p.schemaname, p.tablename, p.policyname) as object
      from pg_policies p join pg_namespace n on n.nspname = p.schemaname
     where ${OURS} and exists (
       select 1 from unnest(array[p.qual, p.with_check]) e (expr), unnest(array['auth.uid()', 'auth.jwt()', 'auth.role()', 'auth.email()', 'current_setting(']) f (fn)
        where e.expr like '%' || f.fn || '%' and lower(e.expr) not like '%select ' || f.fn || '%')`,
  },
  {
    lint: 'no_primary_key',
    sql: `select format('%s.%s', n.nspname, c.relname) as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relispartition and ${OURS} and ${NOT_EXTENSION}
       and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary)`,
  },
  {
    lint: 'multiple_permissive_policies',
    sql: `select format('%s.%s %s %s: %s', n.nspname, c.relname, r.rolname, a.cmd, string_agg(p.polname, ', ' order by p.polname)) as object
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_roles r on p.polroles @> array[r.oid] or p.polroles = array[0::oid]
      cross join lateral unnest(case p.polcmd when 'r' then array['select'] when 'a' then array['insert'] when 'w' then array['update']
                                  when 'd' then array['delete'] else array['select', 'insert', 'update', 'delete'] end) a (cmd)
     where p.polpermissive and ${OURS} and r.rolname not like 'pg\\_%' and r.rolname not like 'supabase%admin' and not r.rolbypassrls
     group by n.nspname, c.relname, r.rolname, a.cmd having count(*) > 1`,
  },
  {
    lint: 'policy_exists_rls_disabled',
    sql: `select distinct format('%s.%s', n.nspname, c.relname) as object
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
     where not c.relrowsecurity and ${OURS}`,
  },
  {
    lint: 'rls_enabled_no_policy',
    sql: `select format('%s.%s', n.nspname, c.relname) as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and c.relrowsecurity and ${OURS} and ${NOT_EXTENSION}
       and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`,
  },
  {
    lint: 'duplicate_index',
    sql: `select format('%s.%s: %s', n.nspname, c.relname, string_agg(i.indexrelid::regclass::text, ', ' order by i.indexrelid::regclass::text)) as object
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
     where ${OURS}
     group by n.nspname, c.relname, regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE (UNIQUE )?INDEX \\S+ ', 'CREATE \\1INDEX ')
     having count(*) > 1`,
  },
  {
    lint: 'security_definer_view',
    sql: `select format('%s.%s', n.nspname, c.relname) as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'v' and ${EXPOSED_ONLY} and ${API_READS} and not (${INVOKER}) and ${NOT_EXTENSION}`,
  },
  {
    lint: 'function_search_path_mutable',
    sql: `select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as object
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where ${OURS} and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
       and not exists (select 1 from unnest(p.proconfig) s where s like 'search\\_path=%')`,
  },
  {
    lint: 'rls_disabled_in_public',
    sql: `select format('%s.%s', n.nspname, c.relname) as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relrowsecurity and ${EXPOSED_ONLY} and ${API_READS}`,
  },
  {
    lint: 'extension_in_public',
    sql: `select e.extname as object from pg_extension e join pg_namespace n on n.oid = e.extnamespace where n.nspname = 'public'`,
  },
  {
    lint: 'rls_references_user_metadata',
    sql: `select format('%s.%s.%s', p.schemaname, p.tablename, p.policyname) as object
      from pg_policies p join pg_namespace n on n.nspname = p.schemaname
     where ${OURS} and (coalesce(p.qual, '') || coalesce(p.with_check, '')) ~ 'user_metadata'`,
  },
  {
    lint: 'materialized_view_in_api',
    sql: `select format('%s.%s', n.nspname, c.relname) as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'm' and ${EXPOSED_ONLY} and ${API_READS}`,
  },
  {
    lint: 'foreign_table_in_api',
    sql: `select format('%s.%s', n.nspname, c.relname) as object
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'f' and ${EXPOSED_ONLY} and ${API_READS}`,
  },
  {
    lint: 'unsupported_reg_types',
    sql: `select format('%s.%s.%s', n.nspname, c.relname, a.attname) as object
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where a.attnum > 0 and not a.attisdropped and ${OURS} and c.relkind in ('r', 'p', 'm')
       and a.atttypid in ('regcollation'::regtype, 'regconfig'::regtype, 'regdictionary'::regtype, 'regnamespace'::regtype,
                          'regoper'::regtype, 'regoperator'::regtype, 'regproc'::regtype, 'regprocedure'::regtype)`,
  },
  {
    lint: 'fkey_to_auth_unique',
    sql: `select format('%s.%s.%s', n.nspname, c.relname, k.conname) as object
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_class t on t.oid = k.confrelid join pg_namespace tn on tn.oid = t.relnamespace
      join pg_index i on i.indexrelid = k.conindid
     where k.contype = 'f' and tn.nspname = 'auth' and not i.indisprimary and ${OURS}`,
  },
  {
    lint: 'rls_policy_always_true',
    sql: `select format('%s.%s.%s', p.schemaname, p.tablename, p.policyname) as object
      from pg_policies p join pg_namespace n on n.nspname = p.schemaname
     where ${OURS} and p.cmd <> 'SELECT' and p.permissive = 'PERMISSIVE'
       and (regexp_replace(lower(coalesce(p.qual, '')), '\\s', '', 'g') in ('true', '(true)', '1=1', '(1=1)')
            or regexp_replace(lower(coalesce(p.with_check, '')), '\\s', '', 'g') in ('true', '(true)', '1=1', '(1=1)')
            or (p.qual is null and p.cmd in ('UPDATE', 'DELETE', 'ALL'))
            or (p.with_check is null and p.cmd = 'INSERT'))`,
  },
  {
    lint: 'public_bucket_allows_listing',
    sql: `select format('%s: %s', b.id, p.policyname) as object
      from storage.buckets b join pg_policies p on p.schemaname = 'storage' and p.tablename = 'objects'
       and p.cmd in ('SELECT', 'ALL') and p.permissive = 'PERMISSIVE' and p.roles && array['public', 'anon', 'authenticated']::name[]
     where b.public and (p.qual is null or regexp_replace(lower(p.qual), '\\s', '', 'g') in ('true', '(true)', '1=1', '(1=1)')
            or p.qual ~* ('^\\s*\\(*\\s*bucket_id\\s*=\\s*''' || b.id || '''(::text)?\\s*\\)*\\s*$'))`,
  },
  {
    lint: 'anon_security_definer_function_executable',
    sql: `select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as object
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and ${EXPOSED_ONLY} and has_function_privilege('anon', p.oid, 'execute')`,
  },
  {
    lint: 'authenticated_security_definer_function_executable',
    sql: `select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as object
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and ${EXPOSED_ONLY} and has_function_privilege('authenticated', p.oid, 'execute')`,
  },
];

let pgc: pg.Client;
const found = new Map<string, string[]>();

beforeAll(async () => {
  pgc = await db();
  for (const rule of RULES) {
    const { rows } = await pgc.query<{ object: string }>(rule.sql);
    found.set(rule.lint, rows.map((r) => r.object).sort());
  }
});
afterAll(async () => {
  await pgc?.end();
});

const allowed = (lint: string, object: string) =>
  ALLOWED.some((a) => a.lint === lint && (a.object.endsWith('*') ? object.startsWith(a.object.slice(0, -1)) : a.object === object));

describe('database linter', () => {
  it.each(RULES.map((r) => r.lint))('%s: nothing, or only what the allow-list gives a reason for', (lint) => {
    expect(found.get(lint)!.filter((o) => !allowed(lint, o))).toEqual([]);
  });

  it('the allow-list names only rules that exist and entries that still match something', () => {
    const stale = ALLOWED.filter((a) => !found.has(a.lint) || !found.get(a.lint)!.some((o) => allowed(a.lint, o) && (a.object.endsWith('*') ? o.startsWith(a.object.slice(0, -1)) : o === a.object)));
    expect(stale).toEqual([]);
    expect(ALLOWED.filter((a) => a.reason.trim().length < 20)).toEqual([]);
  });

  it('the rules find what they look for (a throw-away schema with one of each problem)', async () => {
    await pgc.query('begin');
    try {
      await pgc.query(`
        create table public.lint_probe_parent (id int primary key);
        create table public.lint_probe (id int, parent_id int references public.lint_probe_parent (id));
        create view public.lint_probe_view as select id from public.lint_probe;
        grant select on public.lint_probe, public.lint_probe_view to authenticated;
        create function public.lint_probe_fn() returns int language sql security definer as $$ select 1 $$;
        grant execute on function public.lint_probe_fn() to anon;
        create table public.lint_probe_quiet (id int primary key);
        alter table public.lint_probe_quiet enable row level security;`);
      const hits = async (lint: string) => {
        const rule = RULES.find((r) => r.lint === lint)!;
        return (await pgc.query<{ object: string }>(rule.sql)).rows.map((r) => r.object).filter((o) => o.includes('lint_probe')).sort();
      };
      expect(await hits('unindexed_foreign_keys')).toEqual(['public.lint_probe.lint_probe_parent_id_fkey']);
      expect(await hits('no_primary_key')).toEqual(['public.lint_probe']);
      expect(await hits('security_definer_view')).toEqual(['public.lint_probe_view']);
      // the project's default privileges give new public tables to the API roles: both are readable
      expect(await hits('rls_disabled_in_public')).toEqual(['public.lint_probe', 'public.lint_probe_parent']);
      expect(await hits('function_search_path_mutable')).toEqual(['public.lint_probe_fn()']);
      expect(await hits('anon_security_definer_function_executable')).toEqual(['public.lint_probe_fn()']);
      expect(await hits('rls_enabled_no_policy')).toEqual(['public.lint_probe_quiet']);
    } finally {
      await pgc.query('rollback');
    }
  });
});
