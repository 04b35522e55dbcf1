import { corsHeaders } from './cors.ts';

/** A refusal with a stable code the panel translates (errors.<code>). */
export class HttpError extends Error {
  constructor(public status: number, public code: string, message?: string) {
    super(message ?? code);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * The database (or the auth server in front of it) cannot answer right now: a restart, a
 * crash being healed. Not the caller's fault and not a reason to end their session.
 */
export function serviceUnavailable(detail = 'the service is briefly unavailable; try again in a moment'): HttpError {
  return new HttpError(503, 'service_unavailable', detail);
}

/**
 * True when a failed call says "the database or the server in front of it is down" rather
 * than "no": a 5xx, no HTTP answer at all (status 0), PostgREST's connection errors
 * (PGRST000–003) or Postgres's connection and shutdown SQLSTATEs (08…, 57P0…).
 */
export function isUnavailable(err: { status?: number; code?: string; name?: string; message?: string } | null | undefined, status?: number): boolean {
  if (!err) return false;
  const s = status ?? err.status;
  if (typeof s === 'number' && (s === 0 || s >= 500)) return true;
  if (err.name === 'AuthRetryableFetchError') return true;
  const code = err.code ?? '';
  if (/^PGRST00[0-3]$/.test(code) || /^(08|57P0)/.test(code)) return true;
  return !code && /fetch failed|error sending request|connection (refused|reset|closed)/i.test(err.message ?? '');
}

export function errorResponse(e: unknown): Response {
  if (e instanceof HttpError) {
    return json({ error: { code: e.code, message: e.message } }, e.status, e.status === 503 ? { 'Retry-After': '2' } : {});
  }
  console.error(e);
  return json({ error: { code: 'internal_error', message: 'internal error' } }, 500);
}

/** Turns a PostgREST error from an RPC into an HttpError carrying the database's code. */
export function fromPostgrest(err: { code?: string; message: string; details?: string | null }, status?: number): HttpError {
  if (isUnavailable(err, status)) return serviceUnavailable(err.message);
  const httpStatus = err.code === '42501' ? 403 : err.code === '23505' ? 409 : 400;
  return new HttpError(httpStatus, /^[a-z][a-z0-9_]*$/.test(err.message) ? err.message : 'database_error', err.details ?? err.message);
}
