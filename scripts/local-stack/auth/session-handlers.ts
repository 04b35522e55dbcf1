// Sign-in, refresh, the signed-in user and sign-out: /token, /user, /logout.
import {
  AuthError,
  badRequest,
  forbidden,
  invalidCredentials,
  OAuthError,
  sendJson,
  unprocessable,
} from './errors.ts';
import {
  checkPasswordStrength,
  hashPassword,
  issueSession,
  needsRehash,
  normaliseEmail,
  obj,
  passwordMatches,
  passwordWeakness,
  requireUser,
  safeEqual,
  str,
  tokenResponse,
  tooSoon,
  verifyLink,
  safeRedirect,
  type Ctx,
  type Deps,
  type TokenResponse,
} from './context.ts';
import { overRequestRateLimit } from './limits.ts';
import { reserveMail } from './mailer.ts';
import {
  activeRefreshToken,
  audit,
  deleteSessions,
  findRefreshTokenForUpdate,
  findSession,
  findUserByEmail,
  findUserById,
  hasVerifiedFactor,
  insertRefreshToken,
  isBanned,
  loadUserJson,
  mergeMetadata,
  NIL_INSTANCE,
  revokeRefreshToken,
  revokeTokenFamily,
  touchSession,
  updateUser,
  wasRotated,
  withTransaction,
  type Patch,
  type Queryable,
  type UserRow,
} from './repo.ts';
import { newOtp, newRefreshToken, tokenHash } from './tokens.ts';

export async function token(ctx: Ctx, deps: Deps): Promise<void> {
  const grant = ctx.url.searchParams.get('grant_type') ?? str(ctx.body.grant_type);
  let result: TokenResponse;
  if (grant !== 'password' && grant !== 'refresh_token') throw badRequest('invalid_credentials', 'unsupported_grant_type');
  // GoTrue's "Token" limiter: password and refresh grants together, per client address.
  deps.limits.token.check(ctx.ip);
  if (grant === 'password') result = await passwordGrant(ctx, deps);
  else result = await refreshGrant(ctx, deps);
  sendJson(ctx.res, 200, result, {
    'sb-auth-user-id': String(result.user.id),
  });
}

/**
 * Unknown address, no password, wrong password and a deactivated (banned) account with a
 * wrong password all answer the same `invalid_credentials`, after the same bcrypt work (a
 * dummy hash stands in for a missing one) and the same failure count per address; only the
 * right password reveals a ban. GoTrue checks the ban first, which tells a guesser the
 * account exists and is deactivated.
 */
async function passwordGrant(ctx: Ctx, deps: Deps): Promise<TokenResponse> {
  const rawEmail = str(ctx.body.email);
  const phone = str(ctx.body.phone);
  const password = str(ctx.body.password) ?? '';
  if (rawEmail && phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  if (phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (!rawEmail) throw badRequest('validation_failed', 'missing email or phone');
  const email = rawEmail.trim().toLowerCase();
  const failures = deps.limits.signInFailures;
  if (failures.over(email)) throw overRequestRateLimit();

  const user = await findUserByEmail(deps.pool, email);
  const ok = await passwordMatches(password, user?.encrypted_password ?? null);
  if (!ok) {
    failures.fail(email);
    await audit(deps.pool, 'login_failed', user ?? { id: NIL_INSTANCE, email }, ctx.ip, {
      provider: 'email',
      reason: 'invalid_credentials',
    });
    throw invalidCredentials();
  }
  if (!user) throw invalidCredentials(); // unreachable: no user means no hash to match
  if (isBanned(user)) {
    await audit(deps.pool, 'login_failed', user, ctx.ip, { provider: 'email', reason: 'user_banned' });
    throw badRequest('user_banned', 'User is banned');
  }
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
  const weak = passwordWeakness(password, deps.settings);

  const result = await withTransaction(deps.pool, async (c) => {
    const patch: Patch = { last_sign_in_at: { sql: 'now()' } };
    if (needsRehash(user.encrypted_password)) patch.encrypted_password = await hashPassword(password);
    const signedIn = await updateUser(c, user.id, patch);
    await c.query(
      `update auth.identities set last_sign_in_at = now(), updated_at = now() where user_id = $1 and provider = 'email'`,
      [user.id],
    );
    await audit(c, 'login', signedIn, ctx.ip, { provider: 'email' });
    return issueSession(c, deps, ctx, signedIn, 'password');
  });
  // GoTrue signs in with a password that no longer meets the policy, and says so.
  return weak ? { ...result, weak_password: { reasons: weak.reasons, message: weak.messages.join(' ') } } : result;
}

async function refreshGrant(ctx: Ctx, deps: Deps): Promise<TokenResponse> {
  const presented = str(ctx.body.refresh_token);
  if (!presented) throw new OAuthError(400, 'invalid_request', 'refresh_token required');

  // A reuse outside the interval revokes the family, and that revocation must be committed
  // even though the request fails: so the error is returned from the transaction, not thrown.
  const outcome = await withTransaction(deps.pool, async (c): Promise<TokenResponse | AuthError> => {
    const tok = await findRefreshTokenForUpdate(c, presented);
    const notFound = () => badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (!tok) throw notFound();
    const user = await findUserById(c, tok.user_id);
    if (!user) throw notFound();
    if (isBanned(user)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
    const session = tok.session_id ? await findSession(c, tok.session_id) : null;
    if (!session) throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
    if (session.not_after && session.not_after.getTime() < Date.now()) {
      throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
    }

    let issued: string | null = null;
    if (tok.revoked) {
      const active = await activeRefreshToken(c, session.id);
      if (active && active.parent === tok.token) {
        // The client lost the previous answer: hand back the token it should have stored.
        issued = active.token;
      } else if (
        // The reuse window exists for tabs refreshing the same token at once, so it only
        // covers rotated tokens; one revoked with its family (after abuse) stays dead.
        !(await wasRotated(c, tok.token)) ||
        Date.now() > tok.updated_at.getTime() + deps.settings.refreshTokenReuseInterval * 1000
      ) {
        await revokeTokenFamily(c, session.id);
        await audit(c, 'token_revoked', user, ctx.ip, { reason: 'refresh token reuse' });
        return badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
      }
    }
    if (!issued) {
      if (!tok.revoked) await revokeRefreshToken(c, tok.id);
      issued = (await insertRefreshToken(c, newRefreshToken(), user.id, session.id, tok.token)).token;
    }
    await touchSession(c, session.id, ctx.userAgent, ctx.ip);
    await audit(c, 'token_refreshed', user, ctx.ip);
    return tokenResponse(c, deps, user, session.id, issued);
  });
  if (outcome instanceof AuthError) throw outcome;
  return outcome;
}

export async function getUser(ctx: Ctx, deps: Deps): Promise<void> {
  const { user, claims } = await requireUser(ctx, deps);
  if (claims.aud !== undefined && claims.aud !== user.aud) {
    throw badRequest('validation_failed', "Token audience doesn't match request audience");
  }
  sendJson(ctx.res, 200, await loadUserJson(deps.pool, user));
}

/** Sessions opened by an e-mail link (recovery, invitation) may set a password without reauthenticating. */
const LINK_METHODS = new Set(['recovery', 'invite', 'magiclink', 'otp']);

/**
 * GoTrue's PUT /user. With `secure_password_change` a new password or e-mail address needs
 * proof beyond the access token: a reauthentication nonce (GET /reauthenticate mails one), or
 * the current password; a session opened by a recovery or invitation link within the code's
 * lifetime counts as proof for the password. A user with a verified MFA factor needs an aal2
 * session for either (401 insufficient_aal).
 */
export async function putUser(ctx: Ctx, deps: Deps): Promise<void> {
  deps.limits.otp.check(ctx.ip); // GoTrue's "User" limiter
  const { user: authed, session, claims } = await requireUser(ctx, deps);
  const b = ctx.body;
  if (b.app_metadata !== undefined && b.app_metadata !== null) {
    throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  }
  const password = str(b.password);
  const data = obj(b.data);
  const phone = str(b.phone);
  if (phone && phone !== (authed.phone ?? '')) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  const newEmail = b.email !== undefined && b.email !== null && b.email !== '' ? normaliseEmail(b.email) : undefined;
  const changesEmail = newEmail !== undefined && newEmail !== authed.email;
  const changesPassword = password !== undefined && password !== '';

  if ((changesPassword || changesEmail) && session?.aal !== 'aal2' && (await hasVerifiedFactor(deps.pool, authed.id))) {
    throw new AuthError(401, 'insufficient_aal', 'AAL2 session is required to update email or password when MFA is enabled.');
  }
  if (changesPassword) checkPasswordStrength(password, deps.settings);

  const outcome = await withTransaction(deps.pool, async (c): Promise<{ row: UserRow; mail: (() => void) | null } | AuthError> => {
    const user = (await findUserById(c, authed.id, true))!;
    if (deps.settings.securePasswordChange && (changesPassword || changesEmail)) {
      const amr = (claims.amr ?? []).map((a) => a.method);
      const fromLink =
        changesPassword &&
        !changesEmail &&
        amr.some((m) => LINK_METHODS.has(m)) &&
        !!session?.created_at &&
        Date.now() - session.created_at.getTime() < deps.settings.otpExpiry * 1000;
      if (!fromLink) {
        // A wrong nonce must stay counted (and a void one cleared) although the request fails.
        const refused = await requireReauthentication(c, deps, ctx, user, str(b.nonce), str(b.current_password));
        if (refused) return refused;
      }
    }
    const patch: Patch = {};
    if (changesPassword) {
      if (await passwordMatches(password, user.encrypted_password)) {
        throw unprocessable('same_password', 'New password should be different from the old password.');
      }
      patch.encrypted_password = await hashPassword(password);
      patch.recovery_token = '';
      patch.confirmation_token = '';
      patch.reauthentication_token = '';
    }
    if (data) patch.raw_user_meta_data = mergeMetadata(user.raw_user_meta_data, data);
    let mail: (() => void) | null = null;
    if (changesEmail) {
      const taken = await findUserByEmail(c, newEmail);
      if (taken && taken.id !== user.id) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      reserveMail(deps.limits.email);
      const otp = newOtp(deps.settings.otpLength);
      const hash = tokenHash(newEmail, otp);
      patch.email_change = newEmail;
      patch.email_change_token_new = hash;
      patch.email_change_sent_at = { sql: 'now()' };
      patch.email_change_confirm_status = 0;
      deps.limits.codeFailures.clear(`otp:${newEmail}`);
      const link = verifyLink(deps, hash, 'email_change', safeRedirect(deps, ctx.url.searchParams.get('redirect_to')));
      mail = () => deps.mailer.send('email_change', { to: newEmail, link, token: otp, newEmail });
    }
    const row = Object.keys(patch).length ? await updateUser(c, user.id, patch) : user;
    if (changesPassword) {
      // Changing the password signs out every other device, keeping the caller's session.
      await deleteSessions(c, user.id, session ? { except: session.id } : {});
      await audit(c, 'user_updated_password', row, ctx.ip);
    }
    await audit(c, 'user_modified', row, ctx.ip, changesEmail ? { email_change: 'requested', new_email: newEmail } : {});
    return { row, mail };
  });
  if (outcome instanceof AuthError) throw outcome;
  outcome.mail?.();
  sendJson(ctx.res, 200, await loadUserJson(deps.pool, outcome.row));
}

/**
 * The proof `secure_password_change` asks for: a valid reauthentication nonce (void after
 * `maxCodeAttempts` wrong ones) or the current password (wrong ones count as failed sign-ins).
 * Returns the refusal instead of throwing so the caller commits what it recorded.
 */
async function requireReauthentication(
  c: Queryable,
  deps: Deps,
  ctx: Ctx,
  user: UserRow,
  nonce: string | undefined,
  currentPassword: string | undefined,
): Promise<AuthError | null> {
  const email = user.email ?? '';
  if (nonce) {
    const key = `reauth:${user.id}`;
    const stored = await c.query<{ t: string | null; at: Date | null }>(
      'select reauthentication_token as t, reauthentication_sent_at as at from auth.users where id = $1',
      [user.id],
    );
    const { t, at } = stored.rows[0];
    const fresh = !!at && Date.now() - at.getTime() < deps.settings.otpExpiry * 1000;
    const valid = !!t && fresh && !deps.limits.codeFailures.over(key) && safeEqual(tokenHash(email, nonce), t);
    if (!valid) {
      if (deps.limits.codeFailures.fail(key) >= deps.settings.maxCodeAttempts) {
        await updateUser(c, user.id, { reauthentication_token: '', reauthentication_sent_at: null });
      }
      return unprocessable('reauthentication_not_valid', 'Nonce has expired or is invalid');
    }
    deps.limits.codeFailures.clear(key);
    await updateUser(c, user.id, { reauthentication_token: '', reauthentication_sent_at: null });
    return null;
  }
  if (currentPassword !== undefined && currentPassword !== '') {
    if (deps.limits.signInFailures.over(email)) return overRequestRateLimit();
    if (await passwordMatches(currentPassword, user.encrypted_password)) return null;
    deps.limits.signInFailures.fail(email);
    await audit(c, 'login_failed', user, ctx.ip, { provider: 'email', reason: 'current_password_mismatch' });
    return badRequest('current_password_mismatch', 'Current password required when setting new password.');
  }
  return badRequest('reauthentication_needed', 'Password update requires reauthentication');
}

/** GET /reauthenticate: mails a nonce for PUT /user (supabase.auth.reauthenticate()). */
export async function reauthenticate(ctx: Ctx, deps: Deps): Promise<void> {
  deps.limits.otp.check(ctx.ip);
  const { user } = await requireUser(ctx, deps);
  if (!user.email) {
    throw badRequest('validation_failed', 'Reauthentication requires the user to have an email or a phone number');
  }
  if (!user.email_confirmed_at) throw unprocessable('email_not_confirmed', 'Please verify your email first.');
  if (!deps.limits.mailFrequency.allow(`reauthentication:${user.email}`)) throw tooSoon(deps);
  reserveMail(deps.limits.email);
  const otp = newOtp(deps.settings.otpLength);
  await withTransaction(deps.pool, async (c) => {
    await updateUser(c, user.id, { reauthentication_token: tokenHash(user.email!, otp), reauthentication_sent_at: { sql: 'now()' } });
    await audit(c, 'user_reauthenticate_requested', user, ctx.ip);
  });
  deps.limits.codeFailures.clear(`reauth:${user.id}`);
  deps.mailer.send('reauthentication', { to: user.email, token: otp });
  sendJson(ctx.res, 200, {});
}

const LOGOUT_SCOPES = new Set(['global', 'local', 'others']);

export async function logout(ctx: Ctx, deps: Deps): Promise<void> {
  const { user, sessionId } = await requireUser(ctx, deps);
  const scope = ctx.url.searchParams.get('scope') || 'global';
  if (!LOGOUT_SCOPES.has(scope)) throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
  await withTransaction(deps.pool, async (c) => {
    if (!sessionId || scope === 'global') await deleteSessions(c, user.id);
    else if (scope === 'local') await deleteSessions(c, user.id, { only: sessionId });
    else await deleteSessions(c, user.id, { except: sessionId });
    await audit(c, 'logout', user, ctx.ip, { scope });
  });
  ctx.res.writeHead(204, { 'X-Supabase-Api-Version': '2024-01-01' });
  ctx.res.end();
}
