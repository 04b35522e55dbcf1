// The Supabase CLI's statement splitter as re-stated in scripts/db/cli-split.ts: what the
// hosted-compat check sends must be cut where `supabase db push` cuts.
import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../scripts/db/cli-split.ts';

describe('splitStatements', () => {
  it('splits on semicolons, trims, drops empty pieces', () => {
    expect(splitStatements('select 1;  select 2 ;\n;\n')).toEqual(['select 1', 'select 2']);
  });
  it('keeps semicolons inside quotes, doubled quotes, identifiers and comments', () => {
    const sql = `insert into t values ('a;b', 'it''s;'); select "x;y" from t; -- a; comment\nselect 3; /* b; /* nested; */ c; */ select 4;`;
    expect(splitStatements(sql)).toEqual([
      "insert into t values ('a;b', 'it''s;')",
      'select "x;y" from t',
      '-- a; comment\nselect 3',
      '/* b; /* nested; */ c; */ select 4',
    ]);
  });
  it('keeps dollar-quoted bodies whole, tagged or not, and tells $1 from a tag', () => {
    const sql = 'create function f() returns int language sql as $$ select 1; $$; do $body$ begin perform 1; end $body$; select $1;';
    expect(splitStatements(sql)).toEqual([
      'create function f() returns int language sql as $$ select 1; $$',
      'do $body$ begin perform 1; end $body$',
      'select $1',
    ]);
  });
  it('keeps BEGIN ATOMIC … END and parenthesised lists whole', () => {
    const sql = 'create function g() returns int language sql begin atomic select 1; select 2; end; select (1; 2);';
    expect(splitStatements(sql)).toEqual([
      'create function g() returns int language sql begin atomic select 1; select 2; end',
      'select (1; 2)',
    ]);
  });
  it('lets a backslash outside a string hide the next character (the CLI does)', () => {
    expect(splitStatements('select 1 \\; select 2;')).toEqual(['select 1 \\; select 2']);
  });
  it('a trailing comment is a statement of its own', () => {
    expect(splitStatements('select 1;\n-- the end\n')).toEqual(['select 1', '-- the end']);
  });
});
