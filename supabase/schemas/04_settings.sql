-- Settings: one row of rule parameters for the core domain (deadlines, binding days, slots,
-- grace days) and one for money (refund window, withdrawal limits, fees, deposits). Functions
-- read them through app.settings() and app.money_settings().
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

-- Tunable numbers the core state machines use (one row). Admins change them; everyone reads.
create table public.core_settings (
  id smallint primary key default 1 check (id = 1),
  reservation_confirm_hours integer not null default 24 check (reservation_confirm_hours > 0),
  deal_auto_close_days integer not null default 7 check (deal_auto_close_days > 0),
  binding_days integer not null default 30 check (binding_days > 0),
  complaint_first_response_hours integer not null default 24 check (complaint_first_response_hours > 0),
  complaint_merchant_reply_hours integer not null default 48 check (complaint_merchant_reply_hours > 0),
  complaint_resolution_days integer not null default 7 check (complaint_resolution_days > 0),
  complaint_auto_close_days integer not null default 7 check (complaint_auto_close_days > 0),
  -- active penalties at which a merchant is suspended automatically
  penalty_suspend_threshold integer not null default 3 check (penalty_suspend_threshold > 0),
  merchant_grace_days integer not null default 15 check (merchant_grace_days >= 0),
  promotion_slots_per_model integer not null default 3 check (promotion_slots_per_model between 1 and 3),
  updated_at timestamptz not null default now(),
  -- a holiday price below this share of the listing's price sends the listing back to review
  price_cut_review_share numeric(4, 3) not null default 0.700 check (price_cut_review_share > 0 and price_cut_review_share <= 1),
  -- roles that must sign in with a second factor (aal2) before money actions and PII reveals
  mfa_required_roles public.staff_role[] not null default '{admin,finance}',
  -- merchant rating from reviews (19_merchant_reviews.sql): a review's weight halves every
  -- review_half_life_days; the platform mean counts as review_prior_weight fresh reviews
  review_half_life_days integer not null default 180 check (review_half_life_days between 1 and 3650),
  review_prior_weight numeric(6, 2) not null default 5 check (review_prior_weight > 0 and review_prior_weight <= 1000)
);
alter table public.core_settings enable row level security;

-- One row (id = true). Rates are numeric(6,4); amounts are fen.
create table public.money_settings (
  id boolean primary key default true check (id),
  -- days after closed_at during which a trade may still be refunded; commission stays frozen
  refund_window_days integer not null default 7 check (refund_window_days between 0 and 90),
  -- a second commission tier (the distributor's upline) is off by default; never a third
  second_tier_enabled boolean not null default false,
  second_tier_rate numeric(6, 4) not null default 0 check (second_tier_rate >= 0 and second_tier_rate < 1),
  withdrawal_min_fen bigint not null default 10000 check (withdrawal_min_fen > 0),
  withdrawal_fee_rate numeric(6, 4) not null default 0 check (withdrawal_fee_rate >= 0 and withdrawal_fee_rate < 1),
  withdrawal_fee_min_fen bigint not null default 0 check (withdrawal_fee_min_fen >= 0),
  -- at or above this amount a second finance user must approve
  withdrawal_second_approval_fen bigint not null default 5000000 check (withdrawal_second_approval_fen > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  -- the bank whose batch-transfer layout payout files are made in (18_payout_batches.sql)
  payout_bank_template text not null default 'icbc' check (payout_bank_template in ('icbc', 'cmb'))
);
comment on table public.money_settings is '资金设置: refund window, commission tiers, withdrawal limits (one row)';
alter table public.money_settings enable row level security;

-- Four eyes: pairs of steps of a money flow that must be done by two different people. Every
-- money function asks app.require_other_person(rule, who did the first step). An admin may
-- switch a rule off or change its threshold (four_eyes_rule_update, audited); a locked rule is
-- also a table constraint and stays on. The service key (the app backend, the schedule) is
-- not a person and is not checked.
create table public.four_eyes_rules (
  rule text primary key check (rule ~ '^[a-z][a-z_]*$'),
  description text not null,
  enabled boolean not null default true,
  -- the rule applies from this amount up; null: to every amount
  threshold_fen bigint check (threshold_fen is null or threshold_fen > 0),
  locked boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  constraint four_eyes_rules_locked_stays_on check (enabled or not locked)
);
comment on table public.four_eyes_rules is '四眼原则: steps of a money flow that two different people must do';
alter table public.four_eyes_rules enable row level security;

-- Ceilings: the largest amount a function accepts, per kind of amount, so that a typo or a
-- hostile call cannot book ¥10¹⁶ and push a balance towards bigint's limit. Functions ask
-- app.require_amount(kind, fen); the hard cap (¥10¹²) keeps even an admin's ceiling sane.
create table public.amount_ceilings (
  kind text primary key check (kind ~ '^[a-z][a-z_.]*$'),
  description text not null,
  max_fen bigint not null check (max_fen > 0 and max_fen <= 100000000000000),
  updated_at timestamptz not null default now(),
  updated_by uuid
);
comment on table public.amount_ceilings is '金额上限: the largest amount accepted per kind of amount';
alter table public.amount_ceilings enable row level security;

-- Row-level security --------------------------------------------------------------------------

-- settings
create policy core_settings_read on public.core_settings for select to authenticated using ((select app.is_staff()));

create policy core_settings_admin_update on public.core_settings for update to authenticated
  using ((select app.has_role('admin'))) with check ((select app.has_role('admin')));

create policy money_settings_read on public.money_settings for select to authenticated
  using ((select app.is_staff()));

create policy four_eyes_rules_read on public.four_eyes_rules for select to authenticated
  using ((select app.is_staff()));

create policy amount_ceilings_read on public.amount_ceilings for select to authenticated
  using ((select app.is_staff()));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.core_settings from public, anon, authenticated, service_role;
grant select on table public.core_settings to authenticated;
grant all on table public.core_settings to service_role;
grant update (reservation_confirm_hours, deal_auto_close_days, binding_days, complaint_first_response_hours, complaint_merchant_reply_hours, complaint_resolution_days, complaint_auto_close_days, penalty_suspend_threshold, merchant_grace_days, promotion_slots_per_model, updated_at) on table public.core_settings to authenticated;
revoke all on table public.money_settings from public, anon, authenticated, service_role;
grant select on table public.money_settings to authenticated;
grant all on table public.money_settings to service_role;
-- rules and ceilings change only through their audited functions
revoke all on table public.four_eyes_rules, public.amount_ceilings from public, anon, authenticated, service_role;
grant select on table public.four_eyes_rules, public.amount_ceilings to authenticated;
grant all on table public.four_eyes_rules, public.amount_ceilings to service_role;

-- Functions -----------------------------------------------------------------------------------

create or replace function app.settings()
returns public.core_settings
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.core_settings s where s.id = 1
$$;

-- Settings row for functions (security definer: callers may not read the table directly).
create or replace function app.money_settings()
returns public.money_settings
language sql
stable
security definer
set search_path = ''
as $$
  select s.* from public.money_settings s where s.id
$$;

-- Admin changes settings; every change audited with before/after.
create or replace function public.money_settings_update(p_changes jsonb, p_reason text default null)
returns public.money_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.money_settings;
  row public.money_settings;
  bad text;
  v_window integer;
  v_rate2 numeric;
  v_fee_rate numeric;
  v_min bigint;
  v_fee_min bigint;
  v_second bigint;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin changes money settings', '42501');
  end if;
  perform app.require_mfa();
  perform app.require_all_regions();
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform app.fail('invalid_input', 'changes must be a JSON object');
  end if;
  select k into bad from jsonb_object_keys(p_changes) k
   where k not in ('refund_window_days', 'second_tier_enabled', 'second_tier_rate', 'withdrawal_min_fen',
                   'withdrawal_fee_rate', 'withdrawal_fee_min_fen', 'withdrawal_second_approval_fen',
                   'payout_bank_template')
   limit 1;
  if bad is not null then
    perform app.fail('invalid_input', 'unknown setting ' || bad);
  end if;
  -- each value checked against its column's type and constraint before the update
  v_window := app.json_value(p_changes, 'refund_window_days', 'integer')::integer;
  v_rate2 := round(app.json_value(p_changes, 'second_tier_rate', 'numeric')::numeric, 4);
  v_fee_rate := round(app.json_value(p_changes, 'withdrawal_fee_rate', 'numeric')::numeric, 4);
  v_min := app.json_value(p_changes, 'withdrawal_min_fen', 'bigint')::bigint;
  v_fee_min := app.json_value(p_changes, 'withdrawal_fee_min_fen', 'bigint')::bigint;
  v_second := app.json_value(p_changes, 'withdrawal_second_approval_fen', 'bigint')::bigint;
  if v_window not between 0 and 90 then
    perform app.fail('invalid_input', 'refund_window_days must be 0 to 90');
  end if;
  if v_rate2 < 0 or v_rate2 >= 1 or v_fee_rate < 0 or v_fee_rate >= 1 then
    perform app.fail('invalid_input', 'a rate must be at least 0 and below 1');
  end if;
  if v_min <= 0 or v_second <= 0 or v_fee_min < 0 then
    perform app.fail('invalid_input', 'amounts must be positive (the fee minimum may be 0)');
  end if;
  if p_changes ? 'payout_bank_template' and (p_changes ->> 'payout_bank_template') is distinct from 'icbc'
     and (p_changes ->> 'payout_bank_template') is distinct from 'cmb' then
    perform app.fail('invalid_input', 'payout_bank_template must be icbc or cmb');
  end if;
  select * into old from public.money_settings where id for update;
  update public.money_settings s set
    refund_window_days = coalesce(v_window, s.refund_window_days),
    second_tier_enabled = coalesce(app.json_value(p_changes, 'second_tier_enabled', 'boolean')::boolean, s.second_tier_enabled),
    second_tier_rate = coalesce(v_rate2, s.second_tier_rate),
    withdrawal_min_fen = coalesce(v_min, s.withdrawal_min_fen),
    withdrawal_fee_rate = coalesce(v_fee_rate, s.withdrawal_fee_rate),
    withdrawal_fee_min_fen = coalesce(v_fee_min, s.withdrawal_fee_min_fen),
    withdrawal_second_approval_fen = coalesce(v_second, s.withdrawal_second_approval_fen),
    payout_bank_template = coalesce(p_changes ->> 'payout_bank_template', s.payout_bank_template),
    updated_at = now(),
    updated_by = (select auth.uid())
  where s.id
  returning * into row;
  perform app.audit('money_settings.update', 'money_settings', 'money', to_jsonb(old), to_jsonb(row), p_reason);
  return row;
end;
$$;

-- Refuses when the caller did the first step of a pair the rule separates (and the amount is
-- at or above the rule's threshold). Callers pass who did the first step; null means nobody yet.
create or replace function app.require_other_person(p_rule text, p_first_actor uuid, p_amount_fen bigint default null)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  r public.four_eyes_rules;
begin
  if p_first_actor is null or app.is_service() then
    return;
  end if;
  select * into r from public.four_eyes_rules where rule = p_rule;
  if not found then
    perform app.fail('invalid_input', 'no four-eyes rule ' || p_rule);
  end if;
  if r.enabled and (r.threshold_fen is null or coalesce(p_amount_fen, 0) >= r.threshold_fen)
     and p_first_actor = (select auth.uid()) then
    perform app.fail('four_eyes', p_rule || ': ' || r.description, '42501');
  end if;
end;
$$;

-- Whether the rule asks for a second person for this amount (for flows that then take two steps).
create or replace function app.four_eyes_applies(p_rule text, p_amount_fen bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select r.enabled and (r.threshold_fen is null or coalesce(p_amount_fen, 0) >= r.threshold_fen)
                     from public.four_eyes_rules r where r.rule = p_rule), true)
$$;

-- Refuses an amount that is missing, not positive, or above its kind's ceiling.
create or replace function app.require_amount(p_kind text, p_amount_fen bigint)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  ceiling bigint;
begin
  select c.max_fen into ceiling from public.amount_ceilings c where c.kind = p_kind;
  if not found then
    perform app.fail('invalid_input', 'no ceiling for amounts of kind ' || p_kind);
  end if;
  if p_amount_fen is null or p_amount_fen <= 0 then
    perform app.fail('invalid_amount', format('%s: the amount must be a positive number of fen', p_kind));
  end if;
  if p_amount_fen > ceiling then
    perform app.fail('amount_too_large', format('%s: at most %s fen', p_kind, ceiling));
  end if;
end;
$$;

-- Admin switches a rule on or off or moves its threshold; a locked rule stays on.
create or replace function public.four_eyes_rule_update(p_rule text, p_enabled boolean, p_threshold_fen bigint, p_reason text)
returns public.four_eyes_rules
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.four_eyes_rules;
  row public.four_eyes_rules;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin changes four-eyes rules', '42501');
  end if;
  perform app.require_mfa();
  perform app.require_all_regions();
  perform app.require_reason(null, p_reason);
  select * into old from public.four_eyes_rules where rule = p_rule for update;
  if not found then
    perform app.fail('not_found', 'no four-eyes rule ' || p_rule);
  end if;
  if old.locked and not coalesce(p_enabled, true) then
    perform app.fail('rule_locked', p_rule || ' cannot be switched off');
  end if;
  if p_threshold_fen is not null then
    perform app.require_amount('setting.threshold', p_threshold_fen);
  end if;
  update public.four_eyes_rules
     set enabled = coalesce(p_enabled, enabled), threshold_fen = p_threshold_fen,
         updated_at = now(), updated_by = (select auth.uid())
   where rule = p_rule
  returning * into row;
  perform app.audit('four_eyes_rule.update', 'four_eyes_rule', p_rule, to_jsonb(old), to_jsonb(row), p_reason);
  return row;
end;
$$;

-- Admin moves a ceiling (never above the hard cap of the table's check).
create or replace function public.amount_ceiling_update(p_kind text, p_max_fen bigint, p_reason text)
returns public.amount_ceilings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.amount_ceilings;
  row public.amount_ceilings;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin changes amount ceilings', '42501');
  end if;
  perform app.require_mfa();
  perform app.require_all_regions();
  perform app.require_reason(null, p_reason);
  select * into old from public.amount_ceilings where kind = p_kind for update;
  if not found then
    perform app.fail('not_found', 'no amount ceiling ' || p_kind);
  end if;
  if p_max_fen is null or p_max_fen <= 0 or p_max_fen > 100000000000000 then
    perform app.fail('invalid_amount', 'a ceiling is between 1 fen and 10^14 fen');
  end if;
  update public.amount_ceilings set max_fen = p_max_fen, updated_at = now(), updated_by = (select auth.uid())
   where kind = p_kind
  returning * into row;
  perform app.audit('amount_ceiling.update', 'amount_ceiling', p_kind, to_jsonb(old), to_jsonb(row), p_reason);
  return row;
end;
$$;

-- Business rule parameters (系统管理 → 参数设置), admin only, with a reason. Only the listed
-- keys; each value must have its column's type and pass its check, or nothing changes
-- (invalid_input, never the row). One audit row carries what changed and why.
create or replace function public.core_settings_update(p_changes jsonb, p_reason text)
returns public.core_settings
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.core_settings;
  row public.core_settings;
  want public.core_settings;
  bad text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admin changes the business rules', '42501');
  end if;
  perform app.require_mfa();
  perform app.require_all_regions();
  perform app.require_reason(null, p_reason);
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' or p_changes = '{}' then
    perform app.fail('invalid_input', 'changes must be a non-empty JSON object');
  end if;
  select k into bad from jsonb_object_keys(p_changes) k
   where k not in ('reservation_confirm_hours', 'deal_auto_close_days', 'binding_days', 'complaint_first_response_hours',
                   'complaint_merchant_reply_hours', 'complaint_resolution_days', 'complaint_auto_close_days',
                   'penalty_suspend_threshold', 'merchant_grace_days', 'promotion_slots_per_model', 'price_cut_review_share',
                   'review_half_life_days', 'review_prior_weight')
   limit 1;
  if bad is not null then
    perform app.fail('invalid_input', 'unknown setting ' || bad);
  end if;
  select k into bad from jsonb_object_keys(p_changes) k
   where app.json_value(p_changes, k, case when k in ('price_cut_review_share', 'review_prior_weight') then 'numeric' else 'integer' end) is null
   limit 1;
  if bad is not null then
    perform app.fail('invalid_input', bad || ' needs a value');
  end if;
  select * into old from public.core_settings s where s.id = 1 for update;
  want := jsonb_populate_record(old, p_changes);
  begin
    update public.core_settings s set
      reservation_confirm_hours = want.reservation_confirm_hours, deal_auto_close_days = want.deal_auto_close_days,
      binding_days = want.binding_days, complaint_first_response_hours = want.complaint_first_response_hours,
      complaint_merchant_reply_hours = want.complaint_merchant_reply_hours,
      complaint_resolution_days = want.complaint_resolution_days, complaint_auto_close_days = want.complaint_auto_close_days,
      penalty_suspend_threshold = want.penalty_suspend_threshold, merchant_grace_days = want.merchant_grace_days,
      promotion_slots_per_model = want.promotion_slots_per_model, price_cut_review_share = want.price_cut_review_share,
      review_half_life_days = want.review_half_life_days, review_prior_weight = want.review_prior_weight,
      updated_at = now()
    where s.id = 1
    returning * into row;
  exception when check_violation or numeric_value_out_of_range then
    perform app.fail('invalid_input', 'a value is outside its allowed range');
  end;
  perform app.audit('core_settings.update', 'core_settings', '1',
    (select jsonb_object_agg(k, to_jsonb(old) -> k) from jsonb_object_keys(p_changes) k),
    (select jsonb_object_agg(k, to_jsonb(row) -> k) from jsonb_object_keys(p_changes) k), btrim(p_reason));
  return row;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.settings(), app.money_settings() from public, anon, authenticated, service_role;
grant execute on function app.settings(), app.money_settings() to public, authenticated, service_role;
revoke all on function public.money_settings_update(p_changes jsonb, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.money_settings_update(p_changes jsonb, p_reason text) to authenticated, service_role;
revoke all on function public.core_settings_update(p_changes jsonb, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.core_settings_update(p_changes jsonb, p_reason text) to authenticated, service_role;
revoke all on function app.require_other_person(p_rule text, p_first_actor uuid, p_amount_fen bigint),
  app.four_eyes_applies(p_rule text, p_amount_fen bigint), app.require_amount(p_kind text, p_amount_fen bigint)
  from public, anon, authenticated, service_role;
grant execute on function app.require_other_person(p_rule text, p_first_actor uuid, p_amount_fen bigint),
  app.four_eyes_applies(p_rule text, p_amount_fen bigint), app.require_amount(p_kind text, p_amount_fen bigint)
  to authenticated, service_role;
revoke all on function public.four_eyes_rule_update(p_rule text, p_enabled boolean, p_threshold_fen bigint, p_reason text),
  public.amount_ceiling_update(p_kind text, p_max_fen bigint, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.four_eyes_rule_update(p_rule text, p_enabled boolean, p_threshold_fen bigint, p_reason text),
  public.amount_ceiling_update(p_kind text, p_max_fen bigint, p_reason text) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

-- admins change these rows directly; every change is audited
create trigger core_settings_audit after update on public.core_settings
  for each row when (current_user = 'authenticated') execute function app.audit_row_change();

-- Reference data ------------------------------------------------------------------------------

insert into public.core_settings (id) values (1) on conflict do nothing;

insert into public.money_settings (id) values (true);

insert into public.four_eyes_rules (rule, description, threshold_fen, locked) values
  ('payee_verify', 'whoever adds or changes a payee account does not verify it', null, false),
  ('withdrawal_review', 'the applicant of a withdrawal does not review or approve it', null, false),
  ('withdrawal_payout', 'whoever approved a withdrawal does not pay it out, mark it paid or record a manual payment', null, true),
  ('withdrawal_second_approval', 'at or above the second-approval threshold (money settings) the second approver is not the first', null, true),
  ('refund_approval', 'a refund at or above the threshold is requested by one person and approved by another', 500000, false);

-- Ceilings in fen: ¥1,000,000 for fees and rights, ¥10,000,000 for deals, withdrawals and prices.
insert into public.amount_ceilings (kind, description, max_fen) values
  ('payment.platform_fee', 'a platform fee payment (入驻费)', 100000000),
  ('payment.deposit', 'a deposit payment (保证金)', 100000000),
  ('payment.promotion_rights', 'a purchase of promotion rights', 10000000),
  ('payment.reservation_rights', 'a purchase of reservation rights', 10000000),
  ('deal', 'the amount of a declared deal, and so of a trade', 1000000000),
  ('withdrawal', 'one withdrawal', 1000000000),
  ('listing.price', 'a listing''s price, deposit or holiday price', 1000000000),
  ('statement.line', 'one line of an imported channel statement', 1000000000),
  ('setting.threshold', 'a money setting: minimum, fee floor, approval or refund threshold', 1000000000),
  ('category.deposit', 'the deposit a merchant category requires', 100000000);
