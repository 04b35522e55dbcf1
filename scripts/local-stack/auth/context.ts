// What every handler shares: the parsed request, dependencies, bearer-token checks, the
// password policy and session issuing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import bcrypt from 'bcryptjs';
import type pg from 'pg';
import type { StackConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { AuthError, badRequest, forbidden, unauthorized, unprocessable, weakPassword } from './errors.ts';
import {
  amrOf,
  createSession,
  findSession,
  findUserById,
  insertRefreshToken,
  isBanned,
  loadUserJson,
  type Queryable,
  type UserRow,
} from './repo.ts';
import { newRefreshToken, type AccessClaims, type TokenSigner } from './tokens.ts';

export const MIN_PASSWORD_LENGTH = 6; // CLI `minimum_password_length`
const MAX_PASSWORD_LENGTH = 72; // bcrypt ignores anything beyond 72 bytes
export const BCRYPT_COST = 10;
export const ADMIN_ROLES = new Set(['service_role']);
/** CLI `refresh_token_reuse_interval` */
export const REFRESH_REUSE_INTERVAL_S = 10;
/** CLI `otp_expiry` (e-mail links) */
export const OTP_EXPIRY_S = 3600;
/** CLI `[auth.email] max_frequency` */
export const MAIL_MAX_FREQUENCY_S = 1;

export interface AuthOptions {
  /** Staff accounts are created by admins, so public sign-up is off unless asked for. */
  disableSignup?: boolean;
}

export interface Deps {
  cfg: StackConfig;
  log: Logger;
  pool: pg.Pool;
  signer: TokenSigner;
  siteUrl: string;
  allowedRedirects: string[];
  disableSignup: boolean;
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  ip: string | null;
  userAgent: string | null;
  body: Record<string, unknown>;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function normaliseEmail(raw: unknown): string {
  if (typeof raw !== 'string' || !EMAIL_RE.test(raw.trim()) || raw.length > 255) {
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  return raw.trim().toLowerCase();
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function clientIp(req: IncomingMessage): string | null {
  const fwd = req.headers['x-forwarded-for'];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
  const ip = (first || req.socket.remoteAddress || '').replace(/^::ffff:/, '');
  return isIP(ip) ? ip : null;
}

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw weakPassword(MIN_PASSWORD_LENGTH);
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw unprocessable('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
}

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, BCRYPT_COST);

/** bcrypt check that also accepts pgcrypto's $2a$ hashes; anything unparsable is a mismatch. */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

function bearer(ctx: Ctx): string {
  const h = ctx.req.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  if (!m) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  return m[1];
}

export interface Authed {
  claims: AccessClaims;
  user: UserRow;
  sessionId: string | null;
}

/** GoTrue's requireAuthentication: valid JWT → existing user → existing session → not banned. */
export async function requireUser(ctx: Ctx, deps: Deps): Promise<Authed> {
  const claims = await deps.signer.verify(bearer(ctx));
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(deps.pool, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let sessionId: string | null = null;
  if (claims.session_id) {
    if (!isUuid(claims.session_id) || !(await findSession(deps.pool, claims.session_id))) {
      throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    sessionId = claims.session_id;
  }
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  return { claims, user, sessionId };
}

export async function requireAdmin(ctx: Ctx, deps: Deps): Promise<AccessClaims> {
  const claims = await deps.signer.verify(bearer(ctx));
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
  return claims;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

export async function tokenResponse(
  q: Queryable,
  deps: Deps,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<TokenResponse> {
  const signed = await deps.signer.sign({
    sub: user.id,
    aud: user.aud ?? 'authenticated',
    email: user.email ?? '',
    phone: user.phone ?? '',
    appMetadata: user.raw_app_meta_data ?? {},
    userMetadata: user.raw_user_meta_data ?? {},
    role: user.role ?? 'authenticated',
    amr: await amrOf(q, sessionId),
    sessionId,
    isAnonymous: user.is_anonymous,
  });
  return {
    access_token: signed.token,
    token_type: 'bearer',
    expires_in: signed.expiresIn,
    expires_at: signed.expiresAt,
    refresh_token: refreshToken,
    user: await loadUserJson(q, user),
  };
}

/** New session + first refresh token (no parent) + access token. */
export async function issueSession(q: Queryable, deps: Deps, ctx: Ctx, user: UserRow, method: string): Promise<TokenResponse> {
  const sessionId = await createSession(q, user.id, method, ctx.userAgent, ctx.ip);
  const rt = await insertRefreshToken(q, newRefreshToken(), user.id, sessionId, null);
  return tokenResponse(q, deps, user, sessionId, rt.token);
}

/** Where e-mail links may send the browser: the app (site URL) only; anything else falls back to it. */
export function safeRedirect(deps: Deps, requested: string | null | undefined): string {
  if (!requested) return deps.siteUrl;
  const ok = deps.allowedRedirects.some(
    (a) => requested === a || ['/', '?', '#'].some((sep) => requested.startsWith(a + sep)),
  );
  return ok ? requested : deps.siteUrl;
}

/** GoTrue's ConfirmationURL: redirect_to is appended raw unless it would break the query. */
export function verifyLink(deps: Deps, token: string, type: string, redirect: string): string {
  const r = /[&=#]/.test(redirect) ? encodeURIComponent(redirect) : redirect;
  return `${deps.cfg.apiUrl}/auth/v1/verify?token=${token}&type=${type}&redirect_to=${r}`;
}

export function isAuthError(e: unknown): e is AuthError {
  return e instanceof AuthError;
}
