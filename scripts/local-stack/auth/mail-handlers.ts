// Flows that go through an e-mail link: /recover, /verify (GET from the link, POST for
// verifyOtp) and /signup. There is no SMTP locally, so links are written to the log.
import { AuthError, badRequest, forbidden, sendJson, unprocessable } from './errors.ts';
import {
  checkPasswordStrength,
  hashPassword,
  issueSession,
  MAIL_MAX_FREQUENCY_S,
  normaliseEmail,
  obj,
  OTP_EXPIRY_S,
  safeRedirect,
  str,
  verifyLink,
  type Ctx,
  type Deps,
  type TokenResponse,
} from './context.ts';
import {
  audit,
  findUserByEmail,
  findUserByTokenColumn,
  insertUser,
  mergeMetadata,
  syncEmailIdentity,
  updateUser,
  withTransaction,
  type Patch,
  type UserRow,
} from './repo.ts';
import { newOtp, tokenHash } from './tokens.ts';

export async function recover(ctx: Ctx, deps: Deps): Promise<void> {
  if (!str(ctx.body.email)) throw badRequest('validation_failed', 'Password recovery requires an email');
  const email = normaliseEmail(ctx.body.email);
  const user = await findUserByEmail(deps.pool, email);
  // Unknown addresses get the same answer, so the endpoint can't be used to enumerate users.
  if (!user || !user.email) return sendJson(ctx.res, 200, {});
  if (user.recovery_sent_at && Date.now() - user.recovery_sent_at.getTime() < MAIL_MAX_FREQUENCY_S * 1000) {
    throw new AuthError(
      429,
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${MAIL_MAX_FREQUENCY_S} seconds.`,
    );
  }
  const otp = newOtp();
  const hash = tokenHash(user.email, otp);
  await updateUser(deps.pool, user.id, { recovery_token: hash, recovery_sent_at: { sql: 'now()' } });
  await audit(deps.pool, 'recovery_requested', user, ctx.ip);
  const redirect = safeRedirect(deps, ctx.url.searchParams.get('redirect_to'));
  deps.log.info(`password recovery for ${user.email}: ${verifyLink(deps, hash, 'recovery', redirect)} (code ${otp})`);
  sendJson(ctx.res, 200, {});
}

type VerifyType = 'recovery' | 'magiclink' | 'invite' | 'signup' | 'email_change' | 'email';
const VERIFY_TYPES = new Set<VerifyType>(['recovery', 'magiclink', 'invite', 'signup', 'email_change', 'email']);
const AMR_METHOD: Record<VerifyType, string> = {
  recovery: 'recovery',
  magiclink: 'magiclink',
  email: 'otp',
  invite: 'invite',
  signup: 'email/signup',
  email_change: 'email_change',
};

const expired = () => forbidden('otp_expired', 'Email link is invalid or has expired');

/** Consumes a link token (a stored hash) and opens a session for its user. */
async function consume(deps: Deps, ctx: Ctx, type: VerifyType, hash: string): Promise<TokenResponse> {
  return withTransaction(deps.pool, async (c) => {
    const column =
      type === 'recovery' || type === 'magiclink' || type === 'email'
        ? 'recovery_token'
        : type === 'email_change'
          ? 'email_change_token_new'
          : 'confirmation_token';
    let user = await findUserByTokenColumn(c, column, hash);
    // verifyOtp({type: 'email'}) may also confirm a pending sign-up/invite.
    if (!user && type === 'email') user = await findUserByTokenColumn(c, 'confirmation_token', hash);
    if (!user) throw expired();
    const sentAt =
      column === 'recovery_token' && user.recovery_token === hash
        ? user.recovery_sent_at
        : column === 'email_change_token_new'
          ? user.email_change_sent_at
          : user.confirmation_sent_at;
    if (!sentAt || Date.now() - sentAt.getTime() > OTP_EXPIRY_S * 1000) throw expired();

    const patch: Patch = { last_sign_in_at: { sql: 'now()' } };
    if (type === 'email_change') {
      const newEmail = user.email_change ?? '';
      const taken = newEmail ? await findUserByEmail(c, newEmail) : null;
      if (!newEmail || (taken && taken.id !== user.id)) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      Object.assign(patch, {
        email: newEmail,
        email_change: '',
        email_change_token_new: '',
        email_change_token_current: '',
        email_change_confirm_status: 0,
        email_confirmed_at: { sql: 'coalesce(email_confirmed_at, now())' },
      });
    } else {
      // Following any e-mail link proves the address.
      Object.assign(patch, {
        recovery_token: user.recovery_token === hash ? '' : user.recovery_token,
        confirmation_token: user.confirmation_token === hash ? '' : user.confirmation_token,
        email_confirmed_at: { sql: 'coalesce(email_confirmed_at, now())' },
        raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, { email_verified: true }),
      });
    }
    const row: UserRow = await updateUser(c, user.id, patch);
    await syncEmailIdentity(c, row);
    await audit(c, type === 'recovery' ? 'login' : 'user_confirmation_requested', row, ctx.ip, { type });
    return issueSession(c, deps, ctx, row, AMR_METHOD[type]);
  });
}

function fragmentUrl(redirect: string, params: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return redirect + (redirect.includes('#') ? '&' : '#') + q.toString();
}

/** GET /verify: the link in the e-mail. Always answers with a 303 back to the app. */
export async function verifyGet(ctx: Ctx, deps: Deps): Promise<void> {
  const token = ctx.url.searchParams.get('token') ?? '';
  const type = (ctx.url.searchParams.get('type') ?? '') as VerifyType;
  const redirect = safeRedirect(deps, ctx.url.searchParams.get('redirect_to'));
  if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  if (!VERIFY_TYPES.has(type)) throw badRequest('validation_failed', 'Verify requires a verification type');
  let location: string;
  try {
    const s = await consume(deps, ctx, type, token);
    location = fragmentUrl(redirect, {
      access_token: s.access_token,
      expires_at: String(s.expires_at),
      expires_in: String(s.expires_in),
      refresh_token: s.refresh_token,
      sb: '',
      token_type: 'bearer',
      type,
    });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    location = fragmentUrl(redirect, {
      error: e.status === 403 ? 'access_denied' : 'server_error',
      error_code: e.code,
      error_description: e.message,
      sb: '',
    });
  }
  ctx.res.writeHead(303, { Location: location, 'X-Supabase-Api-Version': '2024-01-01' });
  ctx.res.end();
}

/** POST /verify: verifyOtp({type, token_hash}) or verifyOtp({email, token, type}). */
export async function verifyPost(ctx: Ctx, deps: Deps): Promise<void> {
  const type = (str(ctx.body.type) ?? '') as VerifyType;
  if (!VERIFY_TYPES.has(type)) throw badRequest('validation_failed', 'Verify requires a verification type');
  let hash = str(ctx.body.token_hash);
  if (!hash) {
    const otp = str(ctx.body.token);
    const email = str(ctx.body.email);
    if (!otp || !email) throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
    hash = tokenHash(normaliseEmail(email), otp);
  }
  try {
    sendJson(ctx.res, 200, await consume(deps, ctx, type, hash));
  } catch (e) {
    if (e instanceof AuthError && e.code === 'otp_expired') throw forbidden('otp_expired', 'Token has expired or is invalid');
    throw e;
  }
}

/** POST /signup with auto-confirm (CLI default); this instance normally refuses it. */
export async function signup(ctx: Ctx, deps: Deps): Promise<void> {
  if (deps.disableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  if (str(ctx.body.phone) && !str(ctx.body.email)) throw unprocessable('phone_provider_disabled', 'Phone signups are disabled');
  const email = normaliseEmail(ctx.body.email);
  const password = str(ctx.body.password) ?? '';
  if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(password);
  const result = await withTransaction(deps.pool, async (c) => {
    if (await findUserByEmail(c, email)) throw unprocessable('user_already_exists', 'User already registered');
    const user = await insertUser(c, {
      email,
      phone: null,
      passwordHash: await hashPassword(password),
      role: 'authenticated',
      emailConfirmed: true,
      phoneConfirmed: false,
      appMetadata: { provider: 'email', providers: ['email'] },
      userMetadata: { ...(obj(ctx.body.data) ?? {}), email_verified: true },
      bannedUntil: null,
    });
    await audit(c, 'user_signedup', user, ctx.ip, { provider: 'email' });
    const signedIn = await updateUser(c, user.id, { last_sign_in_at: { sql: 'now()' } });
    return issueSession(c, deps, ctx, signedIn, 'password');
  });
  sendJson(ctx.res, 200, result);
}
