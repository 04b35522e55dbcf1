-- Distribution (分销): a member with promotion rights shares a listing; clicks on the share
-- are recorded; a customer who arrives through a share is bound to that distributor for
-- that merchant, with the share and click as evidence, until the binding expires (R-PRO-2).
create type public.share_channel as enum ('wechat', 'moments', 'qr', 'link', 'other');

create table public.shares (
  id uuid primary key default extensions.gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Za-z0-9]{6,16}$'),
  distributor_id uuid not null references public.members (id),
  listing_id uuid not null references public.listings (id),
  merchant_id uuid not null references public.merchants (id),
  channel public.share_channel not null default 'wechat',
  created_at timestamptz not null default now()
);
create index shares_distributor_idx on public.shares (distributor_id, created_at desc);
create index shares_listing_idx on public.shares (listing_id);
create index shares_merchant_idx on public.shares (merchant_id);

create or replace function app.shares_check()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not coalesce((select m.has_promotion_rights and m.status = 'active' from public.members m where m.id = new.distributor_id), false) then
    perform app.fail('not_permitted', 'only active members with promotion rights may share', '42501');
  end if;
  if (select l.merchant_id from public.listings l where l.id = new.listing_id) is distinct from new.merchant_id then
    perform app.fail('invalid_input', 'share merchant must be the listing''s merchant');
  end if;
  return new;
end;
$$;
create trigger shares_check before insert or update on public.shares
  for each row execute function app.shares_check();

create table public.share_clicks (
  id bigint generated always as identity primary key,
  share_id uuid not null references public.shares (id),
  visitor_member_id uuid references public.members (id),
  clicked_at timestamptz not null default now(),
  ip_hash text,
  user_agent text
);
create index share_clicks_share_idx on public.share_clicks (share_id, clicked_at desc);
create index share_clicks_visitor_idx on public.share_clicks (visitor_member_id);

create table public.customer_bindings (
  id uuid primary key default extensions.gen_random_uuid(),
  member_id uuid not null references public.members (id),
  distributor_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  share_id uuid not null references public.shares (id),
  click_id bigint references public.share_clicks (id),
  bound_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  end_reason text,
  constraint customer_bindings_not_self check (member_id <> distributor_id),
  constraint customer_bindings_window check (expires_at > bound_at)
);
comment on table public.customer_bindings is '绑定客户: customer ↔ distributor per merchant, with the share and click that caused it';
-- one open binding per customer and merchant
create unique index customer_bindings_open_key on public.customer_bindings (member_id, merchant_id) where ended_at is null;
create index customer_bindings_distributor_idx on public.customer_bindings (distributor_id, bound_at desc);
create index customer_bindings_merchant_idx on public.customer_bindings (merchant_id);
create index customer_bindings_share_idx on public.customer_bindings (share_id);

-- The binding that governs a customer's dealings with a merchant right now, if any.
create or replace function app.active_binding(p_member uuid, p_merchant uuid, p_at timestamptz default now())
returns public.customer_bindings
language sql
stable
security definer
set search_path = ''
as $$
  select b.* from public.customer_bindings b
  where b.member_id = p_member and b.merchant_id = p_merchant and b.ended_at is null
    and b.bound_at <= p_at and b.expires_at > p_at
  limit 1
$$;

alter table public.shares enable row level security;
alter table public.share_clicks enable row level security;
alter table public.customer_bindings enable row level security;
