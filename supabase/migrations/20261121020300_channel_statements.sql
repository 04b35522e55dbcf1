-- Channel statements (对账单, R-PAY-4): rows imported from WeChat Pay / Alipay / bank CSVs,
-- matched against payments by (channel, channel transaction id).
create table public.channel_statements (
  id bigint generated always as identity primary key,
  channel public.payment_channel not null,
  statement_ref text not null check (char_length(btrim(statement_ref)) between 1 and 80),
  -- business days the statement covers (Asia/Shanghai); payments paid in it must appear
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  imported_at timestamptz not null default now(),
  imported_by uuid,
  constraint channel_statements_ref unique (channel, statement_ref)
);
comment on table public.channel_statements is '渠道对账单: one imported statement per channel and reference';

create table public.channel_statement_lines (
  id bigint generated always as identity primary key,
  statement_id bigint not null references public.channel_statements (id),
  channel public.payment_channel not null,
  channel_txn_id text not null,
  amount_fen bigint not null,
  occurred_at timestamptz not null,
  constraint channel_statement_lines_once unique (statement_id, channel_txn_id)
);
create index channel_statement_lines_txn_idx on public.channel_statement_lines (channel, channel_txn_id);

-- Imports rows [{statement_id, channel, channel_txn_id, amount_fen, occurred_at}, …] (the
-- parsed CSV). Rows are grouped into statements by (channel, statement_id); re-importing the
-- same rows adds nothing. A statement's period grows to cover its rows. All or nothing.
create or replace function public.channel_statement_import(p_rows jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  bad record;
  inserted integer;
  total integer;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance imports statements', '42501');
  end if;
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' or jsonb_array_length(p_rows) = 0 then
    perform app.fail('invalid_input', 'rows must be a non-empty JSON array');
  end if;
  if jsonb_array_length(p_rows) > 100000 then
    perform app.fail('invalid_input', 'at most 100000 rows per import');
  end if;
  -- validate every row first, reporting the first bad one by its 1-based position
  select r.n, r.v into bad
    from jsonb_array_elements(p_rows) with ordinality r (v, n)
   where jsonb_typeof(r.v) <> 'object'
      or coalesce(btrim(r.v ->> 'statement_id'), '') = ''
      or coalesce(r.v ->> 'channel', '') not in ('wechat', 'alipay', 'bank_transfer')
      or coalesce(r.v ->> 'channel_txn_id', '') !~ '^[A-Za-z0-9_-]{4,64}$'
      or coalesce(r.v ->> 'amount_fen', '') !~ '^-?[0-9]{1,15}$'
      or coalesce(r.v ->> 'occurred_at', '') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
   limit 1;
  if found then
    perform app.fail('invalid_input', format('row %s is invalid: %s', bad.n, bad.v));
  end if;

  begin
    create temp table if not exists pg_temp.stmt_rows (statement_ref text, channel public.payment_channel,
      channel_txn_id text, amount_fen bigint, occurred_at timestamptz) on commit drop;
    truncate pg_temp.stmt_rows;
    insert into pg_temp.stmt_rows
    select btrim(v ->> 'statement_id'), (v ->> 'channel')::public.payment_channel, v ->> 'channel_txn_id',
           (v ->> 'amount_fen')::bigint, (v ->> 'occurred_at')::timestamptz
      from jsonb_array_elements(p_rows) v;
  exception when invalid_datetime_format or datetime_field_overflow then
    perform app.fail('invalid_input', 'a row has an invalid occurred_at: ' || sqlerrm);
  end;

  select channel, channel_txn_id into bad from pg_temp.stmt_rows
   group by statement_ref, channel, channel_txn_id having count(*) > 1 or count(distinct amount_fen) > 1 limit 1;
  if found then
    perform app.fail('invalid_input', format('transaction %s appears twice in one statement', bad.channel_txn_id));
  end if;

  insert into public.channel_statements (channel, statement_ref, period_from, period_to, imported_by)
  select channel, statement_ref, min(app.biz_date(occurred_at)), max(app.biz_date(occurred_at)), (select auth.uid())
    from pg_temp.stmt_rows group by channel, statement_ref
  on conflict on constraint channel_statements_ref do update
    set period_from = least(public.channel_statements.period_from, excluded.period_from),
        period_to = greatest(public.channel_statements.period_to, excluded.period_to);

  insert into public.channel_statement_lines (statement_id, channel, channel_txn_id, amount_fen, occurred_at)
  select s.id, r.channel, r.channel_txn_id, r.amount_fen, r.occurred_at
    from pg_temp.stmt_rows r
    join public.channel_statements s on s.channel = r.channel and s.statement_ref = r.statement_ref
  on conflict on constraint channel_statement_lines_once do nothing;
  get diagnostics inserted = row_count;
  select count(*) into total from pg_temp.stmt_rows;

  perform app.audit('channel_statement.import', 'channel_statement',
    (select string_agg(distinct channel || ':' || statement_ref, ',') from pg_temp.stmt_rows),
    null, jsonb_build_object('rows', total, 'inserted', inserted));
  return jsonb_build_object('rows', total, 'inserted', inserted, 'skipped', total - inserted,
    'statements', (select jsonb_agg(distinct jsonb_build_object('channel', channel, 'statement_id', statement_ref))
                     from pg_temp.stmt_rows));
end;
$$;

-- Reconciliation (R-PAY-4): every statement line and every payment a statement should
-- contain (succeeded or later refunded, paid within an imported statement's period on its
-- channel), classified matched | amount_mismatch | extra (statement only) | missing
-- (payment only).
create or replace view public.v_payment_reconciliation
with (security_invoker = on) as
with lines as (
  select l.id as line_id, l.statement_id, s.statement_ref, l.channel, l.channel_txn_id, l.amount_fen, l.occurred_at
    from public.channel_statement_lines l
    join public.channel_statements s on s.id = l.statement_id
),
expected as (
  select p.id, p.payment_no, p.channel, p.channel_txn_id, p.amount_fen, p.paid_at, p.status, p.kind, p.city_code,
         (select s.id from public.channel_statements s
           where s.channel = p.channel and app.biz_date(p.paid_at) between s.period_from and s.period_to
           order by s.id limit 1) as statement_id
    from public.payments p
   where p.status in ('succeeded', 'refunded') and p.channel_txn_id is not null
)
select
  case
    when l.line_id is null then 'missing'
    when p.id is null then 'extra'
    when l.amount_fen <> p.amount_fen then 'amount_mismatch'
    else 'matched'
  end as result,
  coalesce(l.channel, p.channel) as channel,
  coalesce(l.channel_txn_id, p.channel_txn_id) as channel_txn_id,
  coalesce(l.statement_id, p.statement_id) as statement_id,
  l.statement_ref,
  p.id as payment_id,
  p.payment_no,
  p.kind as payment_kind,
  p.status as payment_status,
  p.amount_fen as payment_amount_fen,
  l.amount_fen as statement_amount_fen,
  coalesce(l.amount_fen, 0) - coalesce(p.amount_fen, 0) as diff_fen,
  coalesce(l.occurred_at, p.paid_at) as occurred_at,
  p.city_code
from lines l
full join (select * from expected e where e.statement_id is not null
           or exists (select 1 from public.channel_statement_lines x
                       where x.channel = e.channel and x.channel_txn_id = e.channel_txn_id)) p
  on p.channel = l.channel and p.channel_txn_id = l.channel_txn_id;
comment on view public.v_payment_reconciliation is '对账结果: matched / missing / extra / amount_mismatch per transaction';

-- The same, filtered, for the reconciliation screen and exports.
create or replace function public.payment_reconciliation(
  p_channel public.payment_channel default null,
  p_from date default null,
  p_to date default null,
  p_only_problems boolean default false
)
returns setof public.v_payment_reconciliation
language sql
stable
security invoker
set search_path = ''
as $$
  select r.* from public.v_payment_reconciliation r
   where (p_channel is null or r.channel = p_channel)
     and (p_from is null or app.biz_date(r.occurred_at) >= p_from)
     and (p_to is null or app.biz_date(r.occurred_at) <= p_to)
     and (not p_only_problems or r.result <> 'matched')
   order by r.occurred_at, r.channel_txn_id
$$;

alter table public.channel_statements enable row level security;
alter table public.channel_statement_lines enable row level security;
revoke all on public.channel_statements, public.channel_statement_lines, public.v_payment_reconciliation from anon;
revoke insert, update, delete, truncate on public.channel_statements, public.channel_statement_lines,
  public.v_payment_reconciliation from authenticated;
grant select on public.channel_statements, public.channel_statement_lines, public.v_payment_reconciliation to authenticated;
create policy channel_statements_read on public.channel_statements for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));
create policy channel_statement_lines_read on public.channel_statement_lines for select to authenticated
  using ((select app.has_role('admin', 'finance', 'customer_service', 'analyst')));

revoke execute on function public.channel_statement_import(jsonb),
  public.payment_reconciliation(public.payment_channel, date, date, boolean) from public, anon;
grant execute on function public.channel_statement_import(jsonb),
  public.payment_reconciliation(public.payment_channel, date, date, boolean) to authenticated, service_role;
