// Flows that go through an e-mail link: /recover, /verify (GET from the link, POST for
// verifyOtp) and /signup. Mail goes to the stack's mail catcher over SMTP (mailer.ts).
import { AuthError, badRequest, forbidden, sendJson, unprocessable } from './errors.ts';
import {
  checkPasswordStrength,
  hashPassword,
  issueSession,
  normaliseEmail,
  obj,
  safeRedirect,
  str,
  tooSoon,
  verifyLink,
  type Ctx,
  type Deps,
  type TokenResponse,
} from './context.ts';
import { reserveMail } from './mailer.ts';
import {
  audit,
  findUserByEmail,
  isBanned,
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

/**
 * POST /recover. Known and unknown addresses answer alike: 200 {}, or the same 429 for a
 * second request within `max_frequency` (counted per address whether it exists or not), and
 * the mail leaves after the answer. A deactivated account gets no mail.
 */
export async function recover(ctx: Ctx, deps: Deps): Promise<void> {
  deps.limits.otp.check(ctx.ip); // GoTrue's "Recover" limiter
  if (!str(ctx.body.email)) throw badRequest('validation_failed', 'Password recovery requires an email');
  const email = normaliseEmail(ctx.body.email);
  if (!deps.limits.mailFrequency.allow(`recovery:${email}`)) throw tooSoon(deps);
  reserveMail(deps.limits.email);
  const user = await findUserByEmail(deps.pool, email);
  if (!user || !user.email || isBanned(user)) return sendJson(ctx.res, 200, {});
  const otp = newOtp(deps.settings.otpLength);
  const hash = tokenHash(user.email, otp);
  await withTransaction(deps.pool, async (c) => {
    await updateUser(c, user.id, { recovery_token: hash, recovery_sent_at: { sql: 'now()' } });
    await audit(c, 'user_recovery_requested', user, ctx.ip);
  });
  deps.limits.codeFailures.clear(`otp:${user.email}`);
  const link = verifyLink(deps, hash, 'recovery', safeRedirect(deps, ctx.url.searchParams.get('redirect_to')));
  sendJson(ctx.res, 200, {});
  deps.mailer.send('recovery', { to: user.email, link, token: otp });
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
    // A deactivated account cannot complete a recovery or invitation (GoTrue: 403 user_banned).
    if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
    const sentAt =
      column === 'recovery_token' && user.recovery_token === hash
        ? user.recovery_sent_at
        : column === 'email_change_token_new'
          ? user.email_change_sent_at
          : user.confirmation_sent_at;
    if (!sentAt || Date.now() - sentAt.getTime() > deps.settings.otpExpiry * 1000) throw expired();

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
    if (type === 'email_change') {
      await audit(c, 'user_modified', row, ctx.ip, { email_change: 'confirmed', old_email: user.email, new_email: row.email });
    } else if (type === 'invite') {
      await audit(c, 'invite_accepted', row, ctx.ip, { provider: 'email' });
    } else {
      await audit(c, 'login', row, ctx.ip, { provider: 'email', type });
    }
    return issueSession(c, deps, ctx, row, AMR_METHOD[type]);
  });
}

function fragmentUrl(redirect: string, params: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return redirect + (redirect.includes('#') ? '&' : '#') + q.toString();
}

/** GET /verify: the link in the e-mail. Always answers with a 303 back to the app. */
export async function verifyGet(ctx: Ctx, deps: Deps): Promise<void> {
  deps.limits.verify.check(ctx.ip);
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

/** Voids every e-mail code of an address (after too many wrong ones). */
async function voidEmailCodes(deps: Deps, email: string): Promise<void> {
  await deps.pool.query(
    `update auth.users set recovery_token = '', confirmation_token = '', email_change_token_new = '', updated_at = now()
      where lower(email) = $1 or lower(email_change) = $1`,
    [email],
  );
}

/**
 * POST /verify: verifyOtp({type, token_hash}) or verifyOtp({email, token, type}). A code
 * typed by hand is short, so wrong ones are counted per address (known or not): at
 * `maxCodeAttempts` the address's codes are void and even the right one fails.
 */
export async function verifyPost(ctx: Ctx, deps: Deps): Promise<void> {
  deps.limits.verify.check(ctx.ip);
  const type = (str(ctx.body.type) ?? '') as VerifyType;
  if (!VERIFY_TYPES.has(type)) throw badRequest('validation_failed', 'Verify requires a verification type');
  let hash = str(ctx.body.token_hash);
  let attemptKey: string | null = null;
  let email = '';
  if (!hash) {
    const otp = str(ctx.body.token);
    const rawEmail = str(ctx.body.email);
    if (!otp || !rawEmail) throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
    email = normaliseEmail(rawEmail);
    attemptKey = `otp:${email}`;
    if (deps.limits.codeFailures.over(attemptKey)) throw forbidden('otp_expired', 'Token has expired or is invalid');
    hash = tokenHash(email, otp);
  }
  try {
    sendJson(ctx.res, 200, await consume(deps, ctx, type, hash));
    if (attemptKey) deps.limits.codeFailures.clear(attemptKey);
  } catch (e) {
    if (e instanceof AuthError && e.code === 'otp_expired') {
      if (attemptKey && deps.limits.codeFailures.fail(attemptKey) >= deps.settings.maxCodeAttempts) {
        await voidEmailCodes(deps, email);
      }
      throw forbidden('otp_expired', 'Token has expired or is invalid');
    }
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
  checkPasswordStrength(password, deps.settings);
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
