-- Payout clearing holds what the platform has sent to a bank for a payee but the bank has not
-- confirmed yet: money still owed, so it is credit-normal (a liability), not an asset. No
-- entries exist for it before this migration, so only the sign convention changes.
update public.ledger_accounts
   set normal_side = -1, updated_at = now()
 where owner_type = 'platform' and kind = 'platform_payout_clearing' and normal_side = 1;
comment on table public.ledger_accounts is
  '账户: chart of accounts (platform_payout_clearing is a liability: payouts sent, not yet confirmed); balance_fen is maintained from ledger_entries';
