-- The per-minute timer job (reservation_run_timers) looks for deals pending past the
-- auto-close window, oldest first. Without an index it read every deal_pending reservation:
-- 4.6 s for a batch at seed factor 100 (100,000 pending deals), so the job hit the 8 s
-- statement timeout every minute and never progressed. Like reservations_open_idx for the
-- confirm deadline, a partial index serves it: a 500 + 500 batch now takes ~5 s there.
create index if not exists reservations_deal_pending_idx on public.reservations (state_changed_at)
  where state = 'deal_pending';
