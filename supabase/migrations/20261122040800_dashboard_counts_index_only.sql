-- The home dashboard's counts as index-only scans (R-ANA-1; target ≤ 300 ms of database time at
-- seed factor 100, where it had grown to ~440 ms): pending listings, members and closed trades
-- of this month, open complaints and open applications. Each count is over rows that row-level
-- security must check by city_code, which sent every counted row to the table; with city_code
-- (and the counted or filtered columns) in the index, the visibility map answers instead.
drop index public.listings_review_queue_idx;
create index listings_review_queue_idx on public.listings (submitted_at) include (city_code)
  where review_state = 'pending';

drop index public.members_registered_idx;
create index members_registered_idx on public.members (registered_at desc) include (city_code);

drop index public.trades_closed_idx;
create index trades_closed_idx on public.trades (closed_at desc) include (city_code, status, amount_fen);

drop index public.complaints_open_due_idx;
create index complaints_open_due_idx on public.complaints (resolution_due_at)
  include (city_code, first_responded_at, first_response_due_at)
  where state not in ('dismissed', 'resolved', 'closed', 'withdrawn');

drop index public.merchant_applications_open_idx;
create index merchant_applications_open_idx on public.merchant_applications (submitted_at) include (city_code, state)
  where state in ('submitted', 'in_review');
