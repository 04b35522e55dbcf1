-- Payout batches (批量付款): finance gathers approved withdrawals into one bank batch-transfer
-- file, hands it to the bank, and imports the bank's result file. Every withdrawal still moves
-- only through the withdrawal functions of 13 (start payout, mark paid, mark failed), so the
-- ledger, the four-eyes rules and the history are theirs; this file adds the batch around them.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

-- paying: the file is made and its withdrawals are being paid; completed: every row has a result.
create type public.payout_batch_state as enum ('paying', 'completed');

create type public.payout_item_result as enum ('pending', 'paid', 'failed');

-- Tables --------------------------------------------------------------------------------------

create sequence app.payout_batch_no_seq;

create table public.payout_batches (
  id uuid primary key default extensions.gen_random_uuid(),
  -- PB + Beijing date + running number: what the bank's file and statement quote back
  batch_no text not null unique check (batch_no ~ '^PB[0-9]{8}[0-9]{4,}$'),
  -- the bank's batch-transfer layout the file was made in (money_settings.payout_bank_template)
  bank_template text not null check (bank_template in ('icbc', 'cmb')),
  item_count integer not null check (item_count > 0),
  -- what the payees receive (the withdrawals' net amounts)
  total_fen bigint not null check (total_fen > 0),
  made_by uuid not null,
  made_at timestamptz not null default now(),
  state public.payout_batch_state not null default 'paying',
  completed_at timestamptz,
  paid_count integer not null default 0,
  failed_count integer not null default 0,
  downloads integer not null default 0,
  constraint payout_batches_completed check ((state = 'completed') = (completed_at is not null)),
  constraint payout_batches_counts check (paid_count + failed_count <= item_count)
);
comment on table public.payout_batches is '批量付款: one bank batch-transfer file of approved withdrawals';
alter table public.payout_batches enable row level security;

create table public.payout_batch_items (
  batch_id uuid not null references public.payout_batches (id),
  -- the row of the bank file (1-based): a result file may quote it instead of the number
  row_no integer not null check (row_no > 0),
  withdrawal_id uuid not null references public.withdrawals (id),
  city_code text,
  amount_fen bigint not null check (amount_fen > 0),
  result public.payout_item_result not null default 'pending',
  bank_serial text,
  fail_reason text,
  result_at timestamptz,
  primary key (batch_id, row_no),
  constraint payout_batch_items_once unique (batch_id, withdrawal_id),
  constraint payout_batch_items_result check (
    (result = 'pending') = (result_at is null)
    and (result <> 'paid' or bank_serial is not null)
    and (result <> 'failed' or fail_reason is not null))
);
comment on table public.payout_batch_items is '批量付款明细: one withdrawal of a batch and the bank''s result for it';
alter table public.payout_batch_items enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index payout_batches_made_at_idx on public.payout_batches (made_at desc);

-- foreign key: the batches a withdrawal was in (its page lists them)
create index payout_batch_items_withdrawal_idx on public.payout_batch_items (withdrawal_id);

-- Row-level security --------------------------------------------------------------------------

-- A batch can span regions: region-scoped staff see the batches they made and the rows of
-- their regions; staff without a scope see every batch.
create policy payout_batches_read on public.payout_batches for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst'))
         and ((select app.all_regions()) or made_by = (select auth.uid())));

create policy payout_batch_items_read on public.payout_batch_items for select to authenticated
  using ((select app.has_role('admin', 'finance', 'analyst'))
         and ((select app.all_regions()) or app.in_region(city_code)));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.payout_batches, public.payout_batch_items from public, anon, authenticated, service_role;
grant select on table public.payout_batches, public.payout_batch_items to authenticated;
grant all on table public.payout_batches, public.payout_batch_items to service_role;
revoke all on sequence app.payout_batch_no_seq from public, anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- Makes a batch of approved withdrawals (the ids given, or null: every approved one in the
-- caller's regions) and starts each one's payout. A withdrawal that cannot be in it is left
-- out with its reason: the caller approved it (four eyes: whoever approved does not pay it),
-- it still waits for its second approval, or it is no longer approved. A named withdrawal of
-- another region refuses the whole call (out_of_region).
-- Nothing left: refused (nothing_to_pay). Returns the batch and the rows left out.
create or replace function public.payout_batch_create(p_withdrawal_ids uuid[] default null, p_bank_template text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  me uuid := (select auth.uid());
  tmpl text := coalesce(nullif(btrim(p_bank_template), ''), (app.money_settings()).payout_bank_template);
  b public.payout_batches;
  w public.withdrawals;
  wid uuid;
  skipped jsonb := '[]'::jsonb;
  n integer := 0;
  total bigint := 0;
  why text;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance makes payout batches', '42501');
  end if;
  perform app.require_mfa();
  if tmpl is null or tmpl not in ('icbc', 'cmb') then
    perform app.fail('invalid_input', 'unknown bank template ' || coalesce(tmpl, ''));
  end if;
  if p_withdrawal_ids is not null and cardinality(p_withdrawal_ids) > 1000 then
    perform app.fail('invalid_input', 'at most 1000 withdrawals per batch');
  end if;
  insert into public.payout_batches (batch_no, bank_template, item_count, total_fen, made_by)
  values ('PB' || to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('app.payout_batch_no_seq')::text, 4, '0'),
          tmpl, 1, 1, coalesce(me, '00000000-0000-0000-0000-000000000000'::uuid))
  returning * into b;
  -- in id order, so that two batches made at once lock their withdrawals in the same order
  for wid in
    select x.id from public.withdrawals x
     where (p_withdrawal_ids is null and x.state = 'approved'
            and (app.all_regions() or app.in_region(x.city_code)))
        or x.id = any (p_withdrawal_ids)
     order by x.id
     limit 1000
  loop
    select * into w from public.withdrawals where id = wid for update;
    -- a withdrawal named outside the caller's regions is refused outright, not left out
    perform app.require_region(w.city_code);
    why := case
      when w.state <> 'approved' then 'illegal_transition'
      when w.needs_second_approval and w.second_approved_by is null then 'second_approval_required'
      when me is not null and me in (w.approved_by, w.second_approved_by)
           and app.four_eyes_applies('withdrawal_payout', w.amount_fen) then 'four_eyes'
    end;
    if why is not null then
      skipped := skipped || jsonb_build_object('id', w.id, 'withdrawal_no', w.withdrawal_no, 'code', why);
      continue;
    end if;
    perform public.withdrawal_start_payout(w.id, 'bank_transfer');
    n := n + 1;
    total := total + w.net_fen;
    insert into public.payout_batch_items (batch_id, row_no, withdrawal_id, city_code, amount_fen)
    values (b.id, n, w.id, w.city_code, w.net_fen);
  end loop;
  if n = 0 then
    perform app.fail('nothing_to_pay', 'no approved withdrawal this user may pay: ' || skipped::text);
  end if;
  update public.payout_batches set item_count = n, total_fen = total where id = b.id returning * into b;
  perform app.audit('payout_batch.create', 'payout_batch', b.id::text, null,
    jsonb_build_object('batch_no', b.batch_no, 'bank_template', tmpl, 'item_count', n, 'total_fen', total,
                       'skipped', jsonb_array_length(skipped)), null, null);
  return jsonb_build_object('id', b.id, 'batch_no', b.batch_no, 'item_count', n, 'total_fen', total, 'skipped', skipped);
end;
$$;

-- The rows of a batch's bank file, with the full account numbers (finance and admin only, each
-- download audited). The layout of the file is the bank template's (the app writes it).
create or replace function public.payout_batch_file(p_batch_id uuid)
returns table (row_no integer, withdrawal_no text, payee_name text, account_no text, bank_name text, branch_name text,
               amount_fen bigint)
language plpgsql
security definer
set search_path = ''
as $$
declare
  b public.payout_batches;
begin
  if not app.can_see_pii('bank') or not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance downloads payout files', '42501');
  end if;
  perform app.require_mfa();
  select * into b from public.payout_batches where id = p_batch_id for update;
  if not found then
    perform app.fail('not_found', 'no payout batch ' || p_batch_id);
  end if;
  -- every row's region: a scoped user never gets another region's account numbers
  if exists (select 1 from public.payout_batch_items i where i.batch_id = b.id
              and not (app.all_regions() or app.in_region(i.city_code))) then
    perform app.fail('out_of_region', 'the batch holds withdrawals outside your regions', '42501');
  end if;
  update public.payout_batches set downloads = downloads + 1 where id = b.id;
  perform app.audit('payout_batch.download', 'payout_batch', b.id::text, null,
    jsonb_build_object('batch_no', b.batch_no, 'item_count', b.item_count, 'total_fen', b.total_fen), null, null);
  return query
    select i.row_no, w.withdrawal_no, w.payee_name, app.decrypt_account_no(w.payee_account_enc), w.payee_bank,
           a.branch_name, i.amount_fen
      from public.payout_batch_items i
      join public.withdrawals w on w.id = i.withdrawal_id
      left join public.bank_accounts a on a.id = w.bank_account_id
     where i.batch_id = b.id
     order by i.row_no;
end;
$$;

-- The bank's result file, row by row: [{line, withdrawal_no | row_no, amount_fen, success,
-- serial, reason}]. Each row marks its withdrawal paid (withdrawal_mark_paid) or failed
-- (withdrawal_mark_failed) in a subtransaction of its own, so a refused row changes nothing
-- and the others go on. Idempotent: a row whose result is already recorded is 'unchanged'.
-- Importers of one batch queue on the batch row, so two imports of the same file at once apply
-- each row once. Returns one outcome per row: applied | unchanged | error (with its code).
create or replace function public.payout_batch_import(p_batch_id uuid, p_rows jsonb, p_file_name text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  b public.payout_batches;
  r jsonb;
  it public.payout_batch_items;
  w public.withdrawals;
  out jsonb := '[]'::jsonb;
  line integer;
  wno text;
  amt bigint;
  ok boolean;
  serial text;
  reason text;
  err text;
  applied integer := 0;
  errors integer := 0;
begin
  if not app.has_role('admin', 'finance') then
    perform app.fail('not_permitted', 'only finance imports bank results', '42501');
  end if;
  perform app.require_mfa();
  if p_rows is null or jsonb_typeof(p_rows) <> 'array' or jsonb_array_length(p_rows) > 1000 then
    perform app.fail('invalid_input', 'rows must be an array of at most 1000 results');
  end if;
  select * into b from public.payout_batches where id = p_batch_id for update;
  if not found then
    perform app.fail('not_found', 'no payout batch ' || p_batch_id);
  end if;
  for r in select x from jsonb_array_elements(p_rows) x loop
    line := coalesce((r ->> 'line')::integer, jsonb_array_length(out) + 1);
    wno := nullif(btrim(r ->> 'withdrawal_no'), '');
    amt := case when pg_input_is_valid(r ->> 'amount_fen', 'bigint') then (r ->> 'amount_fen')::bigint end;
    ok := case when pg_input_is_valid(r ->> 'success', 'boolean') then (r ->> 'success')::boolean end;
    serial := nullif(btrim(r ->> 'serial'), '');
    reason := nullif(btrim(r ->> 'reason'), '');
    it := null;
    err := null;
    if ok is null or amt is null then
      err := 'invalid_input';
    else
      select i.* into it from public.payout_batch_items i join public.withdrawals x on x.id = i.withdrawal_id
       where i.batch_id = b.id
         and (x.withdrawal_no = wno
              or (wno is null and pg_input_is_valid(r ->> 'row_no', 'integer') and i.row_no = (r ->> 'row_no')::integer));
      if it.batch_id is null then
        err := case when wno is not null and exists (select 1 from public.withdrawals x where x.withdrawal_no = wno)
                    then 'not_in_batch' else 'unknown_withdrawal' end;
      elsif not (app.all_regions() or app.in_region(it.city_code)) then
        err := 'out_of_region';
      elsif amt <> it.amount_fen then
        err := 'amount_mismatch';
      elsif it.result <> 'pending' then
        -- the same result again changes nothing; another result for a decided row is an error
        if (it.result = 'paid' and ok and it.bank_serial = serial) or (it.result = 'failed' and not ok) then
          out := out || jsonb_build_object('line', line, 'withdrawal_no', wno, 'row_no', it.row_no, 'outcome', 'unchanged');
          continue;
        end if;
        err := 'already_final';
      elsif ok and (serial is null or serial !~ '^[A-Za-z0-9_-]{4,64}$') then
        err := 'serial_required';
      end if;
    end if;
    if err is null then
      begin
        if ok then
          perform public.withdrawal_mark_paid(it.withdrawal_id, serial);
        else
          perform public.withdrawal_mark_failed(it.withdrawal_id, coalesce(reason, '银行退回'));
        end if;
        update public.payout_batch_items
           set result = case when ok then 'paid' else 'failed' end::public.payout_item_result,
               bank_serial = serial, fail_reason = case when not ok then coalesce(reason, '银行退回') end, result_at = now()
         where batch_id = it.batch_id and row_no = it.row_no;
        applied := applied + 1;
        out := out || jsonb_build_object('line', line, 'withdrawal_no', wno, 'row_no', it.row_no,
                                         'outcome', 'applied', 'result', case when ok then 'paid' else 'failed' end);
        continue;
      exception when others then
        -- the withdrawal function's refusal code (illegal_transition: decided elsewhere)
        err := case when sqlerrm = 'illegal_transition' then 'already_final' else sqlerrm end;
      end;
    end if;
    errors := errors + 1;
    out := out || jsonb_build_object('line', line, 'withdrawal_no', wno, 'row_no', it.row_no, 'outcome', 'error', 'code', err);
  end loop;
  update public.payout_batches x
     set paid_count = (select count(*) from public.payout_batch_items i where i.batch_id = x.id and i.result = 'paid'),
         failed_count = (select count(*) from public.payout_batch_items i where i.batch_id = x.id and i.result = 'failed'),
         state = case when exists (select 1 from public.payout_batch_items i where i.batch_id = x.id and i.result = 'pending')
                      then 'paying' else 'completed' end::public.payout_batch_state,
         completed_at = case when exists (select 1 from public.payout_batch_items i where i.batch_id = x.id and i.result = 'pending')
                             then null else coalesce(x.completed_at, now()) end
   where x.id = b.id;
  -- an import that changed nothing (the same file again) leaves no audit row either
  if applied > 0 then
    perform app.audit('payout_batch.import', 'payout_batch', b.id::text, null,
      jsonb_build_object('batch_no', b.batch_no, 'file', p_file_name, 'applied', applied, 'errors', errors), null, null);
  end if;
  return jsonb_build_object('applied', applied, 'errors', errors, 'rows', out);
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function public.payout_batch_create(p_withdrawal_ids uuid[], p_bank_template text),
  public.payout_batch_file(p_batch_id uuid),
  public.payout_batch_import(p_batch_id uuid, p_rows jsonb, p_file_name text) from public, anon, authenticated, service_role;
grant execute on function public.payout_batch_create(p_withdrawal_ids uuid[], p_bank_template text),
  public.payout_batch_file(p_batch_id uuid),
  public.payout_batch_import(p_batch_id uuid, p_rows jsonb, p_file_name text) to authenticated, service_role;

-- Views ---------------------------------------------------------------------------------------

create view public.v_payout_batches with (security_invoker = on) as
select b.id, b.batch_no, b.bank_template, b.item_count, b.total_fen, b.made_by, app.staff_name(b.made_by) as made_by_name,
       b.made_at, b.state, b.completed_at, b.paid_count, b.failed_count,
       b.item_count - b.paid_count - b.failed_count as pending_count, b.downloads,
       b.batch_no as search
  from public.payout_batches b;

create view public.v_payout_batch_items with (security_invoker = on) as
select i.batch_id || ':' || i.row_no as id, i.batch_id, i.row_no, i.withdrawal_id,
       (select w.withdrawal_no from public.withdrawals w where w.id = i.withdrawal_id) as withdrawal_no,
       (select case when app.can_see_pii('payee') then w.payee_name else app.mask_name(w.payee_name) end
          from public.withdrawals w where w.id = i.withdrawal_id) as payee_name,
       (select w.payee_bank from public.withdrawals w where w.id = i.withdrawal_id) as payee_bank,
       (select w.state from public.withdrawals w where w.id = i.withdrawal_id) as withdrawal_state,
       (select b.batch_no from public.payout_batches b where b.id = i.batch_id) as batch_no,
       i.city_code, i.amount_fen, i.result, i.bank_serial, i.fail_reason, i.result_at
  from public.payout_batch_items i;

revoke all on table public.v_payout_batches, public.v_payout_batch_items from public, anon, authenticated, service_role;
grant select on table public.v_payout_batches, public.v_payout_batch_items to authenticated;
grant all on table public.v_payout_batches, public.v_payout_batch_items to service_role;
