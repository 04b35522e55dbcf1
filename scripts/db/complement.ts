// What migra (@pgkit/migra) leaves out of a generated migration, written from the target
// database: privileges (it emits no GRANT or REVOKE even when asked), view and table options
// (a `create or replace view` it writes drops `security_invoker`, which would let the view
// bypass row-level security), row-level security switches and comments.
// Privileges are written in absolute form (revoke from every API role, then grant what the
// target has), so the result does not depend on the project's default privileges.
import pg from 'pg';
import type { CatalogDifference } from './catalog.ts';

export const API_ROLES = ['public', 'anon', 'authenticated', 'service_role'];
const TABLE_ALL = ['DELETE', 'INSERT', 'MAINTAIN', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'];
const SEQUENCE_ALL = ['SELECT', 'UPDATE', 'USAGE'];

type Entry = { grantee: string; privilege: string };

/** `revoke all … ; grant …` statements that give `target` exactly `entries` (the owner's own are left alone). */
export function privilegeStatements(objectWord: string, target: string, entries: Entry[], owner: string, columns?: string): string[] {
  const on = columns ? `(${columns}) on ${objectWord} ${target}` : `on ${objectWord} ${target}`;
  const out = [columns ? `revoke all ${on} from ${API_ROLES.join(', ')};` : `revoke all ${on} from ${API_ROLES.join(', ')};`];
  const byGrantee = new Map<string, string[]>();
  for (const e of entries) {
    if (e.grantee === owner) continue;
    byGrantee.set(e.grantee, [...(byGrantee.get(e.grantee) ?? []), e.privilege]);
  }
  const all = objectWord === 'sequence' ? SEQUENCE_ALL : objectWord === 'table' ? TABLE_ALL : null;
  for (const [grantee, privs] of byGrantee) {
    const sorted = [...new Set(privs)].sort();
    const word = all && !columns && sorted.join() === all.join() ? 'all' : sorted.map((p) => p.toLowerCase()).join(', ');
    out.push(columns ? `grant ${word} (${columns}) on ${objectWord} ${target} to ${grantee};` : `grant ${word} ${on} to ${grantee};`);
  }
  return out;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface Complement {
  sql: string[];
  /** differences this module does not write (the developer completes them by hand) */
  unhandled: CatalogDifference[];
}

/** Statements that bring a database showing `diffs` (left = it, right = target) to the target's privileges, options and comments. */
export async function complementSql(targetUrl: string, diffs: CatalogDifference[]): Promise<Complement> {
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  const sql: string[] = [];
  const unhandled: CatalogDifference[] = [];
  try {
    for (const d of diffs) {
      const [kind, ...rest] = d.key.split(' ');
      const name = rest.join(' ');
      const done = await (async (): Promise<boolean> => {
        if (kind === 'relation' && d.right !== undefined && d.left !== undefined) {
          const { rows } = await client.query<{ relkind: string; rls: boolean; force: boolean; options: string[] | null }>(
            `select c.relkind::text, c.relrowsecurity as rls, c.relforcerowsecurity as force, c.reloptions as options
             from pg_class c where c.oid = $1::regclass`, [name]);
          const r = rows[0];
          const word = r.relkind === 'v' ? 'view' : r.relkind === 'm' ? 'materialized view' : 'table';
          if (r.relkind === 'r' || r.relkind === 'p') {
            sql.push(`alter table ${name} ${r.rls ? 'enable' : 'disable'} row level security;`);
            sql.push(`alter table ${name} ${r.force ? 'force' : 'no force'} row level security;`);
          }
          if (r.options?.length) sql.push(`alter ${word} ${name} set (${r.options.join(', ')});`);
          else if (/options [^;]/.test(d.left)) {
            const keys = d.left.match(/options ([^;]*)/)![1].split(',').map((o) => o.split('=')[0]);
            sql.push(`alter ${word} ${name} reset (${keys.join(', ')});`);
          }
          return true;
        }
        if (kind === 'grant' && d.right !== undefined) {
          if (name.includes('(')) {
            const { rows } = await client.query<{ owner: string; acl: Entry[] }>(
              `select pg_get_userbyid(p.proowner) as owner,
                 (select json_agg(json_build_object('grantee', case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end, 'privilege', a.privilege_type))
                  from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a) as acl
               from pg_proc p join pg_namespace n on n.oid = p.pronamespace
               where n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' = $1`, [name]);
            if (!rows.length) return false;
            sql.push(...privilegeStatements('function', name, rows[0].acl, rows[0].owner));
            return true;
          }
          const parts = name.split('.');
          if (parts.length === 2) {
            const { rows } = await client.query<{ owner: string; relkind: string; acl: Entry[] }>(
              `select pg_get_userbyid(c.relowner) as owner, c.relkind::text as relkind,
                 (select json_agg(json_build_object('grantee', case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end, 'privilege', a.privilege_type))
                  from aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a) as acl
               from pg_class c where c.oid = $1::regclass`, [name]);
            if (!rows.length) return false;
            sql.push(...privilegeStatements(rows[0].relkind === 'S' ? 'sequence' : 'table', name, rows[0].acl, rows[0].owner));
            return true;
          }
          // a column: schema.table.column
          const [schema, table, column] = parts;
          const { rows } = await client.query<{ owner: string; acl: Entry[] | null }>(
            `select pg_get_userbyid(c.relowner) as owner,
               (select json_agg(json_build_object('grantee', case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee) end, 'privilege', a.privilege_type))
                from aclexplode(at.attacl) a) as acl
             from pg_attribute at join pg_class c on c.oid = at.attrelid
             where c.oid = $1::regclass and at.attname = $2`, [`${schema}.${table}`, column]);
          sql.push(...privilegeStatements('table', `${schema}.${table}`, rows[0]?.acl ?? [], rows[0]?.owner ?? 'postgres', column));
          return true;
        }
        if (kind === 'grant' && d.right === undefined && !name.includes('(') && name.split('.').length === 3) {
          const [schema, table, column] = name.split('.');
          sql.push(`revoke all (${column}) on table ${schema}.${table} from ${API_ROLES.join(', ')};`);
          return true;
        }
        if (kind === 'comment') {
          const text = d.right === undefined ? 'null' : quote(d.right);
          const target = await commentTarget(client, name);
          if (!target) return false;
          sql.push(`comment on ${target} is ${text};`);
          return true;
        }
        return false;
      })();
      if (!done) unhandled.push(d);
    }
  } finally {
    await client.end();
  }
  return { sql, unhandled };
}

/** "table public.x", "column public.x.y", "function public.f(args)" … for a catalog comment key. */
async function commentTarget(client: pg.Client, name: string): Promise<string | null> {
  if (name.includes('(')) return `function ${name}`;
  const parts = name.split('.');
  if (parts.length === 1) return `schema ${name}`;
  const rel = await client.query<{ relkind: string }>(`select relkind::text from pg_class where oid = to_regclass($1)`, [parts.slice(0, 2).join('.')]);
  if (parts.length === 2) {
    if (rel.rows.length) return `${rel.rows[0].relkind === 'v' ? 'view' : rel.rows[0].relkind === 'm' ? 'materialized view' : 'table'} ${name}`;
    const typ = await client.query(`select 1 from pg_type where oid = to_regtype($1)`, [name]);
    return typ.rows.length ? `type ${name}` : null;
  }
  if (parts.length === 3 && rel.rows.length) {
    const col = await client.query(`select 1 from pg_attribute where attrelid = $1::regclass and attname = $2`, [parts.slice(0, 2).join('.'), parts[2]]);
    if (col.rows.length) return `column ${name}`;
  }
  return null;
}
