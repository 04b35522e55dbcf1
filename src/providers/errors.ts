import { HttpError } from 'react-admin';

// The database refuses with `message = <stable code>` (CONVENTIONS.md); auth and edge
// functions answer with their own codes. Every known code has a text under `errors.<code>`
// in both languages (a unit test checks it); anything else keeps the server's message.
export const ERROR_CODES = [
  'not_permitted',
  'not_found',
  'illegal_transition',
  'reason_required',
  'invalid_input',
  'insufficient_balance',
  'slot_full',
  'already_open',
  'out_of_region',
  'cannot_change_self',
  'audit_append_only',
  'duplicate',
  'in_use',
  'email_exists',
  'weak_password',
  'invalid_credentials',
  'not_staff',
  'staff_inactive',
  'session_expired',
  'mfa_required',
  'network',
  // the stack is restarting something (the database after a crash): try again, stay signed in
  'service_unavailable',
  'payload_too_large',
  'unknown',
  // refusals of the state machines and money functions (supabase/migrations, app.fail)
  'idempotency_conflict',
  'duplicate_channel_txn',
  'unbalanced_journal',
  'ledger_immutable',
  'invalid_rates',
  'period_overlap',
  'period_not_ready',
  'below_minimum',
  'suspended_with_complaints',
  'owner_banned',
  'bank_account_invalid',
  'bank_account_unverified',
  'deposit_required',
  'second_approver_required',
  'second_approval_required',
  'proof_required',
  'separation_of_duties',
  'binding_mismatch',
  'documents_missing',
  'fee_unpaid',
  'insufficient_points',
  'merchant_inactive',
  'open_complaints',
  'rule_immutable',
  // insider controls: four eyes, amount ceilings, locked rules
  'four_eyes',
  'amount_too_large',
  'invalid_amount',
  'rule_locked',
  // edge functions' own
  'not_authenticated',
  'method_not_allowed',
  'database_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN = new Set<string>(ERROR_CODES);

// Postgres SQLSTATEs, PostgREST and GoTrue codes that mean one of ours.
const ALIASES: Record<string, ErrorCode> = {
  '42501': 'not_permitted',
  '23505': 'duplicate',
  '23503': 'in_use',
  '23514': 'invalid_input',
  '23502': 'invalid_input',
  '22P02': 'invalid_input',
  '22001': 'invalid_input',
  // numeric out of range, datetime format and field overflow, invalid parameter value
  '22003': 'invalid_input',
  '22007': 'invalid_input',
  '22008': 'invalid_input',
  '22023': 'invalid_input',
  // no function with these arguments: the client sent a wrong set of parameters
  PGRST202: 'invalid_input',
  PGRST116: 'not_found',
  // PostgREST cannot reach the database (down, restarting) or waited too long for a connection
  PGRST000: 'service_unavailable',
  PGRST001: 'service_unavailable',
  PGRST002: 'service_unavailable',
  PGRST003: 'service_unavailable',
  // the gateway's 413 for REST and function bodies
  payload_too_large: 'payload_too_large',
  PGRST301: 'session_expired',
  PGRST303: 'session_expired',
  invalid_credentials: 'invalid_credentials',
  email_exists: 'email_exists',
  user_already_exists: 'email_exists',
  weak_password: 'weak_password',
  session_not_found: 'session_expired',
  refresh_token_not_found: 'session_expired',
  bad_jwt: 'session_expired',
  forbidden: 'not_permitted',
  internal_error: 'unknown',
  user_banned: 'staff_inactive',
  insufficient_aal: 'mfa_required',
};

/** The error's stable code, if we know one; null otherwise. */
export function errorCode(error: unknown): ErrorCode | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { message?: unknown; code?: unknown; body?: unknown; name?: unknown };
  const body = (e.body && typeof e.body === 'object' ? e.body : {}) as { message?: unknown; code?: unknown; error?: unknown };
  // edge functions answer { error: { code, message } }
  const nested = (body.error && typeof body.error === 'object' ? body.error : {}) as { code?: unknown };
  for (const candidate of [nested.code, body.message, e.message]) {
    if (typeof candidate === 'string' && KNOWN.has(candidate)) return candidate as ErrorCode;
  }
  for (const candidate of [nested.code, body.code, e.code]) {
    if (typeof candidate === 'string' && candidate in ALIASES) return ALIASES[candidate];
  }
  if (e.name === 'TypeError' && typeof e.message === 'string' && /fetch|network/i.test(e.message)) return 'network';
  // postgrest-js reports a request that got no answer as { message: 'TypeError: fetch failed', status: 0 }
  if (typeof e.message === 'string' && /^(TypeError|FetchError): .*(fetch|network)/i.test(e.message)) return 'network';
  const status = statusOf(error);
  // the gateway answered for a server that is down or restarting (auth-js calls a 5xx "retryable")
  if (status === 502 || status === 503 || status === 504) return 'service_unavailable';
  if (e.name === 'AuthRetryableFetchError') return status >= 500 ? 'service_unavailable' : 'network';
  if (e.name === 'FunctionsFetchError') return 'network';
  return null;
}

/** A failure that says "try again shortly", never "you are not signed in". */
export function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'service_unavailable' || code === 'network';
}

/** The i18n key (or raw message) react-admin's notification should show for an error. */
export function errorMessageKey(error: unknown): string {
  const code = errorCode(error);
  if (code) return `errors.${code}`;
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' && message ? message : 'errors.unknown';
}

function statusOf(error: unknown): number {
  const e = error as { status?: unknown; context?: { status?: unknown } };
  if (typeof e?.status === 'number') return e.status;
  if (typeof e?.context?.status === 'number') return e.context.status;
  return 0;
}

/**
 * Rethrow-ready: an HttpError whose message is a translatable key, keeping the HTTP status
 * (the auth provider's checkError decides on it) and the original body.
 */
export function toAppError(error: unknown): HttpError {
  if (error instanceof HttpError && error.message.startsWith('errors.')) return error;
  const body = (error as { body?: unknown })?.body ?? error;
  return new HttpError(errorMessageKey(error), statusOf(error), body);
}
