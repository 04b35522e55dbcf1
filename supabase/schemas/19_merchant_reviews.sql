-- Member reviews of merchants (商户评价): a member reviews a merchant once per completed
-- reservation or trade, staff (reviewer, admin) hide fake or abusive reviews with a coded reason
-- and restore them, and the merchant's rating (merchants.rating, read by the ranking) is computed
-- from the visible reviews: recent ones weigh more, few reviews are pulled toward the platform mean.
set check_function_bodies = off;

-- Tables --------------------------------------------------------------------------------------

create table public.merchant_reviews (
  id uuid primary key default extensions.gen_random_uuid(),
  member_id uuid not null references public.members (id),
  merchant_id uuid not null references public.merchants (id),
  -- the merchant's city when written: the region scope of the review
  city_code text not null,
  -- what the review is about: exactly one completed reservation or closed trade, reviewed once
  reservation_id uuid unique references public.reservations (id),
  trade_id uuid unique references public.trades (id),
  stars smallint not null check (stars between 1 and 5),
  body text not null check (char_length(btrim(body)) between 2 and 500),
  created_at timestamptz not null default now(),
  visibility text not null default 'visible' check (visibility in ('visible', 'hidden')),
  hidden_reason text check (hidden_reason in ('spam', 'fake', 'abusive', 'irrelevant', 'other')),
  hidden_note text check (char_length(hidden_note) <= 500),
  hidden_by uuid,
  hidden_at timestamptz,
  constraint merchant_reviews_one_subject check (num_nonnulls(reservation_id, trade_id) = 1),
  constraint merchant_reviews_hidden_fields check (
    (visibility = 'hidden') = (hidden_reason is not null and hidden_at is not null))
);
alter table public.merchant_reviews enable row level security;

-- Indexes -------------------------------------------------------------------------------------

create index merchant_reviews_merchant_idx on public.merchant_reviews (merchant_id, created_at desc);

create index merchant_reviews_member_idx on public.merchant_reviews (member_id);

create index merchant_reviews_city_idx on public.merchant_reviews (city_code, created_at desc);

create index merchant_reviews_queue_idx on public.merchant_reviews (visibility, stars, created_at desc);

-- Row-level security --------------------------------------------------------------------------

-- Staff who moderate or answer members read the reviews of their regions; nobody writes directly.
create policy merchant_reviews_read on public.merchant_reviews for select to authenticated
  using ((select app.has_role('admin', 'reviewer', 'customer_service', 'analyst'))
    and ((select app.all_regions()) is distinct from false or (city_code = any ((select app.scope_cities())::text[]))));

-- Privileges (row-level security above decides which rows) ------------------------------------
revoke all on table public.merchant_reviews from public, anon, authenticated, service_role;
grant select on table public.merchant_reviews to authenticated;
grant all on table public.merchant_reviews to service_role;

-- Functions -----------------------------------------------------------------------------------

-- The rating of each merchant (or of one) from its visible reviews. A review of age a days
-- weighs 0.5^(a / half_life); with W the sum of the weights and S the weighted sum of stars,
--   rating = (k × platform_mean + S) / (k + W)
-- where k = core_settings.review_prior_weight (how many fresh reviews the platform mean counts
-- for) and platform_mean the plain mean of every visible review (3 when there is none). A
-- merchant without reviews gets the platform mean.
create or replace function app.merchant_review_ratings(p_merchant uuid default null)
returns table (merchant_id uuid, review_count bigint, weighted_count numeric, weighted_mean numeric,
  platform_mean numeric, prior_weight numeric, half_life_days integer, rating numeric)
language sql
stable
set search_path = ''
as $$
  with s as (
    select c.review_half_life_days as hl, c.review_prior_weight as k from public.core_settings c where c.id = 1
  ),
  pm as (
    select coalesce(avg(r.stars)::numeric, 3) as mean from public.merchant_reviews r where r.visibility = 'visible'
  ),
  w as (
    select r.merchant_id, r.stars,
      power(0.5, greatest(extract(epoch from now() - r.created_at), 0) / 86400.0 / s.hl)::numeric as w
    from public.merchant_reviews r cross join s
    where r.visibility = 'visible' and (p_merchant is null or r.merchant_id = p_merchant)
  ),
  agg as (
    select w.merchant_id, count(*) as n, sum(w.w) as sw, sum(w.w * w.stars) as sws from w group by w.merchant_id
  )
  select m.id, coalesce(a.n, 0), round(coalesce(a.sw, 0), 3),
    case when a.sw > 0 then round(a.sws / a.sw, 3) end,
    round(pm.mean, 3), s.k, s.hl,
    round((s.k * pm.mean + coalesce(a.sws, 0)) / (s.k + coalesce(a.sw, 0)), 2)
  from public.merchants m
  cross join s cross join pm
  left join agg a on a.merchant_id = m.id
  where p_merchant is null or m.id = p_merchant
$$;

-- Writes the computed rating into merchants.rating for one merchant (after a review is
-- written, hidden or restored) or for all (each ranking run: decay and the platform mean move).
create or replace function app.merchant_rating_refresh(p_merchant uuid default null)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  n integer;
begin
  update public.merchants m set rating = x.rating
    from app.merchant_review_ratings(p_merchant) x
   where m.id = x.merchant_id and m.rating is distinct from x.rating;
  get diagnostics n = row_count;
  return n;
end;
$$;

-- The reservation states after which the member has met the merchant and the visit is over
-- (visited, no deal after the visit, deal closed, returned, settled): the states a review may be
-- about. Not app.reservation_is_successful, which also counts visits still under way (a deal
-- pending, a car in use) and voided ones.
create or replace function app.reservation_is_reviewable(s public.reservation_state)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select s operator(pg_catalog.=) any ('{visited,no_deal,deal_closed,returned,settled}'::public.reservation_state[])
$$;

-- A member reviews a merchant after a completed reservation (visited, deal closed, returned,
-- settled, or no deal after the visit) or a closed trade with it; once per reservation or trade.
-- Called by the member app's backend with the service key.
create or replace function public.review_submit(p_member_id uuid, p_merchant_id uuid, p_stars integer, p_body text,
  p_reservation_id uuid default null, p_trade_id uuid default null)
returns public.merchant_reviews
language plpgsql
security definer
set search_path = ''
as $$
declare
  m public.merchants;
  r public.merchant_reviews;
begin
  if not app.is_service() then
    perform app.fail('not_permitted', 'reviews are written by the member app', '42501');
  end if;
  if p_stars is null or p_stars < 1 or p_stars > 5 then
    perform app.fail('invalid_input', 'stars must be 1 to 5');
  end if;
  perform app.require_text(p_body, 'body', 2, 500);
  if num_nonnulls(p_reservation_id, p_trade_id) <> 1 then
    perform app.fail('invalid_input', 'a review is about one reservation or one trade');
  end if;
  select * into m from public.merchants x where x.id = p_merchant_id;
  if m.id is null then
    perform app.fail('not_found', 'no merchant ' || coalesce(p_merchant_id::text, 'null'));
  end if;
  if p_reservation_id is not null and not exists (select 1 from public.reservations x where x.id = p_reservation_id
      and x.member_id = p_member_id and x.merchant_id = p_merchant_id
      and app.reservation_is_reviewable(x.state)) then
    perform app.fail('review_not_eligible', 'no completed reservation of this member with this merchant');
  end if;
  if p_trade_id is not null and not exists (select 1 from public.trades x where x.id = p_trade_id
      and x.member_id = p_member_id and x.merchant_id = p_merchant_id and x.status = 'closed') then
    perform app.fail('review_not_eligible', 'no closed trade of this member with this merchant');
  end if;
  -- a trade made from a reviewed reservation is the same visit: one review for both
  if exists (select 1 from public.merchant_reviews x
      where x.reservation_id = p_reservation_id or x.trade_id = p_trade_id
         or (p_trade_id is not null and x.reservation_id = (select t.reservation_id from public.trades t where t.id = p_trade_id))
         or (p_reservation_id is not null and x.trade_id in (select t.id from public.trades t where t.reservation_id = p_reservation_id))) then
    perform app.fail('duplicate', 'this reservation or trade has been reviewed');
  end if;
  insert into public.merchant_reviews (member_id, merchant_id, city_code, reservation_id, trade_id, stars, body)
  values (p_member_id, p_merchant_id, m.city_code, p_reservation_id, p_trade_id, p_stars, btrim(p_body))
  returning * into r;
  perform app.merchant_rating_refresh(p_merchant_id);
  perform app.audit('review.submit', 'merchant_review', r.id::text, null,
    jsonb_build_object('merchant_id', r.merchant_id, 'stars', r.stars), null, r.city_code);
  return r;
end;
$$;

-- Reviewer or admin of the merchant's region hides a review with a coded reason (and a note,
-- required for `other`). The merchant's rating is recomputed at once.
create or replace function public.review_hide(p_id uuid, p_reason_code text, p_note text default null)
returns public.merchant_reviews
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_reviews;
  new public.merchant_reviews;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  select * into old from public.merchant_reviews x where x.id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no review ' || coalesce(p_id::text, 'null'));
  end if;
  perform app.require_region(old.city_code);
  if p_reason_code is null or p_reason_code not in ('spam', 'fake', 'abusive', 'irrelevant', 'other') then
    perform app.fail('invalid_input', 'reason must be spam, fake, abusive, irrelevant or other');
  end if;
  if p_reason_code = 'other' then
    perform app.require_reason(null, p_note);
  end if;
  if p_note is not null then
    perform app.require_text(p_note, 'note', 0, 500);
  end if;
  if old.visibility = 'hidden' then
    perform app.illegal('review', 'hidden', 'hidden');
  end if;
  update public.merchant_reviews
     set visibility = 'hidden', hidden_reason = p_reason_code, hidden_note = nullif(btrim(p_note), ''),
         hidden_by = (select auth.uid()), hidden_at = now()
   where id = p_id returning * into new;
  perform app.merchant_rating_refresh(old.merchant_id);
  perform app.audit('review.hide', 'merchant_review', p_id::text,
    jsonb_build_object('visibility', old.visibility),
    jsonb_build_object('visibility', new.visibility, 'hidden_reason', new.hidden_reason, 'merchant_id', new.merchant_id),
    coalesce(nullif(btrim(p_note), ''), p_reason_code), old.city_code);
  return new;
end;
$$;

-- Puts a hidden review back (a reason is required); the rating is recomputed at once.
create or replace function public.review_restore(p_id uuid, p_note text)
returns public.merchant_reviews
language plpgsql
security definer
set search_path = ''
as $$
declare
  old public.merchant_reviews;
  new public.merchant_reviews;
begin
  perform app.require_role(false, 'admin', 'reviewer');
  select * into old from public.merchant_reviews x where x.id = p_id for update;
  if old.id is null then
    perform app.fail('not_found', 'no review ' || coalesce(p_id::text, 'null'));
  end if;
  perform app.require_region(old.city_code);
  perform app.require_reason(null, p_note);
  perform app.require_text(p_note, 'note', 2, 500);
  if old.visibility = 'visible' then
    perform app.illegal('review', 'visible', 'visible');
  end if;
  update public.merchant_reviews
     set visibility = 'visible', hidden_reason = null, hidden_note = null, hidden_by = null, hidden_at = null
   where id = p_id returning * into new;
  perform app.merchant_rating_refresh(old.merchant_id);
  perform app.audit('review.restore', 'merchant_review', p_id::text,
    jsonb_build_object('visibility', old.visibility, 'hidden_reason', old.hidden_reason, 'hidden_note', old.hidden_note),
    jsonb_build_object('visibility', new.visibility, 'merchant_id', new.merchant_id), btrim(p_note), old.city_code);
  return new;
end;
$$;

-- How a merchant's rating is made now: counts, the weighted mean, the platform mean and the
-- settings. For staff who may read the merchant's reviews, in their regions.
create or replace function public.merchant_review_summary(p_merchant uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  city text;
  out jsonb;
begin
  perform app.require_role(false, 'admin', 'reviewer', 'customer_service', 'analyst');
  select m.city_code into city from public.merchants m where m.id = p_merchant;
  if not found then
    perform app.fail('not_found', 'no merchant ' || coalesce(p_merchant::text, 'null'));
  end if;
  perform app.require_region(city);
  select to_jsonb(x) || jsonb_build_object(
      'hidden_count', (select count(*) from public.merchant_reviews r where r.merchant_id = p_merchant and r.visibility = 'hidden'),
      'stored_rating', (select m.rating from public.merchants m where m.id = p_merchant))
    into out
  from app.merchant_review_ratings(p_merchant) x;
  return out;
end;
$$;

-- Who may call them ---------------------------------------------------------------------------
revoke all on function app.reservation_is_reviewable(s public.reservation_state) from public, anon, authenticated, service_role;
grant execute on function app.reservation_is_reviewable(s public.reservation_state) to public, authenticated, service_role;
revoke all on function app.merchant_review_ratings(p_merchant uuid),
  app.merchant_rating_refresh(p_merchant uuid) from public, anon, authenticated, service_role;
grant execute on function app.merchant_review_ratings(p_merchant uuid),
  app.merchant_rating_refresh(p_merchant uuid) to public;
revoke all on function public.review_submit(p_member_id uuid, p_merchant_id uuid, p_stars integer, p_body text, p_reservation_id uuid, p_trade_id uuid),
  public.review_hide(p_id uuid, p_reason_code text, p_note text),
  public.review_restore(p_id uuid, p_note text),
  public.merchant_review_summary(p_merchant uuid) from public, anon, authenticated, service_role;
grant execute on function public.review_submit(p_member_id uuid, p_merchant_id uuid, p_stars integer, p_body text, p_reservation_id uuid, p_trade_id uuid)
  to service_role;
grant execute on function public.review_hide(p_id uuid, p_reason_code text, p_note text),
  public.review_restore(p_id uuid, p_note text),
  public.merchant_review_summary(p_merchant uuid) to authenticated, service_role;

-- Views ---------------------------------------------------------------------------------------

-- Reviews with the merchant, the member's nickname, the city and who hid it, for the queue.
-- Names through scalar subqueries (CONVENTIONS.md); `search` is what the queue's search box
-- matches: the text, the merchant's name and the member's nickname.
create view public.v_merchant_reviews with (security_invoker = on) as
select r.id, r.member_id, (select mb.nickname from public.members mb where mb.id = r.member_id) as member_nickname,
  r.merchant_id, (select mc.name from public.merchants mc where mc.id = r.merchant_id) as merchant_name, r.city_code,
  (select g.name from public.regions g where g.code = r.city_code) as city_name, r.reservation_id, r.trade_id, r.stars,
  r.body, r.created_at, r.visibility, r.hidden_reason, r.hidden_note, r.hidden_by,
  (select s.display_name from public.staff s where s.id = r.hidden_by) as hidden_by_name, r.hidden_at,
  concat_ws(' ', r.body, (select mc.name from public.merchants mc where mc.id = r.merchant_id),
    (select mb.nickname from public.members mb where mb.id = r.member_id)) as search
from public.merchant_reviews r;

revoke all on table public.v_merchant_reviews from public, anon, authenticated, service_role;
grant select on table public.v_merchant_reviews to authenticated;
grant all on table public.v_merchant_reviews to service_role;
