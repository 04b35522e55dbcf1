// A database's schema as a flat map of "kind name" → definition, read from the system
// catalogs, so that two databases can be compared object by object: the one the migrations
// build and the one supabase/schemas/ builds must be equal (tests/db/schema-in-step.test.ts),
// and `npm run db:diff` reports whatever its generated migration leaves different.
// Definitions come from Postgres's own deparsers (pg_get_functiondef, pg_get_viewdef,
// pg_get_indexdef …), so formatting in the source files does not matter, except inside
// function bodies, which Postgres keeps verbatim.
import pg from 'pg';

/** The schemas this project owns; policies, triggers and buckets on Supabase's own tables are read too. */
export const OWN_SCHEMAS = ['public', 'app'];
const SUPABASE_TABLES = ['storage.objects', 'storage.buckets', 'auth.users'];

export type Catalog = Map<string, string>;

const Q = {
  schemas: `
    select 'schema ' || n.nspname as key,
           'owner ' || pg_get_userbyid(n.nspowner) || '; acl ' ||
           coalesce((select string_agg(x, ', ' order by x) from (
             select case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end || ':' || a.privilege_type
                    || case when a.is_grantable then '*' else '' end as x
             from aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a) s), '') as def
    from pg_namespace n where n.nspname = any($1)`,
  extensions: `
    select 'extension ' || e.extname as key, n.nspname as def
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace`,
  types: `
    select 'type ' || n.nspname || '.' || t.typname as key,
      case t.typtype
        when 'e' then 'enum (' || (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                                   from pg_enum e where e.enumtypid = t.oid) || ')'
        when 'd' then 'domain ' || format_type(t.typbasetype, t.typtypmod) || case when t.typnotnull then ' not null' else '' end
                      || coalesce(' default ' || t.typdefault, '')
        when 'c' then 'composite'
        else t.typtype::text end
      || '; owner ' || pg_get_userbyid(t.typowner) as def
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = any($1) and t.typtype in ('e', 'd', 'c')
      and (t.typtype <> 'c' or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c')`,
  relations: `
    select 'relation ' || n.nspname || '.' || c.relname as key,
      'kind ' || c.relkind::text || '; persistence ' || c.relpersistence::text || '; owner ' || pg_get_userbyid(c.relowner)
      || '; rls ' || c.relrowsecurity || '/' || c.relforcerowsecurity
      || '; options ' || coalesce(array_to_string(c.reloptions, ','), '') || '; replica ' || c.relreplident::text
      || coalesce('; partition ' || pg_get_partkeydef(c.oid), '') as def
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c')`,
  columns: `
    select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname as key,
      '#' || row_number() over (partition by c.oid order by a.attnum) || ' ' || format_type(a.atttypid, a.atttypmod)
      || case when a.attnotnull then ' not null' else '' end
      || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
      || case a.attidentity when 'a' then ' identity always' when 'd' then ' identity by default' else '' end
      || case a.attgenerated when 's' then ' stored' else '' end
      || case when a.attcollation <> 0 and a.attcollation <> t.typcollation
              then ' collate ' || (select quote_ident(co.collname) from pg_collation co where co.oid = a.attcollation)
              else '' end
      || case when a.attstattarget is not null and a.attstattarget >= 0 then ' statistics ' || a.attstattarget else '' end
      || case when a.attstorage <> t.typstorage then ' storage ' || a.attstorage::text else '' end as def
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_type t on t.oid = a.atttypid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c') and a.attnum > 0 and not a.attisdropped`,
  constraints: `
    select 'constraint ' || n.nspname || '.' || coalesce(c.relname, t.typname) || '.' || k.conname as key,
      pg_get_constraintdef(k.oid) || case when k.convalidated then '' else ' (not valid)' end as def
    from pg_constraint k join pg_namespace n on n.oid = k.connamespace
    left join pg_class c on c.oid = k.conrelid left join pg_type t on t.oid = k.contypid
    where n.nspname = any($1)`,
  indexes: `
    select 'index ' || n.nspname || '.' || c.relname as key, pg_get_indexdef(i.indexrelid)
      || case when i.indisclustered then ' clustered' else '' end as def
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1)`,
  policies: `
    select 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname as key,
      'for ' || p.polcmd::text || case when p.polpermissive then '' else ' restrictive' end
      || ' to ' || (select string_agg(case when r = 0 then 'public' else pg_get_userbyid(r) end, ',' order by 1)
                    from unnest(p.polroles) r)
      || coalesce(' using ' || pg_get_expr(p.polqual, p.polrelid), '')
      || coalesce(' check ' || pg_get_expr(p.polwithcheck, p.polrelid), '') as def
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1) or (n.nspname || '.' || c.relname) = any($2)`,
  functions: `
    select 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as key,
      case when p.prokind = 'a' then 'aggregate' else pg_get_functiondef(p.oid) end
      || ' owner ' || pg_get_userbyid(p.proowner) as def
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any($1)
      and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
  triggers: `
    select 'trigger ' || n.nspname || '.' || c.relname || '.' || t.tgname as key,
      pg_get_triggerdef(t.oid) || ' enabled ' || t.tgenabled::text as def
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and (n.nspname = any($1) or (n.nspname || '.' || c.relname) = any($2))`,
  rules: `
    select 'rule ' || n.nspname || '.' || c.relname || '.' || r.rulename as key, pg_get_ruledef(r.oid) as def
    from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1) and r.rulename <> '_RETURN'`,
  views: `
    select 'view ' || n.nspname || '.' || c.relname as key, pg_get_viewdef(c.oid) as def
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1) and c.relkind in ('v', 'm')`,
  sequences: `
    select 'sequence ' || n.nspname || '.' || c.relname as key,
      format_type(s.seqtypid, null) || ' start ' || s.seqstart || ' increment ' || s.seqincrement
      || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cache ' || s.seqcache || case when s.seqcycle then ' cycle' else '' end
      || coalesce(' owned by ' || (select d.refobjid::regclass::text || '.' || a.attname from pg_depend d
           join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
           where d.objid = c.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i') limit 1), '') as def
    from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1)`,
  // Privileges, with a NULL acl spelled out as the owner's defaults so that "never granted"
  // and "revoked then granted back" compare equal.
  relationAcl: `
    select 'grant ' || n.nspname || '.' || c.relname as key,
      coalesce((select string_agg(x, ', ' order by x) from (
        select case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end || ':' || a.privilege_type
               || case when a.is_grantable then '*' else '' end as x
        from aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a) s), '') as def
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
  columnAcl: `
    select 'grant ' || n.nspname || '.' || c.relname || '.' || at.attname as key,
      (select string_agg(x, ', ' order by x) from (
        select case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end || ':' || a.privilege_type
               || case when a.is_grantable then '*' else '' end as x
        from aclexplode(at.attacl) a) s) as def
    from pg_attribute at join pg_class c on c.oid = at.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any($1) and at.attacl is not null and not at.attisdropped`,
  functionAcl: `
    select 'grant ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as key,
      coalesce((select string_agg(x, ', ' order by x) from (
        select case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end || ':' || a.privilege_type
               || case when a.is_grantable then '*' else '' end as x
        from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a) s), '') as def
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any($1)
      and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
  typeAcl: `
    select 'grant ' || n.nspname || '.' || t.typname as key,
      coalesce((select string_agg(x, ', ' order by x) from (
        select case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end || ':' || a.privilege_type as x
        from aclexplode(coalesce(t.typacl, acldefault('T', t.typowner))) a) s), '') as def
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = any($1) and t.typtype in ('e', 'd')`,
  defaultAcl: `
    select 'default privileges ' || pg_get_userbyid(d.defaclrole) || ' ' || coalesce(n.nspname, '*') || ' ' || d.defaclobjtype::text as key,
      (select string_agg(x, ', ' order by x) from (
        select case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end || ':' || a.privilege_type as x
        from aclexplode(d.defaclacl) a) s) as def
    from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace`,
  comments: `
    select 'comment ' || case d.classoid
        when 'pg_class'::regclass then (select n.nspname || '.' || c.relname || coalesce('.' || a.attname, '')
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          left join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid and d.objsubid > 0 where c.oid = d.objoid and n.nspname = any($1))
        when 'pg_proc'::regclass then (select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace where p.oid = d.objoid and n.nspname = any($1))
        when 'pg_type'::regclass then (select n.nspname || '.' || t.typname
          from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.oid = d.objoid and n.nspname = any($1))
        when 'pg_namespace'::regclass then (select n.nspname from pg_namespace n where n.oid = d.objoid and n.nspname = any($1))
        when 'pg_constraint'::regclass then (select n.nspname || '.' || k.conname
          from pg_constraint k join pg_namespace n on n.oid = k.connamespace where k.oid = d.objoid and n.nspname = any($1))
        when 'pg_trigger'::regclass then (select n.nspname || '.' || c.relname || '.' || t.tgname
          from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
          where t.oid = d.objoid and n.nspname = any($1))
        when 'pg_policy'::regclass then (select n.nspname || '.' || c.relname || '.' || p.polname
          from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
          where p.oid = d.objoid and n.nspname = any($1))
      end as key, d.description as def
    from pg_description d`,
  eventTriggers: `
    select 'event trigger ' || e.evtname as key,
      e.evtevent || ' ' || e.evtfoid::regproc::text || ' ' || e.evtenabled::text || coalesce(' ' || array_to_string(e.evttags, ','), '') as def
    from pg_event_trigger e`,
};

/**
 * Rows the schema itself puts into tables (reference data such as regions and default
 * settings), as a checksum per table. Timestamps (when, not what) and bytea (generated keys)
 * are left out.
 */
async function dataChecksums(client: pg.Client, schemas: string[]): Promise<Array<{ key: string; def: string }>> {
  const tables = (await client.query<{ schema: string; name: string; cols: string[] }>(`
    select n.nspname as schema, c.relname as name,
      array_agg(quote_ident(a.attname) order by a.attnum) filter (
        where t.typname not in ('timestamptz', 'timestamp', 'bytea')) as cols
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    where c.relkind = 'r' and (n.nspname = any($1) or n.nspname || '.' || c.relname = 'storage.buckets')
    group by n.nspname, c.relname order by 1, 2`, [schemas])).rows;
  const out: Array<{ key: string; def: string }> = [];
  for (const t of tables) {
    const rel = `${pgIdent(t.schema)}.${pgIdent(t.name)}`;
    const cols = t.cols.join(', ');
    const { rows } = await client.query<{ n: string; sum: string | null }>(
      `select count(*) as n, md5(string_agg(r, E'\\n' order by r)) as sum
       from (select row(${cols})::text as r from ${rel}) x`,
    );
    const sum = GENERATED_ROWS.has(`${t.schema}.${t.name}`) ? '' : ` ${rows[0].sum}`;
    if (Number(rows[0].n) > 0) out.push({ key: `data ${t.schema}.${t.name}`, def: `${rows[0].n} rows${sum}` });
  }
  return out;
}

/** Tables whose rows each database generates for itself (a random key): only their count is compared. */
const GENERATED_ROWS = new Set(['app.money_secrets']);

const pgIdent = (s: string) => (/^[a-z_][a-z0-9_]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);

export async function readCatalog(connectionString: string, opts: { schemas?: string[]; data?: boolean } = {}): Promise<Catalog> {
  const schemas = opts.schemas ?? OWN_SCHEMAS;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const catalog: Catalog = new Map();
    for (const sql of Object.values(Q)) {
      const params = sql.includes('$2') ? [schemas, SUPABASE_TABLES] : sql.includes('$1') ? [schemas] : [];
      const { rows } = await client.query<{ key: string | null; def: string | null }>(sql, params);
      for (const r of rows) if (r.key) catalog.set(r.key, r.def ?? '');
    }
    if (opts.data ?? true) for (const r of await dataChecksums(client, schemas)) catalog.set(r.key, r.def);
    return catalog;
  } finally {
    await client.end();
  }
}

export interface CatalogDifference {
  key: string;
  left?: string;
  right?: string;
}

/** Every key whose definition differs, or that only one side has, in key order. */
export function compareCatalogs(left: Catalog, right: Catalog): CatalogDifference[] {
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
  return keys
    .filter((k) => left.get(k) !== right.get(k))
    .map((key) => ({ key, left: left.get(key), right: right.get(key) }));
}

/** The differences as text, one block per object, definitions cut to `width` characters. */
export function describeDifferences(diffs: CatalogDifference[], names = ['left', 'right'], width = 400): string {
  const cut = (s: string) => (s.length > width ? `${s.slice(0, width)}…` : s);
  return diffs
    .map((d) =>
      d.left === undefined
        ? `only in ${names[1]}: ${d.key}`
        : d.right === undefined
          ? `only in ${names[0]}: ${d.key}`
          : `differs: ${d.key}\n  ${names[0]}: ${cut(d.left)}\n  ${names[1]}: ${cut(d.right)}`,
    )
    .join('\n');
}
