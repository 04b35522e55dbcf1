// What every handler shares: the parsed request, dependencies, bearer-token checks, the
// password policy and session issuing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import bcrypt from 'bcryptjs';
import type pg from 'pg';
import type { StackConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { AuthError, badRequest, forbidden, unauthorized, weakPassword } from './errors.ts';
import type { AuthLimits } from './limits.ts';
import type { Mailer } from './mailer.ts';
import type { AuthSettings } from './settings.ts';
import {
  amrOf,
  createSession,
  findSession,
  findUserById,
  insertRefreshToken,
  isBanned,
  loadUserJson,
  type Queryable,
  type SessionRow,
  type UserRow,
} from './repo.ts';
import { newRefreshToken, type AccessClaims, type TokenSigner } from './tokens.ts';

const MAX_PASSWORD_LENGTH = 72; // bcrypt ignores anything beyond 72 bytes
export const BCRYPT_COST = 10;
export const ADMIN_ROLES = new Set(['service_role']);

export interface AuthOptions {
  /** Staff accounts are created by admins, so public sign-up is off unless asked for. */
  disableSignup?: boolean;
  /** Proxies whose X-Forwarded-For is believed (default: none; the stack passes its gateway). */
  trustedProxies?: TrustedProxies;
  /** Settings instead of supabase/config.toml's (tests of the server itself). */
  settings?: AuthSettings;
  /** Where mail goes (default: the stack's mail catcher over SMTP). */
  mailer?: Mailer;
  /** Port to listen on instead of cfg.authPort (0: any free one). */
  port?: number;
}

export interface Deps {
  cfg: StackConfig;
  log: Logger;
  pool: pg.Pool;
  signer: TokenSigner;
  siteUrl: string;
  allowedRedirects: string[];
  disableSignup: boolean;
  settings: AuthSettings;
  limits: AuthLimits;
  mailer: Mailer;
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

/**
 * Who a proxy in front of the auth server is: its socket address, and (when set) a secret it
 * sends in `x-gateway-secret`, so that on a shared loopback only the stack's own gateway is
 * believed, not any local process that connects to the auth port.
 */
export interface TrustedProxies {
  addresses: string[];
  secret?: string;
}

const bareIp = (a: string | undefined) => (a ?? '').replace(/^::ffff:/, '');

/**
 * The client's address: the socket's, unless the request comes from a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy. Nobody is trusted by
 * default; the local stack trusts its gateway, which sets the header from its own socket.
 */
export function clientIp(req: IncomingMessage, trust: TrustedProxies = { addresses: [] }): string | null {
  const peer = bareIp(req.socket.remoteAddress);
  const secretOk = !trust.secret || req.headers['x-gateway-secret'] === trust.secret;
  if (trust.addresses.includes(peer) && secretOk) {
    const fwd = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(fwd) ? fwd.join(',') : (fwd ?? '')).split(',').map((h) => bareIp(h.trim())).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!isIP(hops[i])) break;
      if (!trust.addresses.includes(hops[i]) || i === 0) return hops[i];
    }
  }
  return isIP(peer) ? peer : null;
}

/**
 * GoTrue's checkPasswordStrength with `[auth] minimum_password_length` and
 * `password_requirements`: 422 weak_password listing every rule broken (reasons `length`,
 * `characters`). Length counts characters, so a short password of multi-byte characters does
 * not pass on its byte count.
 */
export function passwordWeakness(password: string, s: AuthSettings): { messages: string[]; reasons: string[] } | null {
  const messages: string[] = [];
  const reasons: string[] = [];
  if ([...password].length < s.minimumPasswordLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${s.minimumPasswordLength} characters.`);
  }
  if (s.requiredCharacters.some((set) => ![...set].some((ch) => password.includes(ch)))) {
    reasons.push('characters');
    messages.push(`Password should contain at least one character of each: ${s.requiredCharacters.join(', ')}.`);
  }
  return reasons.length ? { messages, reasons } : null;
}

export function checkPasswordStrength(password: string, s: AuthSettings): void {
  if (Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  }
  const weak = passwordWeakness(password, s);
  if (weak) throw weakPassword(weak.messages, weak.reasons);
}

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, BCRYPT_COST);

/**
 * A valid bcrypt hash of a random secret at the cost new hashes get: an unknown address, or a
 * user without a password, is compared against it, so the answer takes as long as for a real
 * account and no address can be told from its timing.
 */
const DUMMY_HASH = bcrypt.hashSync(randomBytes(18).toString('base64url'), BCRYPT_COST);

/** bcrypt check that also accepts pgcrypto's $2a$ hashes; anything unparsable is a mismatch. */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[abxy]\$\d\d\$/.test(hash)) {
    await bcrypt.compare(password, DUMMY_HASH);
    return false;
  }
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

/** Hashes cheaper than BCRYPT_COST (pgcrypto's seeds use 6) are upgraded at the next sign-in. */
export function needsRehash(hash: string | null): boolean {
  const m = hash ? /^\$2[abxy]\$(\d\d)\$/.exec(hash) : null;
  return !!m && Number(m[1]) < BCRYPT_COST;
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
  session: SessionRow | null;
}

/** GoTrue's requireAuthentication: valid JWT → existing user → existing session → not banned. */
export async function requireUser(ctx: Ctx, deps: Deps): Promise<Authed> {
  const claims = await deps.signer.verify(bearer(ctx));
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(deps.pool, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let session: SessionRow | null = null;
  if (claims.session_id) {
    session = isUuid(claims.session_id) ? await findSession(deps.pool, claims.session_id) : null;
    if (!session || session.user_id !== user.id) {
      throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    }
  }
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  return { claims, user, sessionId: session?.id ?? null, session };
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
  weak_password?: { reasons: string[]; message: string };
}

export async function tokenResponse(
  q: Queryable,
  deps: Deps,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
): Promise<TokenResponse> {
  const session = await findSession(q, sessionId);
  const signed = await deps.signer.sign({
    sub: user.id,
    aud: user.aud ?? 'authenticated',
    email: user.email ?? '',
    phone: user.phone ?? '',
    appMetadata: user.raw_app_meta_data ?? {},
    userMetadata: user.raw_user_meta_data ?? {},
    role: user.role ?? 'authenticated',
    aal: session?.aal ?? 'aal1',
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

/** Constant-time string comparison (token hashes, nonces). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** GoTrue's answer to a second mail of a kind to one address within `max_frequency`. */
export const tooSoon = (deps: Deps) =>
  new AuthError(
    429,
    'over_email_send_rate_limit',
    `For security purposes, you can only request this after ${deps.settings.mailMaxFrequency} seconds.`,
  );

export function isAuthError(e: unknown): e is AuthError {
  return e instanceof AuthError;
}
