-- Members (会员): people who reserve, buy, rent, complain and share listings, their referral
-- tree (upline, path, depth as an ltree) and the log of staff actions on them. PII (phone, ID
-- number, real name) is not readable by `authenticated`; app.member_pii() shows it in full to
-- admins and to customer service while the member is in a case they handle
-- (app.sees_member_pii), masked to everyone else; member_reveal_pii() reveals one field with a
-- reason, audited. The member list's read model v_members and the member actions that return
-- its rows are in 90_cross_domain_views.sql: it counts each member's reservations.
set check_function_bodies = off;

-- Types ---------------------------------------------------------------------------------------

create type public.member_level as enum ('regular', 'silver', 'gold', 'platinum', 'diamond');

create type public.member_status as enum ('active', 'banned');

-- Tables --------------------------------------------------------------------------------------

-- Members (会员): consumers of the public app, with level, points, status, promotion rights,
-- and the referral tree (上级代理). The tree is an ltree path of member seq numbers, so
-- "whole downline" is `path <@ x.path` and "upline chain" is `path @> x.path`, both on a GiST index.
create table public.members (
  id uuid primary key default extensions.gen_random_uuid(),
  seq bigint generated always as identity unique,
  -- the member's login in the public app, when they have one
  auth_user_id uuid unique references auth.users (id) on delete set null,
  nickname text not null check (char_length(btrim(nickname)) between 1 and 40),
  nickname_pinyin text,
  nickname_initials text,
  avatar_url text,
  phone text check (phone ~ '^1[3-9][0-9]{9}$'),
  phone_masked text generated always as (app.mask(phone, 'phone')) stored,
  real_name text,
  id_number text check (id_number ~ '^[0-9]{17}[0-9X]$'),
  id_number_masked text generated always as (app.mask(id_number, 'id')) stored,
  city_code text references public.regions (code),
  level public.member_level not null default 'regular',
  status public.member_status not null default 'active',
  status_reason text,
  banned_at timestamptz,
  points integer not null default 0 check (points >= 0),
  has_promotion_rights boolean not null default false,
  promotion_rights_at timestamptz,
  upline_id uuid references public.members (id),
  path extensions.ltree not null,
  depth integer generated always as (extensions.nlevel(path)) stored,
  registered_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- name, pinyin, initials and the phone's last four digits (never the full number)
  search text generated always as (app.search_text(nickname, nickname_pinyin, nickname_initials, right(phone, 4))) stored,
  search_grams text[] generated always as (app.search_grams(app.search_text(nickname, nickname_pinyin, nickname_initials, right(phone, 4)))) stored,
  -- 手机尾号: customer service finds a member by the phone's last four digits through this
  -- column's index (text equality is leakproof, so it works under row-level security; the
  -- trigram search column cannot). No more than the masked phone every role sees (138****8468).
  phone_tail text generated always as (right(phone, 4)) stored,
  constraint members_not_own_upline check (upline_id <> id),
  constraint members_ban_state check ((status = 'banned') = (banned_at is not null)),
  constraint members_rights_state check (has_promotion_rights = (promotion_rights_at is not null))
);
comment on table public.members is '会员: consumers; referral tree in path (ltree of seq numbers)';
alter table public.members enable row level security;

-- R-MEM-3: every ban, unban, level change and points adjustment, with its reason.
create table public.member_actions (
  id bigint generated always as identity primary key,
  member_id uuid not null references public.members (id),
  action text not null check (action in ('ban', 'unban', 'level_change', 'points_adjust', 'grant_promotion_rights', 'revoke_promotion_rights')),
  before jsonb,
  after jsonb,
  points_delta integer,
  reason_code text,
  note text,
  actor_id uuid references public.staff (id),
  at timestamptz not null default now()
);
alter table public.member_actions enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create unique index members_phone_key on public.members (phone) where phone is not null;

create index members_upline_idx on public.members (upline_id);

create index members_path_gist on public.members using gist (path);

create index members_city_idx on public.members (city_code, registered_at desc);

create index members_search_trgm on public.members using gin (search extensions.gin_trgm_ops);

create index members_search_grams on public.members using gin (search_grams);

create index member_actions_member_idx on public.member_actions (member_id, at desc);

create index member_actions_actor_idx on public.member_actions (actor_id);

create index members_nickname_idx on public.members (nickname collate "C");

create index members_pinyin_idx on public.members (nickname_pinyin collate "C");

create index members_initials_idx on public.members (nickname_initials collate "C");

create index members_registered_idx on public.members (registered_at desc) include (city_code);

create index members_phone_tail_idx on public.members (phone_tail);

-- Row-level security --------------------------------------------------------------------------

create policy members_read on public.members for select to authenticated
  using ((select app.all_regions()) is distinct from false or (city_code = any ((select app.scope_cities())::text[])));

create policy member_actions_read on public.member_actions for select to authenticated
  using ((select app.all_regions()) is distinct from false or member_id in (select p.id from public.members p where (p.city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.member_actions from public, anon, authenticated, service_role;
grant select on table public.member_actions to authenticated;
grant all on table public.member_actions to service_role;
revoke all on table public.members from public, anon, authenticated, service_role;
grant all on table public.members to service_role;
-- Every column but the PII (phone, real_name, id_number): the views read those through app.member_pii().
grant select (id, seq, auth_user_id, nickname, nickname_pinyin, nickname_initials, avatar_url, phone_masked, id_number_masked, city_code, level, status, status_reason, banned_at, points, has_promotion_rights, promotion_rights_at, upline_id, path, depth, registered_at, updated_at, search, search_grams, phone_tail) on table public.members to authenticated;
revoke all on sequence public.members_seq_seq, public.member_actions_id_seq from public, anon, authenticated, service_role;
grant all on sequence public.members_seq_seq, public.member_actions_id_seq to anon, authenticated, service_role;

-- Functions -----------------------------------------------------------------------------------

-- The path is derived from the upline when the member is created; the referral never changes
-- afterwards (a distributor's downline must not move under them).
create or replace function app.members_set_path()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  parent_path extensions.ltree;
begin
  if tg_op = 'UPDATE' then
    if new.upline_id is distinct from old.upline_id or new.seq <> old.seq then
      perform app.fail('invalid_input', 'a member''s upline cannot change');
    end if;
    new.path := old.path;
    new.updated_at := now();
    return new;
  end if;
  if new.upline_id is null then
    new.path := new.seq::text::extensions.ltree;
  else
    select m.path into parent_path from public.members m where m.id = new.upline_id;
    if parent_path is null then
      perform app.fail('not_found', 'upline ' || new.upline_id || ' does not exist');
    end if;
    new.path := parent_path operator(extensions.||) new.seq::text::extensions.ltree;
  end if;
  return new;
end;
$$;

-- A member's phone, ID number or real name: in full for whoever needs it now
-- (app.sees_member_pii), masked otherwise.
create or replace function app.member_pii(p_id uuid, p_field text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when app.sees_member_pii(m.id) then
      case p_field when 'phone' then m.phone when 'id_number' then m.id_number when 'real_name' then m.real_name end
    else
      case p_field when 'phone' then m.phone_masked when 'id_number' then m.id_number_masked
                   when 'real_name' then app.mask_name(m.real_name) end
  end
  from public.members m where m.id = p_id
$$;

-- Who sees a member's phone, ID number and real name in full (need to know): admins; customer
-- service while the member is the complainant of an open complaint assigned to them (a
-- reservation or trade a complaint is about is between the same member and merchant, see
-- complaint_submit, and a reservation has no assignee of its own, so it counts through the
-- complaint). Customer service outside such a case, and every other role, sees them masked;
-- member_reveal_pii() shows one field with a reason, audited. One probe of
-- complaints_member_idx per row (a member has a complaint or two), so a list page stays cheap.
create or replace function app.sees_member_pii(p_member uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select app.has_role('admin')
    or (app.has_role('customer_service') and exists (
      select 1 from public.complaints c
      where c.member_id = p_member and c.assignee_id = (select auth.uid()) and app.complaint_is_open(c.state)))
$$;

-- 查看完整信息: one field of a member in full, for admin and customer service, with a reason;
-- MFA-gated like the other reveals (app.require_mfa) and audited (member.reveal_pii: who, which
-- member, which field, why). Refused out of the caller's region.
create or replace function public.member_reveal_pii(p_id uuid, p_field text, p_reason text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.members;
begin
  if not app.can_see_pii('person') then
    perform app.fail('not_permitted', 'only admin and customer service reveal a member''s details', '42501');
  end if;
  if p_field is null or p_field not in ('phone', 'id_number', 'real_name') then
    perform app.fail('invalid_input', 'the field is phone, id_number or real_name');
  end if;
  perform app.require_reason(null, p_reason);
  perform app.require_text(p_reason, 'reason', 2, 500);
  perform app.require_mfa();
  select * into m from public.members x where x.id = p_id;
  if m.id is null then
    perform app.fail('not_found', 'no member ' || p_id);
  end if;
  perform app.require_region(m.city_code);
  perform app.audit('member.reveal_pii', 'member', p_id::text, null, jsonb_build_object('field', p_field), btrim(p_reason), m.city_code);
  return case p_field when 'phone' then m.phone when 'id_number' then m.id_number else m.real_name end;
end;
$$;

-- Member actions (R-MEM-3: ban / unban, level change, points adjustment) share these two:
-- app.member_lock locks the member and checks the caller's region; app.member_log writes the
-- member_actions row and the audit row. The actions themselves are in 90_cross_domain_views.sql.
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

-- Region-scoped staff see members of their own cities only (members RLS), yet a 成都 case
-- may involve a 北京 customer or distributor. The case read models therefore keep the row
-- (left join) and take the member's nickname through app.member_name(), which any staff
-- member may read for the rows they can see; phones stay behind app.member_pii().
create or replace function app.member_name(p_id uuid)
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  n text;
begin
  if p_id is null or not app.is_staff() then
    return null;
  end if;
  select m.nickname into n from public.members m where m.id = p_id;
  return n;
end;
$$;

-- R-MEM-2: how deep a member's referral downline goes, as one count per level below them,
-- on the ltree GiST index. security invoker: region-scoped staff count the members they see.
create or replace function public.member_downline_levels(p_member uuid, p_max_depth integer default 20)
returns table (level integer, member_count bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select (m.depth - root.depth)::integer as level, count(*)::bigint as member_count
  from public.members root
  join public.members m on m.path operator(extensions.<@) root.path and m.id <> root.id
  where root.id = p_member
    and m.depth <= root.depth + least(greatest(coalesce(p_max_depth, 20), 1), 50)
  group by m.depth - root.depth
  order by 1
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.members_set_path(),
  app.member_lock(p_id uuid),
  app.member_log(old public.members, new public.members, action text, reason_code text, note text, points_delta integer) from public, anon, authenticated, service_role;
grant execute on function app.members_set_path(),
  app.member_lock(p_id uuid),
  app.member_log(old public.members, new public.members, action text, reason_code text, note text, points_delta integer) to public;
revoke all on function app.member_pii(p_id uuid, p_field text), app.member_name(p_id uuid), app.sees_member_pii(p_member uuid) from public, anon, authenticated, service_role;
grant execute on function app.member_pii(p_id uuid, p_field text), app.member_name(p_id uuid), app.sees_member_pii(p_member uuid) to public, authenticated, service_role;
revoke all on function public.member_reveal_pii(p_id uuid, p_field text, p_reason text) from public, anon, authenticated, service_role;
grant execute on function public.member_reveal_pii(p_id uuid, p_field text, p_reason text) to authenticated, service_role;
revoke all on function public.member_downline_levels(p_member uuid, p_max_depth integer) from public, anon, authenticated, service_role;
grant execute on function public.member_downline_levels(p_member uuid, p_max_depth integer) to authenticated, service_role;

-- Triggers ------------------------------------------------------------------------------------

create trigger members_set_path before insert or update on public.members
  for each row execute function app.members_set_path();
