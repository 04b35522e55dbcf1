// The permission table of docs/DOMAIN.md as data, and the one function that reads it.
// The database enforces the same rules with RLS; this only decides what the UI offers.

export const STAFF_ROLES = ['admin', 'reviewer', 'customer_service', 'finance', 'analyst'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ACTIONS = [
  // react-admin's own
  'list', 'show', 'create', 'edit', 'delete', 'export',
  // business actions
  'review', // approve / reject an application, a listing, a withdrawal (first check)
  'suspend', // suspend / resume a merchant
  'delist', // force a listing off the shelf
  'ban', // ban / unban a member
  'adjust', // change a member's points or level
  'verify', // verify a declared deal
  'refund', // refund a closed trade (trade_refund reverses its money)
  'assign', // take or assign a complaint
  'resolve', // reply to, resolve or dismiss a complaint
  'pay', // record a payout
  'approve', // second approval of a large withdrawal
  'run', // start a settlement / ranking / reconciliation run
  'import', // bulk import
  'activate', // activate / deactivate a staff account
  'reset_password',
  'reveal', // show a masked personal detail in full, with a reason (audited)
] as const;
export type AppAction = (typeof ACTIONS)[number];

type Grants = Partial<Record<StaffRole, readonly AppAction[]>>;

const READ: readonly AppAction[] = ['list', 'show', 'export'];
const WRITE: readonly AppAction[] = ['list', 'show', 'export', 'create', 'edit', 'delete'];
// Money and audit records are never edited or deleted: a correction is a new row (docs/DOMAIN.md).
const APPEND_ONLY: readonly AppAction[] = ['list', 'show', 'export', 'create'];

const everyoneReads = (extra: Grants = {}): Grants => ({
  admin: WRITE,
  reviewer: READ,
  customer_service: READ,
  finance: READ,
  analyst: READ,
  ...extra,
});

// One entry per resource: its keys are the resources (RESOURCES, AppResource).
const GRANTS = {
  dashboard: { admin: READ, reviewer: READ, customer_service: READ, finance: READ, analyst: READ },
  // Staff accounts are admin business; others read only their own row (shown in the user menu),
  // so they get `show` and no list. Staff are deactivated, never deleted.
  staff: {
    admin: ['list', 'show', 'export', 'create', 'edit', 'activate', 'reset_password'],
    reviewer: ['show'],
    customer_service: ['show'],
    finance: ['show'],
    analyst: ['show'],
  },
  // 参数设置: every rule parameter; admins change them (with a reason, audited)
  settings: { admin: ['list', 'edit'] },
  // 通知: admins retry given-up messages (edit) and change templates; customer service reads
  notification_outbox: { admin: [...READ, 'edit'], customer_service: READ },
  notification_templates: { admin: ['list', 'show', 'export', 'edit'], customer_service: ['list', 'show', 'export'] },
  // Append-only for everybody; non-admin, non-analyst staff see their own actions (RLS).
  audit_log: { admin: READ, reviewer: READ, customer_service: READ, finance: READ, analyst: READ },
  // "read own" of a rule set means reading the rules everyone is ranked by.
  ranking_rules: everyoneReads({ admin: [...WRITE, 'run'] }),
  merchant_applications: everyoneReads({ admin: [...WRITE, 'review'], reviewer: [...READ, 'review'] }),
  merchants: everyoneReads({ admin: [...WRITE, 'suspend'], reviewer: [...READ, 'suspend'] }),
  listings: everyoneReads({
    admin: [...WRITE, 'review', 'delist', 'import'],
    reviewer: [...READ, 'review', 'delist'],
  }),
  catalogue: everyoneReads({ admin: [...WRITE, 'import'], reviewer: [...READ, 'review'] }),
  promotions: everyoneReads({ admin: [...WRITE, 'review', 'delist'], reviewer: [...READ, 'review', 'delist'] }),
  distribution: everyoneReads(), // 产品推广记录: read-only records (R-PRO-3)
  // members.review: promotion rights and binding disputes (member_set_promotion_rights, binding_end/rebind)
  members: everyoneReads({
    admin: [...WRITE, 'ban', 'adjust', 'reveal', 'review'],
    reviewer: [...READ, 'review'],
    customer_service: [...READ, 'ban', 'adjust', 'reveal'],
  }),
  reservations: everyoneReads({ admin: [...WRITE, 'verify'], customer_service: [...READ, 'verify'] }),
  // trade_refund: admin, finance and customer service
  trades: everyoneReads({
    admin: [...APPEND_ONLY, 'verify', 'refund'],
    customer_service: [...READ, 'verify', 'refund'],
    finance: [...READ, 'refund'],
  }),
  complaints: everyoneReads({
    admin: [...WRITE, 'assign', 'resolve'],
    customer_service: [...READ, 'create', 'edit', 'assign', 'resolve'],
  }),
  // 商户评价: reviewers and admins hide / restore (review_hide, review_restore); finance has no business here (RLS agrees)
  merchant_reviews: {
    admin: [...READ, 'review'],
    reviewer: [...READ, 'review'],
    customer_service: READ,
    analyst: READ,
  },
  // customer service reads the payments of members in their cases (RLS narrows the rows)
  payments: { admin: [...APPEND_ONLY, 'import'], customer_service: READ, finance: [...APPEND_ONLY, 'import'], analyst: READ },
  statements: { admin: [...APPEND_ONLY, 'import'], customer_service: READ, finance: [...APPEND_ONLY, 'import'], analyst: READ },
  // 平台费: fees due and offline fee payments for finance and admin; only admins set prices
  merchant_fees: { admin: READ, finance: READ },
  offline_fee_payments: { admin: APPEND_ONLY, finance: APPEND_ONLY },
  fee_prices: { admin: [...READ, 'edit'], finance: READ },
  reconciliation: { admin: [...READ, 'run', 'import'], finance: [...READ, 'run', 'import'], analyst: READ },
  commissions: { admin: READ, customer_service: READ, finance: READ, analyst: READ },
  settlements: { admin: [...READ, 'run'], customer_service: READ, finance: [...READ, 'run'], analyst: READ },
  ledger: { admin: READ, customer_service: READ, finance: READ, analyst: READ },
  withdrawals: { admin: [...READ, 'review', 'approve', 'pay'], finance: [...READ, 'review', 'approve', 'pay'], analyst: READ },
  // 批量付款: finance makes the bank file (full account numbers) and imports the bank's result
  payout_batches: { admin: [...READ, 'pay', 'import'], finance: [...READ, 'pay', 'import'], analyst: READ },
  bank_accounts: { admin: [...READ, 'edit', 'review'], finance: [...READ, 'review'], analyst: READ },
  // 后台任务: admins and finance watch every run; others open the runs they started (RLS)
  jobs: { admin: READ, finance: READ, reviewer: ['show'], customer_service: ['show'], analyst: ['show'] },
  // Charts read aggregates; the roles whose work they describe.
  analytics: { admin: READ, finance: READ, analyst: READ },
} satisfies Record<string, Grants>;

export type AppResource = keyof typeof GRANTS;
export const RESOURCES = Object.keys(GRANTS) as AppResource[];
const TABLE: Record<AppResource, Grants> = GRANTS;

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * May a staff member with `role` do `action` on `resource`? Unknown roles, resources and
 * actions are refused. A `resource` may be "name.field" (react-admin asks that for
 * columns): the field inherits the resource's answer.
 */
export function canAccess(role: string | null | undefined, resource: string, action: string): boolean {
  if (!isStaffRole(role)) return false;
  const name = resource.split('.')[0] as AppResource;
  const grants = TABLE[name];
  if (!grants) return false;
  return (grants[role] ?? []).includes(action as AppAction);
}

/** Every action the role has on the resource (for tests and the role overview). */
export function allowedActions(role: StaffRole, resource: AppResource): readonly AppAction[] {
  return TABLE[resource][role] ?? [];
}
