// `npm run types`: writes src/types/database.ts from the live schema, in the shape
// `supabase gen types typescript` produces (Tables/Views/Functions/Enums per schema), so
// supabase-js clients can be typed. Reads the running local stack (or DATABASE_URL).
// `--check` exits 1 when the committed file differs (the test layer uses generateTypes()).
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ROOT, stackConfig } from './local-stack/config.ts';

export const TYPES_FILE = path.join(ROOT, 'src', 'types', 'database.ts');

const SCALARS: Record<string, string> = {
  bool: 'boolean', int2: 'number', int4: 'number', int8: 'number', float4: 'number', float8: 'number',
  numeric: 'number', oid: 'number', text: 'string', varchar: 'string', bpchar: 'string', citext: 'string',
  uuid: 'string', date: 'string', time: 'string', timetz: 'string', timestamp: 'string', timestamptz: 'string',
  interval: 'string', inet: 'string', ltree: 'string', bytea: 'string', json: 'Json', jsonb: 'Json',
  tsvector: 'string', point: 'unknown', void: 'undefined', record: 'Json',
};

interface Col { rel: string; kind: string; name: string; type: string; elem: string | null; typtype: string; nullable: boolean; has_default: boolean; identity: boolean; generated: boolean; updatable: boolean }

function tsType(type: string, elem: string | null, typtype: string, enums: Set<string>, composites: Set<string>): string {
  if (elem) return `${tsType(elem, null, enums.has(elem) ? 'e' : 'b', enums, composites)}[]`;
  if (typtype === 'e' || enums.has(type)) return `Database["public"]["Enums"]["${type}"]`;
  if (composites.has(type)) return `Database["public"]["CompositeTypes"]["${type}"]`;
  return SCALARS[type] ?? 'unknown';
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

export async function generateTypes(connectionString: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const enums = (await client.query<{ name: string; labels: string[] }>(`
      select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
      from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' group by t.typname order by t.typname`)).rows;
    const enumNames = new Set(enums.map((e) => e.name));
    const cols = (await client.query<Col>(`
      select c.relname as rel, c.relkind::text as kind, a.attname as name, t.typname as type,
             et.typname as elem, t.typtype::text as typtype, not a.attnotnull as nullable,
             a.atthasdef as has_default, a.attidentity <> '' as identity, a.attgenerated <> '' as generated,
             c.relkind = 'r' or (c.relkind = 'v' and pg_column_is_updatable(c.oid, a.attnum, false)) as updatable
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_type t on t.oid = a.atttypid left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
      where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'c', 'p')
      order by c.relname, a.attnum`)).rows;
    const composites = new Set(cols.filter((c) => c.kind === 'c').map((c) => c.rel));
    const fns = (await client.query<{ name: string; args: Array<{ name: string; type: string; elem: string | null; has_default: boolean }> | null; ret: string; ret_elem: string | null; retset: boolean; ret_rel: string | null }>(`
      select p.proname as name,
        -- proargtypes (an oidvector) counts from 0 and proargnames from 1: number the input
        -- arguments from 1 so each name meets its own type
        (select json_agg(json_build_object('name', p.proargnames[a.i], 'type', t.typname, 'elem', et.typname,
                 'has_default', a.i > p.pronargs - p.pronargdefaults) order by a.i)
         from unnest(p.proargtypes::oid[]) with ordinality as a (oid, i)
         join pg_type t on t.oid = a.oid
         left join pg_type et on et.oid = t.typelem and t.typcategory = 'A') as args,
        rt.typname as ret, ret.typname as ret_elem, p.proretset as retset,
        (select c.relname from pg_class c where c.reltype = p.prorettype) as ret_rel
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      join pg_type rt on rt.oid = p.prorettype
      left join pg_type ret on ret.oid = rt.typelem and rt.typcategory = 'A'
      where n.nspname = 'public' and p.prokind = 'f'
        and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        and rt.typname not in ('trigger', 'event_trigger')
      order by p.proname, p.oid`)).rows;

    const rels = new Map<string, Col[]>();
    for (const c of cols) rels.set(c.rel, [...(rels.get(c.rel) ?? []), c]);
    const t = (c: { type: string; elem: string | null; typtype?: string }) => tsType(c.type, c.elem, c.typtype ?? '', enumNames, composites);
    const out: string[] = [
      '// Generated by `npm run types` from the live schema. Do not edit by hand.',
      'export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];',
      '',
      'export type Database = {',
      '  public: {',
      '    Tables: {',
    ];
    const relBlock = (name: string, list: Col[], table: boolean) => {
      out.push(`      ${key(name)}: {`, '        Row: {');
      for (const c of list) out.push(`          ${key(c.name)}: ${t(c)}${c.nullable ? ' | null' : ''};`);
      out.push('        };');
      if (table || list.some((c) => c.updatable)) {
        for (const mode of ['Insert', 'Update'] as const) {
          out.push(`        ${mode}: {`);
          for (const c of list.filter((x) => !x.generated && x.updatable)) {
            const optional = mode === 'Update' || c.nullable || c.has_default || c.identity || !table;
            out.push(`          ${key(c.name)}${optional ? '?' : ''}: ${t(c)}${c.nullable ? ' | null' : ''};`);
          }
          out.push('        };');
        }
      }
      out.push('        Relationships: [];', '      };');
    };
    for (const [name, list] of rels) if (list[0].kind === 'r' || list[0].kind === 'p') relBlock(name, list, true);
    out.push('    };', '    Views: {');
    for (const [name, list] of rels) if (list[0].kind === 'v' || list[0].kind === 'm') relBlock(name, list, false);
    out.push('    };', '    Functions: {');
    const byName = new Map<string, typeof fns>();
    for (const f of fns) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
    for (const [name, overloads] of byName) {
      const variants = overloads.map((f) => {
        const args = (f.args ?? []).filter((a) => a.name);
        const argsTs = args.length
          ? `{ ${args.map((a) => `${key(a.name)}${a.has_default ? '?' : ''}: ${t({ type: a.type, elem: a.elem })}`).join('; ')} }`
          : 'Record<PropertyKey, never>';
        const base = f.ret_rel && rels.has(f.ret_rel)
          ? `{ ${rels.get(f.ret_rel)!.map((c) => `${key(c.name)}: ${t(c)}${c.nullable ? ' | null' : ''}`).join('; ')} }`
          : t({ type: f.ret, elem: f.ret_elem });
        return `{ Args: ${argsTs}; Returns: ${f.retset ? `${base}[]` : base} }`;
      });
      out.push(`      ${key(name)}: ${variants.join(' | ')};`);
    }
    out.push('    };', '    Enums: {');
    for (const e of enums) out.push(`      ${key(e.name)}: ${e.labels.map((l) => JSON.stringify(l)).join(' | ')};`);
    out.push('    };', '    CompositeTypes: {');
    const compositeRels = [...rels].filter(([, list]) => list[0].kind === 'c');
    // an empty section is spelled as supabase's generator does, not as `{}`
    if (compositeRels.length === 0) out.push('      [_ in never]: never;');
    for (const [name, list] of compositeRels) {
      out.push(`      ${key(name)}: { ${list.map((c) => `${key(c.name)}: ${t(c)} | null`).join('; ')} };`);
    }
    out.push('    };', '  };', '};', '');
    out.push(
      'type PublicSchema = Database["public"];',
      'export type Tables<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Row"];',
      'export type Views<T extends keyof PublicSchema["Views"]> = PublicSchema["Views"][T]["Row"];',
      'export type Enums<T extends keyof PublicSchema["Enums"]> = PublicSchema["Enums"][T];',
      '',
    );
    return out.join('\n');
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cfg = await stackConfig();
  const url = process.env.DATABASE_URL ?? cfg.dbUrl;
  const text = await generateTypes(url);
  if (process.argv.includes('--check')) {
    const current = await fs.readFile(TYPES_FILE, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('src/types/database.ts is out of date: run `npm run types`');
      process.exit(1);
    }
    console.log('src/types/database.ts is up to date');
  } else {
    await fs.mkdir(path.dirname(TYPES_FILE), { recursive: true });
    await fs.writeFile(TYPES_FILE, text);
    console.log(`wrote ${path.relative(ROOT, TYPES_FILE)}`);
  }
}
