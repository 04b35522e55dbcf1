-- Members at factor 100 (2,000,000): the list takes names per row instead of joining regions and
-- the upline (as v_listings, 20261122040100), and the search box finds a member by the start of
-- the nickname, its pinyin or its initials (林浩然, linhaoran, lhr) through btree indexes. The
-- app sends a prefix as a range on the *_key columns (name_key >= '林浩然' and name_key <
-- '林浩然' || U+10FFFF): text comparisons are leakproof, so row-level security lets them use the
-- index, where the trigram ilike it replaces was a sequential scan of every member (seconds).
-- The keys are in the "C" collation, where byte order is prefix order whatever the database's
-- locale. Digits (a phone's last four) keep the trigram search.
create or replace view public.v_members with (security_invoker = on) as
select m.id, m.seq, m.nickname, m.nickname_pinyin, m.nickname_initials, m.avatar_url,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'phone') else m.phone_masked end as phone,
  case when (select app.can_see_pii('person')) then app.member_pii(m.id, 'id_number') else m.id_number_masked end as id_number,
  app.member_pii(m.id, 'real_name') as real_name,
  m.city_code, (select r.name from public.regions r where r.code = m.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = m.city_code) as province_code,
  m.level, m.status, m.status_reason, m.banned_at, m.points,
  m.has_promotion_rights, m.promotion_rights_at,
  m.upline_id, (select u.nickname from public.members u where u.id = m.upline_id) as upline_nickname,
  m.depth, m.path::text as path,
  (select count(*) from public.members d where d.upline_id = m.id) as direct_downline_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'rental') as rental_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'used_purchase') as used_purchase_reservation_count,
  (select count(*) from public.reservations x where x.member_id = m.id and x.kind = 'new_purchase') as new_purchase_reservation_count,
  m.registered_at, m.updated_at, m.search, m.search_grams,
  m.nickname collate "C" as name_key, m.nickname_pinyin collate "C" as pinyin_key,
  m.nickname_initials collate "C" as initials_key
from public.members m;

create index members_nickname_idx on public.members (nickname collate "C");
create index members_pinyin_idx on public.members (nickname_pinyin collate "C");
create index members_initials_idx on public.members (nickname_initials collate "C");
