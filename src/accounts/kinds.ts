// Which ledger accounts make up each figure of an owner's balance (v_account_balances), and
// which side increases them: an entry is signed debit +, credit −; credit-normal accounts
// (what the platform owes, revenue) grow with credits.
export type Figure = 'available' | 'frozen' | 'locked' | 'deposit' | 'receivable' | 'cash';

export const FIGURE_KINDS: Record<Figure, string[]> = {
  available: ['merchant_available', 'member_available', 'platform_revenue'],
  frozen: ['merchant_pending', 'member_frozen', 'platform_fee_deferred'],
  locked: ['merchant_locked', 'member_locked', 'platform_payout_clearing'],
  deposit: ['merchant_deposit'],
  receivable: ['merchant_receivable', 'member_receivable'],
  cash: ['platform_clearing'],
};

const DEBIT_NORMAL = new Set(['platform_clearing', 'merchant_receivable', 'member_receivable']);

/** How much an entry moved its account's balance (positive = the figure grew). */
export function balanceEffect(accountKind: string, amountFen: number): number {
  return DEBIT_NORMAL.has(accountKind) ? amountFen : -amountFen;
}

export function figureOf(accountKind: string): Figure | null {
  for (const [figure, kinds] of Object.entries(FIGURE_KINDS)) if (kinds.includes(accountKind)) return figure as Figure;
  return null;
}
