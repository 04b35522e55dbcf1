-- Administrative regions (GB/T 2260): provinces (xx0000) and prefecture-level cities (xxxx00).
-- Rows come from scripts/gen-regions.ts (next migration).
create table public.regions (
  code text primary key check (code ~ '^[0-9]{6}$'),
  name text not null,
  level text not null check (level in ('province', 'city')),
  parent_code text references public.regions (code),
  lat numeric(9, 6) check (lat between -90 and 90),
  lng numeric(9, 6) check (lng between -180 and 180),
  name_pinyin text,
  name_initials text,
  -- 1..30 for the cities the demo data uses, in order; null elsewhere
  demo_rank smallint unique,
  constraint regions_parent_shape check (
    (level = 'province' and parent_code is null and code like '__0000')
    or (level = 'city' and parent_code = left(code, 2) || '0000' and code like '____00' and code not like '__0000'))
);
comment on table public.regions is '行政区划: provinces and cities with GB/T 2260 codes';
create index regions_parent_idx on public.regions (parent_code);

alter table public.regions enable row level security;
revoke all on public.regions from anon, authenticated;
grant select on public.regions to authenticated;
-- Reference data: every staff member reads all of it (scopes are applied to the rows that carry a city).
create policy regions_read on public.regions for select to authenticated using ((select app.is_staff()));
