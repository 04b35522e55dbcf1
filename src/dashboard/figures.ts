// Which home-dashboard figures (R-ANA-1) each role acts on, and the filtered list behind each.
import type { StaffRole } from '../providers/access';

export interface DashboardSummary {
  pending_merchant_reviews: number;
  merchant_reviews_submitted: number;
  merchant_reviews_in_review: number;
  pending_listing_reviews: number;
  open_complaints: number;
  overdue_complaints: number;
  first_response_overdue_complaints: number;
  pending_withdrawals: number;
  pending_withdrawals_fen: number;
  gmv_today_fen: number;
  trades_today: number;
  gmv_month_fen: number;
  trades_month: number;
  new_members_today: number;
  new_members_month: number;
  day_start: string;
  month_start: string;
  as_of: string;
}

export type FigureKey =
  | 'pending_merchant_reviews' | 'pending_listing_reviews' | 'open_complaints' | 'overdue_complaints'
  | 'pending_withdrawals' | 'gmv_today' | 'gmv_month' | 'new_members_today' | 'new_members_month';

export interface Figure {
  key: FigureKey;
  /** the main number; money figures are fen */
  value: (s: DashboardSummary) => number;
  money?: boolean;
  /** a second line: a count beside an amount, or the other way round */
  detail?: (s: DashboardSummary) => { key: string; values: Record<string, number | string>; money?: boolean };
  resource: string;
  filter: (s: DashboardSummary) => Record<string, unknown>;
  /** highlight when above zero (work waiting past its deadline) */
  alert?: boolean;
  roles: StaffRole[];
}

const OPEN_WITHDRAWAL = '(applied,in_review,approved,paying,pay_failed)';

export const FIGURES: Figure[] = [
  {
    key: 'pending_merchant_reviews',
    value: (s) => s.pending_merchant_reviews,
    detail: (s) => ({ key: 'dashboard.detail.reviews', values: { submitted: s.merchant_reviews_submitted, in_review: s.merchant_reviews_in_review } }),
    resource: 'merchant_applications',
    filter: () => ({ 'state@in': '(submitted,in_review)' }),
    roles: ['admin', 'reviewer', 'analyst'],
  },
  {
    key: 'pending_listing_reviews',
    value: (s) => s.pending_listing_reviews,
    resource: 'listings',
    filter: () => ({ review_state: 'pending' }),
    roles: ['admin', 'reviewer', 'analyst'],
  },
  {
    key: 'open_complaints',
    value: (s) => s.open_complaints,
    detail: (s) => ({ key: 'dashboard.detail.first_response', values: { n: s.first_response_overdue_complaints } }),
    resource: 'complaints',
    filter: () => ({ is_open: true }),
    roles: ['admin', 'customer_service', 'analyst'],
  },
  {
    key: 'overdue_complaints',
    value: (s) => s.overdue_complaints,
    resource: 'complaints',
    filter: () => ({ is_open: true, resolution_overdue: true }),
    alert: true,
    roles: ['admin', 'customer_service', 'analyst'],
  },
  {
    key: 'pending_withdrawals',
    value: (s) => s.pending_withdrawals_fen,
    money: true,
    detail: (s) => ({ key: 'dashboard.detail.count', values: { n: s.pending_withdrawals } }),
    resource: 'withdrawals',
    filter: () => ({ 'state@in': OPEN_WITHDRAWAL }),
    roles: ['admin', 'finance', 'analyst'],
  },
  {
    key: 'gmv_today',
    value: (s) => s.gmv_today_fen,
    money: true,
    detail: (s) => ({ key: 'dashboard.detail.trades', values: { n: s.trades_today } }),
    resource: 'trades',
    filter: (s) => ({ status: 'closed', 'closed_at@gte': s.day_start }),
    roles: ['admin', 'finance', 'analyst'],
  },
  {
    key: 'gmv_month',
    value: (s) => s.gmv_month_fen,
    money: true,
    detail: (s) => ({ key: 'dashboard.detail.trades', values: { n: s.trades_month } }),
    resource: 'trades',
    filter: (s) => ({ status: 'closed', 'closed_at@gte': s.month_start }),
    roles: ['admin', 'finance', 'analyst'],
  },
  {
    key: 'new_members_today',
    value: (s) => s.new_members_today,
    resource: 'members',
    filter: (s) => ({ 'registered_at@gte': s.day_start }),
    roles: ['admin', 'customer_service', 'analyst'],
  },
  {
    key: 'new_members_month',
    value: (s) => s.new_members_month,
    resource: 'members',
    filter: (s) => ({ 'registered_at@gte': s.month_start }),
    roles: ['admin', 'customer_service', 'analyst'],
  },
];

export function figuresFor(role: string | undefined): Figure[] {
  return FIGURES.filter((f) => (f.roles as string[]).includes(role ?? ''));
}

/** react-admin list URL with a `filter` JSON, e.g. /complaints?filter={"is_open":true} */
export function listUrl(resource: string, filter: Record<string, unknown>): string {
  return `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
}
