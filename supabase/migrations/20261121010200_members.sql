-- Members (会员): consumers of the public app, with level, points, status, promotion rights,
-- and the referral tree (上级代理). The tree is an ltree path of member seq numbers, so
-- "whole downline" is `path <@ x.path` and "upline chain" is `path @> x.path`, both on a GiST index.
create type public.member_level as enum ('regular', 'silver', 'gold', 'platinum', 'diamond');
create type public.member_status as enum ('active', 'banned');

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
  constraint members_not_own_upline check (upline_id <> id),
  constraint members_ban_state check ((status = 'banned') = (banned_at is not null)),
  constraint members_rights_state check (has_promotion_rights = (promotion_rights_at is not null))
);
comment on table public.members is '会员: consumers; referral tree in path (ltree of seq numbers)';
create unique index members_phone_key on public.members (phone) where phone is not null;
create index members_upline_idx on public.members (upline_id);
create index members_path_gist on public.members using gist (path);
create index members_city_idx on public.members (city_code, registered_at desc);
create index members_registered_idx on public.members (registered_at desc);
create index members_search_trgm on public.members using gin (search extensions.gin_trgm_ops);
create index members_search_grams on public.members using gin (search_grams);

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
create trigger members_set_path before insert or update on public.members
  for each row execute function app.members_set_path();

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
create index member_actions_member_idx on public.member_actions (member_id, at desc);
create index member_actions_actor_idx on public.member_actions (actor_id);

alter table public.members enable row level security;
alter table public.member_actions enable row level security;
