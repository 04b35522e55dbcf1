// The codes the database can write into what staff read, found by reading supabase/schemas
// (and the demo seed): audit actions and entities, reason codes, ledger journal kinds and
// reference types. Used by tests/unit/codes-in-words.test.ts, which fails when one of them has
// no words in a language. The reading is deliberately small: string literals, `case … end`,
// `a || b`, casts, an enum-typed parameter (its values), a parameter passed down from callers
// (the callers' arguments), and the row-change trigger (`<table>.<op>` of the tables it is on).
// Whatever it cannot resolve is reported, so a new kind of expression fails loudly instead of
// being skipped.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMAS = path.join(ROOT, 'supabase/schemas');
const SEED = path.join(ROOT, 'supabase/seed');

export interface SqlFunction {
  name: string; // schema-qualified, e.g. app.complaint_log
  params: Array<{ name: string; type: string }>;
  body: string;
  file: string;
}

export interface Scan {
  functions: SqlFunction[];
  enums: Map<string, string[]>;
  text: string; // every schema file, comments removed
  seedText: string;
}

const stripComments = (sql: string) => sql.replace(/--[^\n]*/g, '');

function readDir(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => stripComments(readFileSync(path.join(dir, f), 'utf8')))
    .join('\n');
}

/** Splits on top-level commas (outside parentheses, brackets and quotes). */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      cur += ch;
      if (ch === "'") {
        if (s[i + 1] === "'") cur += s[++i];
        else quote = false;
      }
      continue;
    }
    if (ch === "'") quote = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The text inside the parenthesis that opens at `open` (exclusive), quotes respected. */
function balanced(s: string, open: number): string {
  let depth = 0;
  let quote = false;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (quote) {
      if (ch === "'") {
        if (s[i + 1] === "'") i++;
        else quote = false;
      }
      continue;
    }
    if (ch === "'") quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return s.slice(open + 1, i);
    }
  }
  throw new Error(`unbalanced parenthesis at ${s.slice(open, open + 80)}`);
}

export function scan(): Scan {
  const text = readDir(SCHEMAS);
  const seedText = [stripComments(readFileSync(path.join(ROOT, 'supabase/seed.sql'), 'utf8')), readDir(SEED)].join('\n');
  const enums = new Map<string, string[]>();
  for (const m of text.matchAll(/create type (\w+\.\w+) as enum \(([^)]*)\)/g)) {
    enums.set(m[1], [...m[2].matchAll(/'([^']+)'/g)].map((x) => x[1]));
  }
  const functions: SqlFunction[] = [];
  for (const m of text.matchAll(/create or replace function (\w+\.\w+)\(/g)) {
    const open = m.index! + m[0].length - 1;
    const paramText = balanced(text, open);
    const params = splitArgs(paramText).map((p) => {
      const [name, ...type] = p.replace(/\s+default\s+.*$/i, '').split(/\s+/);
      return { name, type: type.join(' ') };
    });
    const rest = text.slice(open + paramText.length + 2);
    const bodyMatch = rest.match(/as (\$\w*\$)([\s\S]*?)\1/);
    functions.push({ name: m[1], params, body: bodyMatch ? bodyMatch[2] : '', file: '' });
  }
  return { functions, enums, text, seedText };
}

/** Every call `name(args…)` in the text, with its arguments and the function it sits in. */
export function callsOf(s: Scan, name: string): Array<{ args: string[]; caller: SqlFunction | null }> {
  const out: Array<{ args: string[]; caller: SqlFunction | null }> = [];
  const re = new RegExp(`(?<![\\w.])${name.replace('.', '\\.')}\\(`, 'g');
  const where = [...s.functions.map((f) => ({ text: f.body, caller: f as SqlFunction | null })), { text: s.seedText, caller: null }];
  for (const { text, caller } of where) {
    for (const m of text.matchAll(re)) {
      out.push({ args: splitArgs(balanced(text, m.index! + m[0].length - 1)), caller });
    }
  }
  return out;
}

export interface Resolved {
  values: Set<string>;
  unresolved: string[];
}

/**
 * The strings an expression can evaluate to, inside `fn` (null: outside any function).
 * `depth` stops runaway recursion through callers.
 */
export function resolve(s: Scan, expr: string, fn: SqlFunction | null, depth = 0): Resolved {
  const out: Resolved = { values: new Set(), unresolved: [] };
  const add = (r: Resolved) => {
    r.values.forEach((v) => out.values.add(v));
    out.unresolved.push(...r.unresolved);
  };
  let e = expr.trim();
  while (e.startsWith('(') && balanced(e, 0).length === e.length - 2) e = e.slice(1, -1).trim();
  if (/^null$/i.test(e)) return out;
  // a || b || c: every combination
  const parts = splitConcat(e);
  if (parts.length > 1) {
    let acc: string[] = [''];
    for (const p of parts) {
      const r = resolve(s, p, fn, depth);
      out.unresolved.push(...r.unresolved);
      acc = acc.flatMap((a) => [...r.values].map((v) => a + v));
    }
    acc.forEach((v) => out.values.add(v));
    return out;
  }
  let m = e.match(/^'((?:[^']|'')*)'(?:::\w+(?:\.\w+)?)?$/);
  if (m) {
    out.values.add(m[1].replace(/''/g, "'"));
    return out;
  }
  if (/^case\b/i.test(e)) {
    for (const branch of e.matchAll(/\b(?:then|else)\s+('(?:[^']|'')*'|\w+(?:::\w+)?)/gi)) add(resolve(s, branch[1], fn, depth));
    return out;
  }
  m = e.match(/^(?:coalesce\((?:nullif\(btrim\((\w+)\),\s*''\)|(\w+)),\s*('(?:[^']|'')*')\))$/i);
  if (m) {
    add(resolve(s, m[1] ?? m[2], fn, depth));
    add(resolve(s, m[3], fn, depth));
    return out;
  }
  m = e.match(/^lower\(tg_op\)$/i);
  if (m) {
    ['insert', 'update', 'delete'].forEach((v) => out.values.add(v));
    return out;
  }
  // an identifier, possibly cast: an enum parameter gives its values, another parameter its callers' arguments
  m = e.match(/^(\w+)(?:::(\w+(?:\.\w+)?))?$/);
  if (m && fn) {
    const name = m[1];
    const idx = fn.params.findIndex((p) => p.name === name);
    if (idx >= 0) {
      const type = fn.params[idx].type.replace(/\[\]$/, '');
      const values = s.enums.get(type);
      if (values) {
        values.forEach((v) => out.values.add(v));
        return out;
      }
      if (depth > 4) {
        out.unresolved.push(`${fn.name}: ${e}`);
        return out;
      }
      const calls = callsOf(s, fn.name);
      for (const c of calls) {
        if (c.args.length <= idx) continue; // a default
        add(resolve(s, c.args[idx], c.caller, depth + 1));
      }
      return out;
    }
    // a local declared with an enum type (`to_state public.listing_trade_state`)
    const local = fn.body.match(new RegExp(`\\b${name}\\s+(\\w+\\.\\w+)\\s*(?::=|;)`));
    if (local && s.enums.get(local[1])) {
      s.enums.get(local[1])!.forEach((v) => out.values.add(v));
      return out;
    }
  }
  // a column of a row variable (old.kind::text): the column's enum values
  m = e.match(/^(\w+)\.(\w+)(?:::text)?$/);
  if (m && fn) {
    const table = rowTable(fn, m[1]);
    const type = table ? columnType(s, table, m[2]) : null;
    const values = type ? s.enums.get(type) : undefined;
    if (values) {
      values.forEach((v) => out.values.add(v));
      return out;
    }
  }
  out.unresolved.push(`${fn?.name ?? 'seed'}: ${e}`);
  return out;
}

function splitConcat(e: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = '';
  for (let i = 0; i < e.length; i++) {
    const ch = e[i];
    if (quote) {
      cur += ch;
      if (ch === "'") {
        if (e[i + 1] === "'") cur += e[++i];
        else quote = false;
      }
      continue;
    }
    if (ch === "'") quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && ch === '|' && e[i + 1] === '|') {
      out.push(cur.trim());
      cur = '';
      i++;
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  // `case … end` is one term even though its branches are not parenthesised
  return /^case\b/i.test(e) && /\bend$/i.test(e) && out.length > 1 && !out[0].match(/\bend$/i) ? [e] : out;
}

/** The tables the row-change trigger is on, with the operations it fires for. */
export function rowChangeTriggers(s: Scan): Array<{ table: string; ops: string[] }> {
  const out: Array<{ table: string; ops: string[] }> = [];
  for (const m of s.text.matchAll(/create trigger \w+ after ([\w\s]+?) on public\.(\w+)\s+for each row[^;]*execute function app\.audit_row_change\(\)/g)) {
    out.push({ table: m[2], ops: m[1].split(/\s+or\s+/).map((o) => o.trim().toLowerCase()) });
  }
  return out;
}

/** The audit actions and entities the database can write. */
export function auditCodes(s: Scan): { actions: Set<string>; entities: Set<string>; unresolved: string[] } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  const unresolved: string[] = [];
  for (const fn of s.functions) {
    for (const m of fn.body.matchAll(/app\.audit\(/g)) {
      const args = splitArgs(balanced(fn.body, m.index! + m[0].length - 1));
      if (fn.name === 'app.audit_row_change') continue; // below, from its triggers
      if (args[0].startsWith("'export.")) continue; // export.<list>: worded from the list's name
      const a = resolve(s, args[0], fn);
      const en = resolve(s, args[1], fn);
      a.values.forEach((v) => actions.add(v));
      en.values.forEach((v) => entities.add(v));
      unresolved.push(...a.unresolved, ...en.unresolved);
    }
  }
  for (const t of rowChangeTriggers(s)) {
    entities.add(t.table);
    t.ops.forEach((op) => actions.add(`${t.table}.${op}`));
  }
  return { actions, entities, unresolved };
}

/**
 * Reason codes the database writes itself: literal arguments given to a parameter named
 * reason_code / p_reason_code (an enum's values when an enum is passed), and `code: note`
 * literals in the schemas and the seed.
 */
export function reasonCodes(s: Scan): Set<string> {
  const codes = new Set<string>();
  for (const fn of s.functions) {
    const idx = fn.params.findIndex((p) => /^p?_?reason_code$/.test(p.name));
    if (idx < 0) continue;
    for (const c of callsOf(s, fn.name)) {
      if (c.args.length <= idx) continue;
      const r = resolve(s, c.args[idx], c.caller);
      // what is passed on from a caller's own p_reason_code comes from the panel's lists
      r.values.forEach((v) => codes.add(v));
    }
  }
  // `code: note` literals (a code, then human text)
  for (const m of `${s.text}\n${s.seedText}`.matchAll(/'([a-z][a-z_]+): [\u3000-\u9fff\uff00-\uffef]/g)) codes.add(m[1]);
  // `…_reason = 'code'` assignments and inserts (a promotion's end_reason = 'expired')
  for (const m of `${s.text}\n${s.seedText}`.matchAll(/\w*_reason = '([a-z][a-z_]+)'/g)) codes.add(m[1]);
  for (const m of s.seedText.matchAll(/end_reason\)\s*select[^;]*?'([a-z][a-z_]+)'\s*from/g)) codes.add(m[1]);
  // 'prefix_' || enum_param::text || ': ' …: the prefix and each value of the enum
  for (const fn of s.functions) {
    for (const m of fn.body.matchAll(/'([a-z][a-z_]*_)'\s*\|\|\s*(\w+)(?:::text)?\s*\|\|\s*': '/g)) {
      resolve(s, m[2], fn).values.forEach((v) => codes.add(m[1] + v));
    }
  }
  return codes;
}

/** Ledger journal kinds and reference types the database posts. */
export function journalCodes(s: Scan): { kinds: Set<string>; refTypes: Set<string>; unresolved: string[] } {
  const kinds = new Set<string>();
  const refTypes = new Set<string>();
  const unresolved: string[] = [];
  for (const fn of s.functions) {
    for (const m of fn.body.matchAll(/app\.post_journal\(/g)) {
      const args = splitArgs(balanced(fn.body, m.index! + m[0].length - 1));
      const k = resolve(s, args[0], fn);
      const r = resolve(s, args[1], fn);
      k.values.forEach((v) => kinds.add(v));
      r.values.forEach((v) => refTypes.add(v));
      unresolved.push(...k.unresolved, ...r.unresolved);
    }
  }
  for (const m of `${s.text}\n${s.seedText}`.matchAll(/insert into public\.ledger_journals \(kind, ref_type[^)]*\)\s*(?:values\s*\(|select\s+)('[^']*'),\s*('[^']*')/g)) {
    kinds.add(m[1].slice(1, -1));
    refTypes.add(m[2].slice(1, -1));
  }
  return { kinds, refTypes, unresolved };
}

/** A column's type as written in the schemas (`public.payment_kind`). */
export function columnType(s: Scan, table: string, column: string): string | null {
  const m = s.text.match(new RegExp(`create table public\\.${table} \\(`));
  if (!m) return null;
  for (const c of splitArgs(balanced(s.text, m.index! + m[0].length - 1))) {
    const [name, type] = c.trim().split(/\s+/);
    if (name === column) return type ?? null;
  }
  return null;
}

/** Column names of a table in the schemas. */
export function tableColumns(s: Scan, table: string): string[] {
  const m = s.text.match(new RegExp(`create table public\\.${table} \\(`));
  if (!m) return [];
  const inner = balanced(s.text, m.index! + m[0].length - 1);
  return splitArgs(inner)
    .map((c) => c.trim().split(/\s+/)[0])
    .filter((c) => c && !/^(constraint|primary|unique|check|foreign|exclude)$/i.test(c));
}

/** The table a row variable holds (`old public.staff`, a parameter or a declared local). */
function rowTable(fn: SqlFunction, name: string): string | null {
  const p = fn.params.find((x) => x.name === name);
  const type = p?.type ?? fn.body.match(new RegExp(`\\b${name}\\s+(public\\.\\w+)\\s*(?::=[^;]*)?;`))?.[1];
  const m = type?.match(/^public\.(\w+)$/);
  return m ? m[1] : null;
}

/**
 * The keys an audit row's before/after can hold, per entity: `jsonb_build_object('key', …)`
 * keys and the columns of a row passed through `to_jsonb(row)` (less the ones cut off with
 * `- '{…}'` or `- 'key'`); for the row-change trigger, every column of its tables.
 */
export function auditFieldKeys(s: Scan): { keys: Map<string, Set<string>>; unresolved: string[] } {
  const keys = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  const put = (entity: string, k: string) => {
    if (!keys.has(entity)) keys.set(entity, new Set());
    keys.get(entity)!.add(k);
  };
  for (const fn of s.functions) {
    if (fn.name === 'app.audit_row_change') continue;
    for (const m of fn.body.matchAll(/app\.audit\(/g)) {
      const args = splitArgs(balanced(fn.body, m.index! + m[0].length - 1));
      if (args[0].startsWith("'export.")) continue;
      const entities = resolve(s, args[1], fn).values;
      for (const side of args.slice(3, 5)) {
        if (!side || /^null$/i.test(side)) continue;
        const found: string[] = [];
        for (const b of side.matchAll(/jsonb_build_object\(/g)) {
          const inner = splitArgs(balanced(side, b.index! + b[0].length - 1));
          for (let i = 0; i < inner.length; i += 2) {
            const k = inner[i].match(/^'(\w+)'$/);
            if (k) found.push(k[1]);
          }
        }
        for (const t of side.matchAll(/to_jsonb\((\w+)\)((?:\s*-\s*'[^']*'(?:::text\[\])?)*)/g)) {
          const table = rowTable(fn, t[1]);
          // a declared value that is not a row (an id list) adds no keys
          if (!table && new RegExp(`\\b${t[1]}\\s+(?!public\\.)[\\w\\[\\]]+\\s*(?::=[^;]*)?;`).test(fn.body)) continue;
          if (!table) {
            unresolved.push(`${fn.name}: to_jsonb(${t[1]})`);
            continue;
          }
          const cut = new Set([...t[2].matchAll(/'\{?([^'}]*)\}?'/g)].flatMap((c) => c[1].split(',')));
          found.push(...tableColumns(s, table).filter((c) => !cut.has(c)));
        }
        for (const e of entities) found.forEach((k) => put(e, k));
      }
    }
  }
  for (const t of rowChangeTriggers(s)) tableColumns(s, t.table).forEach((c) => put(t.table, c));
  return { keys, unresolved };
}

/**
 * The memos the ledger can be given, as samples: literal parts kept, each value part replaced
 * by a sample token. `free` is a memo that is wholly a person's text (a refund's reason).
 */
export function journalMemos(s: Scan): Array<{ kind: string; samples: string[]; free: boolean }> {
  const out: Array<{ kind: string; samples: string[]; free: boolean }> = [];
  const sample = (expr: string, fn: SqlFunction): { samples: string[]; free: boolean } => {
    const parts = splitConcat(expr.trim());
    let acc = [''];
    let literal = false;
    for (const p of parts) {
      const r = resolve(s, p, fn);
      const values = r.unresolved.length || r.values.size === 0 ? ['X0000000001'] : [...r.values];
      if (!r.unresolved.length && r.values.size) literal = true;
      else if (/^format\(/.test(p)) {
        // format('settlement %s..%s', a, b): the pattern with sample dates
        const f = splitArgs(p.slice(7, -1));
        acc = acc.map((a) => a + f[0].slice(1, -1).replace(/%s/g, '2026-11-23'));
        literal = true;
        continue;
      }
      acc = acc.flatMap((a) => values.map((v) => a + v));
    }
    return { samples: acc, free: !literal };
  };
  for (const fn of s.functions) {
    for (const m of fn.body.matchAll(/app\.post_journal\(/g)) {
      const args = splitArgs(balanced(fn.body, m.index! + m[0].length - 1));
      for (const kind of resolve(s, args[0], fn).values) out.push({ kind, ...sample(args[3], fn) });
    }
    if (fn.name === 'app.post_journal') continue; // its own insert: the calls above
    for (const m of fn.body.matchAll(/insert into public\.ledger_journals \(kind, ref_type, ref_id, memo[^)]*\)\s*(values\s*\(|select\s+)/g)) {
      const start = m.index! + m[0].length;
      const rest = m[1].startsWith('values') ? balanced(fn.body, start - 1) : fn.body.slice(start, fn.body.indexOf(' from ', start));
      const args = splitArgs(rest);
      for (const kind of resolve(s, args[0], fn).values) out.push({ kind, ...sample(args[3], fn) });
    }
  }
  return out;
}
