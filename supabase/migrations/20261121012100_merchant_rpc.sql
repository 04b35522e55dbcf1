-- Merchant machine (DOMAIN.md): approved → active (fee and deposit paid); active ⇄ suspended;
-- active → grace (plan lapsed) → lapsed → active on renewal; active | lapsed → closing → closed.
create or replace function app.merchant_move(p_id uuid, allowed public.merchant_status[], to_status public.merchant_status,
  action text, reason_code text, note text)
returns public.merchants
language plpgsql
set search_path = ''
as $$
declare
  old public.merchants;
  new public.merchants;
begin
  select * into old from public.merchants where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no merchant ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  if not (old.status = any (allowed)) then
    perform app.illegal('merchant', old.status::text, to_status::text);
  end if;
  update public.merchants set status = to_status, status_reason = concat_ws(': ', reason_code, note),
    status_changed_at = now(), updated_at = now(),
    activated_at = case when to_status = 'active' then coalesce(activated_at, now()) else activated_at end,
    closed_at = case when to_status = 'closed' then now() else closed_at end
  where id = p_id returning * into new;
  insert into public.merchant_status_history (merchant_id, from_status, to_status, reason_code, note, actor_id)
  values (p_id, old.status, to_status, reason_code, note, (select auth.uid()));
  perform app.audit('merchant.' || action, 'merchant', p_id::text,
    jsonb_build_object('status', old.status, 'status_reason', old.status_reason),
    jsonb_build_object('status', new.status, 'status_reason', new.status_reason),
    concat_ws(': ', reason_code, note), new.city_code);
  return new;
end;
$$;

create or replace function app.merchant_fee_ok(m public.merchants)
returns boolean
language sql
stable
set search_path = ''
as $$
  select m.fee_paid_until is not null and m.fee_paid_until >= (now() at time zone 'Asia/Shanghai')::date
     and m.deposit_fen >= coalesce((select c.deposit_required_fen from public.merchant_categories c where c.id = m.category_id), 0)
$$;

-- Activation and renewal (approved | grace | lapsed → active): needs fee and deposit paid.
-- Called by an admin or by the money side once the fee payment succeeded.
create or replace function public.merchant_activate(p_id uuid, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  perform app.require_role(true, 'admin');
  select * into m from public.merchants where id = p_id;
  if m.id is not null and m.status in ('approved', 'grace', 'lapsed') and not app.merchant_fee_ok(m) then
    perform app.fail('fee_unpaid', 'platform fee or deposit not paid');
  end if;
  return app.merchant_move(p_id, '{approved,grace,lapsed}', 'active',
    case when m.status = 'approved' then 'activate' else 'renew' end, 'fee_paid', p_note);
end;
$$;

create or replace function public.merchant_suspend(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  return app.merchant_move(p_id, '{active}', 'suspended', 'suspend', p_reason_code, p_note);
end;
$$;

create or replace function public.merchant_resume(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(false, 'admin', 'reviewer');
  perform app.require_reason(p_reason_code, p_note);
  return app.merchant_move(p_id, '{suspended}', 'active', 'resume', p_reason_code, p_note);
end;
$$;

create or replace function public.merchant_start_closing(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform app.require_role(false, 'admin');
  perform app.require_reason(p_reason_code, p_note);
  return app.merchant_move(p_id, '{active,lapsed}', 'closing', 'start_closing', p_reason_code, p_note);
end;
$$;

-- closing → closed once complaints have drained; listings are retired and taken off shelf.
create or replace function public.merchant_close(p_id uuid, p_note text default null)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
begin
  perform app.require_role(false, 'admin');
  if exists (select 1 from public.complaints c where c.merchant_id = p_id
             and c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn')) then
    perform app.fail('open_complaints', 'the merchant still has open complaints');
  end if;
  m := app.merchant_move(p_id, '{closing}', 'closed', 'close', 'closed', p_note);
  update public.listings set shelf_state = 'off' where merchant_id = p_id and shelf_state = 'on';
  return m;
end;
$$;

-- Scheduled (and on demand): active past paid-until → grace; grace past the grace days →
-- lapsed; grace or lapsed with the fee paid again → active. Returns how many moved.
create or replace function public.merchant_sweep_fees()
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  today date := (now() at time zone 'Asia/Shanghai')::date;
  grace integer := (app.settings()).merchant_grace_days;
  r record;
  to_grace integer := 0;
  to_lapsed integer := 0;
  to_active integer := 0;
begin
  perform app.require_role(true, 'admin');
  for r in select m.id from public.merchants m
           where m.status = 'active' and (m.fee_paid_until is null or m.fee_paid_until < today) and app.in_region_or_service(m.city_code)
  loop
    perform app.merchant_move(r.id, '{active}', 'grace', 'grace', 'fee_expired', null);
    to_grace := to_grace + 1;
  end loop;
  for r in select m.id from public.merchants m
           where m.status = 'grace' and (m.fee_paid_until is null or m.fee_paid_until < today - grace) and app.in_region_or_service(m.city_code)
  loop
    perform app.merchant_move(r.id, '{grace}', 'lapsed', 'lapse', 'grace_expired', null);
    to_lapsed := to_lapsed + 1;
  end loop;
  for r in select m.id from public.merchants m
           where m.status in ('grace', 'lapsed') and app.merchant_fee_ok(m) and app.in_region_or_service(m.city_code)
  loop
    perform app.merchant_move(r.id, '{grace,lapsed}', 'active', 'renew', 'fee_paid', null);
    to_active := to_active + 1;
  end loop;
  return jsonb_build_object('grace', to_grace, 'lapsed', to_lapsed, 'active', to_active);
end;
$$;

create or replace function app.in_region_or_service(code text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select app.is_service() or app.in_region(code)
$$;

-- R-MER-3: change category and/or the commission rate override, with a reason.
create or replace function public.merchant_set_commission(p_id uuid, p_category_id integer, p_rate_override numeric,
  p_reason text)
returns public.merchants
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchants;
  new public.merchants;
begin
  perform app.require_role(false, 'admin');
  perform app.require_reason(null, p_reason);
  if p_rate_override is not null and (p_rate_override < 0 or p_rate_override >= 1) then
    perform app.fail('invalid_input', 'rate must be between 0 and 1');
  end if;
  if not exists (select 1 from public.merchant_categories c where c.id = p_category_id) then
    perform app.fail('not_found', 'no merchant category ' || p_category_id);
  end if;
  select * into old from public.merchants where id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no merchant ' || p_id);
  end if;
  perform app.require_region(old.city_code);
  update public.merchants set category_id = p_category_id, commission_rate_override = p_rate_override, updated_at = now()
  where id = p_id returning * into new;
  insert into public.merchant_commission_changes (merchant_id, old_category_id, new_category_id, old_rate_override,
    new_rate_override, reason, actor_id)
  values (p_id, old.category_id, p_category_id, old.commission_rate_override, p_rate_override, p_reason, (select auth.uid()));
  perform app.audit('merchant.set_commission', 'merchant', p_id::text,
    jsonb_build_object('category_id', old.category_id, 'commission_rate_override', old.commission_rate_override),
    jsonb_build_object('category_id', new.category_id, 'commission_rate_override', new.commission_rate_override),
    p_reason, new.city_code);
  return new;
end;
$$;

grant execute on function app.in_region_or_service(text), app.merchant_fee_ok(public.merchants) to authenticated, service_role;
revoke execute on function public.merchant_activate(uuid, text), public.merchant_suspend(uuid, text, text),
  public.merchant_resume(uuid, text, text), public.merchant_start_closing(uuid, text, text), public.merchant_close(uuid, text),
  public.merchant_sweep_fees(), public.merchant_set_commission(uuid, integer, numeric, text) from public, anon;
grant execute on function public.merchant_activate(uuid, text), public.merchant_suspend(uuid, text, text),
  public.merchant_resume(uuid, text, text), public.merchant_start_closing(uuid, text, text), public.merchant_close(uuid, text),
  public.merchant_sweep_fees(), public.merchant_set_commission(uuid, integer, numeric, text) to authenticated, service_role;
