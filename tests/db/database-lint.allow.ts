// What the database linter (tests/db/database-lint.test.ts) may find, each with the reason it
// is so on purpose. `object` is exact, or a prefix ending in `*`. Keep it short: a finding
// without a reason here is a bug to fix in supabase/schemas/.
const INLINED =
  'SQL helper used in policies and views on big tables: a SET clause would stop the planner inlining it (and using the indexes ' +
  'its expression matches); every name in it is schema-qualified, operators included, so the caller\'s search_path cannot change it';
const NO_API_ACCESS =
  'written and read only by security-definer functions (ranking, rollup refresh); every privilege of the API roles is revoked, ' +
  'so no policy is ever consulted: deny-all is the intent';

export const ALLOWED: Array<{ lint: string; object: string; reason: string }> = [
  { lint: 'function_search_path_mutable', object: 'app.all_regions()', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.can_see_pii(subject text)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.has_role(VARIADIC roles staff_role[])', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.is_staff()', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.scope_cities()', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.search_cap()', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.search_day(ts timestamp with time zone)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.search_likes(p_q text)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.search_money(fen bigint)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.search_shorts(p_q text)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.search_words(p_q text)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.staff_role()', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.complaint_is_open(s complaint_state)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.listing_on_shelf(review_state listing_review_state, shelf_state listing_shelf_state)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.merchant_fee_paid(fee_paid_until date)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.merchant_is_public(status merchant_status, fee_paid_until date)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.reservation_is_successful(s reservation_state)', reason: INLINED },
  { lint: 'function_search_path_mutable', object: 'app.withdrawal_is_open(s withdrawal_state)', reason: INLINED },
  { lint: 'rls_enabled_no_policy', object: 'app.rank_listing_events_day', reason: NO_API_ACCESS },
  { lint: 'rls_enabled_no_policy', object: 'app.rank_reservations_day', reason: NO_API_ACCESS },
  { lint: 'rls_enabled_no_policy', object: 'app.rollup_dirty', reason: NO_API_ACCESS },
  {
    lint: 'rls_enabled_no_policy',
    object: 'app.notification_contacts',
    reason: 'recipients\' e-mail addresses and WeChat openids, read by the notification functions only; no API role has a privilege on it',
  },
  {
    lint: 'rls_enabled_no_policy',
    object: 'app.scheduled_jobs',
    reason: 'the schedule, read by pg_cron setup and the local timer as postgres; no API role has a privilege on it',
  },
  {
    lint: 'authenticated_security_definer_function_executable',
    object: 'public.*',
    reason:
      'the RPCs are the only write path (docs/ARCHITECTURE.md): security definer on purpose, each checks role, region, four eyes, ' +
      'ceilings and MFA itself, and tests/db/region-scope-matrix.test.ts fails until every function authenticated may call is classified',
  },
];
