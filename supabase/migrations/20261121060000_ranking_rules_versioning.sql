-- Ranking rules (R-RNK-1) are versioned: a change is a new version row published through
-- ranking_rule_publish() (audited), never an edit. Only the `active` flag of an old row may
-- change, when a newer version replaces it.
--
-- Every term is first put on a 0..100 scale, then multiplied by its weight:
--   product_updates   min(listing events in the window, cap_product_updates) / cap × 100
--   update_frequency  days with a listing event / window_days × 100
--   rating            rating (0..5) × 20
--   complaints        min(complaints received in the window, cap_complaints) / cap × 100
--   reservations      min(reservations in the window, cap_reservations) / cap × 100
--   success_rate      reservations that reached `visited` or beyond / reservations × 100
--   penalties         sum of the sizes of the penalties in force (not scaled)
-- The caps are the counts at which a term stops growing ("full marks").
alter table public.ranking_rules
  add column cap_product_updates integer not null default 30 check (cap_product_updates > 0),
  add column cap_complaints integer not null default 5 check (cap_complaints > 0),
  add column cap_reservations integer not null default 30 check (cap_reservations > 0),
  add column reason text;

alter table public.ranking_rules
  add constraint ranking_rules_thresholds_ascending check (
    level_thresholds[1] < level_thresholds[2] and level_thresholds[2] < level_thresholds[3]
    and level_thresholds[3] < level_thresholds[4]),
  add constraint ranking_rules_window_max check (window_days <= 730);

-- Writes only through the RPC below.
revoke insert, update, delete on public.ranking_rules from authenticated;

create or replace function app.ranking_rules_immutable()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform app.fail('rule_immutable', 'ranking rules are kept for history and cannot be deleted');
  end if;
  if (to_jsonb(new) - 'active') is distinct from (to_jsonb(old) - 'active') then
    perform app.fail('rule_immutable', 'a ranking rule version cannot be edited: publish a new version');
  end if;
  return new;
end;
$$;
create trigger ranking_rules_immutable before update or delete on public.ranking_rules
  for each row execute function app.ranking_rules_immutable();

-- Publishes a new version from p_rule (the fields of ranking_rules; missing ones are taken
-- from the active version) and makes it the active one. Admin only; reason required.
create or replace function public.ranking_rule_publish(p_rule jsonb, p_reason text)
returns public.ranking_rules
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.ranking_rules;
  new public.ranking_rules;
  base jsonb;
  w numeric;
  k text;
  bad text;
begin
  if not app.has_role('admin') then
    perform app.fail('not_permitted', 'only admins change ranking rules', '42501');
  end if;
  if p_reason is null or char_length(btrim(p_reason)) < 2 then
    perform app.fail('reason_required', 'a reason is required to change the ranking rule');
  end if;
  select k2 into bad from jsonb_object_keys(coalesce(p_rule, '{}')) k2
  where k2 not in ('name', 'w_product_updates', 'w_update_frequency', 'w_rating', 'w_complaints', 'w_reservations',
                   'w_success_rate', 'w_penalties', 'level_thresholds', 'window_days', 'cap_product_updates',
                   'cap_complaints', 'cap_reservations', 'note')
  limit 1;
  if bad is not null then
    perform app.fail('invalid_input', 'unknown rule field ' || bad);
  end if;
  foreach k in array array['w_product_updates', 'w_update_frequency', 'w_rating', 'w_complaints', 'w_reservations',
                           'w_success_rate', 'w_penalties'] loop
    if p_rule ? k then
      begin
        w := (p_rule ->> k)::numeric;
      exception when others then
        perform app.fail('invalid_input', k || ' must be a number');
      end;
      if w is null or w < -100 or w > 100 then
        perform app.fail('invalid_input', k || ' must be between -100 and 100');
      end if;
    end if;
  end loop;

  -- serialise publishers: the version number and the active flag move together
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('public.ranking_rule_publish'));
  select * into old from public.ranking_rules r where r.active for update;
  base := coalesce(to_jsonb(old), '{}'::jsonb) || coalesce(p_rule, '{}'::jsonb);

  begin
    insert into public.ranking_rules (version, name, w_product_updates, w_update_frequency, w_rating, w_complaints,
      w_reservations, w_success_rate, w_penalties, level_thresholds, window_days, cap_product_updates, cap_complaints,
      cap_reservations, active, note, reason, created_by)
    values (
      coalesce((select max(r.version) from public.ranking_rules r), 0) + 1,
      coalesce(nullif(btrim(base ->> 'name'), ''), '规则'),
      coalesce((base ->> 'w_product_updates')::numeric, 0),
      coalesce((base ->> 'w_update_frequency')::numeric, 0),
      coalesce((base ->> 'w_rating')::numeric, 0),
      coalesce((base ->> 'w_complaints')::numeric, 0),
      coalesce((base ->> 'w_reservations')::numeric, 0),
      coalesce((base ->> 'w_success_rate')::numeric, 0),
      coalesce((base ->> 'w_penalties')::numeric, 0),
      coalesce(array(select jsonb_array_elements_text(base -> 'level_thresholds')::numeric), '{20,40,60,80}'),
      coalesce((base ->> 'window_days')::integer, 90),
      coalesce((base ->> 'cap_product_updates')::integer, 30),
      coalesce((base ->> 'cap_complaints')::integer, 5),
      coalesce((base ->> 'cap_reservations')::integer, 30),
      false,
      case when p_rule ? 'note' then p_rule ->> 'note' end,
      btrim(p_reason),
      (select auth.uid()))
    returning * into new;
  exception
    when check_violation or invalid_text_representation or numeric_value_out_of_range or array_subscript_error
      or invalid_parameter_value or datatype_mismatch then
      perform app.fail('invalid_input', sqlerrm);
  end;

  if old.id is not null then
    update public.ranking_rules set active = false where id = old.id;
  end if;
  update public.ranking_rules set active = true where id = new.id returning * into new;
  perform app.audit('ranking_rule.publish', 'ranking_rule', new.id::text,
    case when old.id is null then null else to_jsonb(old) end, to_jsonb(new), btrim(p_reason), null);
  return new;
end;
$$;
revoke execute on function public.ranking_rule_publish(jsonb, text) from public, anon;
grant execute on function public.ranking_rule_publish(jsonb, text) to authenticated, service_role;
