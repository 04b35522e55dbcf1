-- Customer service's queue at factor 100 (60,000 complaints): open ones by resolution deadline
-- took 390 ms. The queue index led with the state (an enum: its comparison is not leakproof,
-- so under row-level security that column cannot guide an index scan, and the rows were sorted
-- by deadline after fetching every open one); a partial index on the deadline alone, over the
-- open states, can be walked in order. Names are looked up per row instead of joined, as in
-- v_listings (20261122040100); a complaint's city is its merchant's.
create index complaints_open_due_idx on public.complaints (resolution_due_at)
  where state not in ('dismissed', 'resolved', 'closed', 'withdrawn');

create or replace view public.v_complaints with (security_invoker = on) as
select c.id, c.member_id, app.member_name(c.member_id) as member_nickname,
  case when (select app.can_see_pii('person')) then app.member_pii(c.member_id, 'phone')
       else coalesce((select m.phone_masked from public.members m where m.id = c.member_id), app.member_pii(c.member_id, 'phone')) end as member_phone,
  c.merchant_id, (select mc.name from public.merchants mc where mc.id = c.merchant_id) as merchant_name,
  c.reservation_id, c.trade_id,
  c.city_code, (select r.name from public.regions r where r.code = c.city_code) as city_name,
  (select r.parent_code from public.regions r where r.code = c.city_code) as province_code,
  c.category, c.severity, c.title, c.content, c.images, c.state,
  c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn') as is_open,
  c.assignee_id, (select s.display_name from public.staff s where s.id = c.assignee_id) as assignee_name, c.assigned_at,
  c.first_response_due_at, c.first_responded_at,
  (c.first_responded_at is null and c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn')
     and c.first_response_due_at < now()) as first_response_overdue,
  c.merchant_reply_due_at, c.merchant_no_response,
  c.resolution_due_at,
  (c.state not in ('dismissed', 'resolved', 'closed', 'withdrawn') and c.resolution_due_at < now()) as resolution_overdue,
  c.outcome, c.remedy, c.state_reason, c.resolved_at, c.closed_at, c.created_at, c.state_changed_at,
  (select count(*) from public.complaint_messages x where x.complaint_id = c.id) as message_count,
  (select max(x.created_at) from public.complaint_messages x where x.complaint_id = c.id) as last_message_at,
  app.search_text(c.title, (select m.nickname from public.members m where m.id = c.member_id),
    (select mc.name from public.merchants mc where mc.id = c.merchant_id),
    (select mc.name_pinyin from public.merchants mc where mc.id = c.merchant_id)) as search
from public.complaints c;
