import { corsHeaders } from './cors.ts';

/** A refusal with a stable code the panel translates (errors.<code>). */
export class HttpError extends Error {
  constructor(public status: number, public code: string, message?: string) {
    super(message ?? code);
  }
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json; charset=utf-8' },
  });
}

export function errorResponse(e: unknown): Response {
  if (e instanceof HttpError) return json({ error: { code: e.code, message: e.message } }, e.status);
  console.error(e);
  return json({ error: { code: 'internal_error', message: 'internal error' } }, 500);
}

/** Turns a PostgREST error from an RPC into an HttpError carrying the database's code. */
export function fromPostgrest(err: { code?: string; message: string; details?: string | null }): HttpError {
  const status = err.code === '42501' ? 403 : err.code === '23505' ? 409 : 400;
  return new HttpError(status, /^[a-z][a-z0-9_]*$/.test(err.message) ? err.message : 'database_error', err.details ?? err.message);
}
