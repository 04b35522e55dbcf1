-- Member actions (R-MEM-3): ban / unban, level change, points adjustment, each with a reason,
-- a member_actions row and an audit row. Customer service and admin only.
create or replace function app.member_lock(p_id uuid)
returns public.members
language plpgsql
set search_path = ''
as $$
declare
  m public.members;
begin
  select * into m from public.members where id = p_id for update;
  if m.id is null then
    perform app.fail('not_found', 'no member ' || p_id);
  end if;
  perform app.require_region(m.city_code);
  return m;
end;
$$;

create or replace function app.member_log(old public.members, new public.members, action text, reason_code text, note text,
  points_delta integer default null)
returns void
language plpgsql
set search_path = ''
as $$
declare
  b jsonb := jsonb_build_object('status', old.status, 'level', old.level, 'points', old.points,
                                'has_promotion_rights', old.has_promotion_rights);
  a jsonb := jsonb_build_object('status', new.status, 'level', new.level, 'points', new.points,
                                'has_promotion_rights', new.has_promotion_rights);
begin
  insert into public.member_actions (member_id, action, before, after, points_delta, reason_code, note, actor_id)
  values (new.id, action, b, a, points_delta, reason_code, note, (select auth.uid()));
  perform app.audit('member.' || action, 'member', new.id::text, b, a, concat_ws(': ', reason_code, note), new.city_code);
end;
$$;

create or replace function public.member_ban(p_id uuid, p_reason_code text, p_note text default null)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.member_lock(p_id);
  if old.status <> 'active' then
    perform app.illegal('member', old.status::text, 'banned');
  end if;
  update public.members set status = 'banned', banned_at = now(), status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.member_log(old, new, 'ban', p_reason_code, p_note);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_unban(p_id uuid, p_reason_code text, p_note text default null)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(p_reason_code, p_note);
  old := app.member_lock(p_id);
  if old.status <> 'banned' then
    perform app.illegal('member', old.status::text, 'active');
  end if;
  update public.members set status = 'active', banned_at = null, status_reason = concat_ws(': ', p_reason_code, p_note)
  where id = p_id returning * into new;
  perform app.member_log(old, new, 'unban', p_reason_code, p_note);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_set_level(p_id uuid, p_level public.member_level, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(null, p_reason);
  old := app.member_lock(p_id);
  if p_level is null or old.level = p_level then
    perform app.fail('invalid_input', 'the level does not change');
  end if;
  update public.members set level = p_level where id = p_id returning * into new;
  perform app.member_log(old, new, 'level_change', null, p_reason);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

create or replace function public.member_adjust_points(p_id uuid, p_delta integer, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(false, 'admin', 'customer_service');
  perform app.require_reason(null, p_reason);
  if coalesce(p_delta, 0) = 0 or abs(p_delta) > 1000000 then
    perform app.fail('invalid_input', 'points delta must be non-zero and at most 1,000,000');
  end if;
  old := app.member_lock(p_id);
  if old.points + p_delta < 0 then
    perform app.fail('insufficient_points', format('member has %s points', old.points));
  end if;
  update public.members set points = points + p_delta where id = p_id returning * into new;
  perform app.member_log(old, new, 'points_adjust', null, p_reason, p_delta);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

-- Promotion rights are bought in the public app (payments, R-PAY-2); the money side or an
-- admin records them here.
create or replace function public.member_set_promotion_rights(p_id uuid, p_enabled boolean, p_reason text)
returns public.v_members
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.members;
  new public.members;
begin
  perform app.require_role(true, 'admin');
  perform app.require_reason(null, p_reason);
  old := app.member_lock(p_id);
  if old.has_promotion_rights = p_enabled then
    perform app.illegal('member promotion rights', old.has_promotion_rights::text, p_enabled::text);
  end if;
  update public.members set has_promotion_rights = p_enabled,
    promotion_rights_at = case when p_enabled then now() end
  where id = p_id returning * into new;
  perform app.member_log(old, new, case when p_enabled then 'grant_promotion_rights' else 'revoke_promotion_rights' end,
    null, p_reason);
  return (select v from public.v_members v where v.id = p_id);
end;
$$;

revoke execute on function public.member_ban(uuid, text, text), public.member_unban(uuid, text, text),
  public.member_set_level(uuid, public.member_level, text), public.member_adjust_points(uuid, integer, text),
  public.member_set_promotion_rights(uuid, boolean, text) from public, anon;
grant execute on function public.member_ban(uuid, text, text), public.member_unban(uuid, text, text),
  public.member_set_level(uuid, public.member_level, text), public.member_adjust_points(uuid, integer, text),
  public.member_set_promotion_rights(uuid, boolean, text) to authenticated, service_role;
