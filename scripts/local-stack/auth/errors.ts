// GoTrue's error responses. auth-js always asks for API version 2024-01-01, so answers use the
// 2024 shape {code, message}; `error_code`/`msg` are added too so a client that did not get the
// version header (e.g. a browser without the CORS expose) still finds the code.
import type { ServerResponse } from 'node:http';

export const API_VERSION = '2024-01-01';

export class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

/** OAuth-style errors ({error, error_description}) that GoTrue keeps on /token. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;
  constructor(status: number, error: string, description: string) {
    super(description);
    this.status = status;
    this.error = error;
  }
}

export const badRequest = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AuthError(400, code, message, extra);
export const unauthorized = (code: string, message: string) => new AuthError(401, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AuthError(422, code, message, extra);

export const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');
/** GoTrue's WeakPasswordError: every failed rule's message, and its reason code. */
export const weakPassword = (messages: string[], reasons: string[]) =>
  unprocessable('weak_password', messages.join(' '), { weak_password: { reasons } });

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'X-Supabase-Api-Version': API_VERSION,
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof AuthError) {
    sendJson(
      res,
      err.status,
      { code: err.code, message: err.message, error_code: err.code, msg: err.message, ...err.extra },
      { 'x-sb-error-code': err.code },
    );
  } else if (err instanceof OAuthError) {
    sendJson(res, err.status, { error: err.error, error_description: err.message });
  } else {
    sendJson(
      res,
      500,
      { code: 'unexpected_failure', message: 'Unexpected failure, please check server logs for more information', error_code: 'unexpected_failure', msg: 'Unexpected failure, please check server logs for more information' },
      { 'x-sb-error-code': 'unexpected_failure' },
    );
  }
}
