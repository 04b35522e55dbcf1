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
  normaliseEmail,
  obj,
  passwordMatches,
  REFRESH_REUSE_INTERVAL_S,
  requireUser,
  str,
  tokenResponse,
  verifyLink,
  safeRedirect,
  type Ctx,
  type Deps,
  type TokenResponse,
} from './context.ts';
import {
  activeRefreshToken,
  audit,
  deleteSessions,
  findRefreshTokenForUpdate,
  findSession,
  findUserByEmail,
  findUserById,
  insertRefreshToken,
  isBanned,
  loadUserJson,
  mergeMetadata,
  revokeRefreshToken,
  revokeTokenFamily,
  touchSession,
  updateUser,
  wasRotated,
  withTransaction,
  type Patch,
} from './repo.ts';
import { newOtp, newRefreshToken, tokenHash } from './tokens.ts';

export async function token(ctx: Ctx, deps: Deps): Promise<void> {
  const grant = ctx.url.searchParams.get('grant_type') ?? str(ctx.body.grant_type);
  let result: TokenResponse;
  if (grant === 'password') result = await passwordGrant(ctx, deps);
  else if (grant === 'refresh_token') result = await refreshGrant(ctx, deps);
  else throw badRequest('invalid_credentials', 'unsupported_grant_type');
  sendJson(ctx.res, 200, result, {
    'sb-auth-user-id': String(result.user.id),
  });
}

async function passwordGrant(ctx: Ctx, deps: Deps): Promise<TokenResponse> {
  const email = str(ctx.body.email);
  const phone = str(ctx.body.phone);
  const password = str(ctx.body.password) ?? '';
  if (email && phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  if (phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (!email) throw badRequest('validation_failed', 'missing email or phone');

  const user = await findUserByEmail(deps.pool, email);
  // Order matters (GoTrue): unknown/no password → banned → wrong password → unconfirmed.
  if (!user || !user.encrypted_password) throw invalidCredentials();
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  if (!(await passwordMatches(password, user.encrypted_password))) throw invalidCredentials();
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');

  return withTransaction(deps.pool, async (c) => {
    const signedIn = await updateUser(c, user.id, { last_sign_in_at: { sql: 'now()' } });
    await c.query(
      `update auth.identities set last_sign_in_at = now(), updated_at = now() where user_id = $1 and provider = 'email'`,
      [user.id],
    );
    await audit(c, 'login', signedIn, ctx.ip, { provider: 'email' });
    return issueSession(c, deps, ctx, signedIn, 'password');
  });
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
        Date.now() > tok.updated_at.getTime() + REFRESH_REUSE_INTERVAL_S * 1000
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

export async function putUser(ctx: Ctx, deps: Deps): Promise<void> {
  const { user: authed, sessionId } = await requireUser(ctx, deps);
  const b = ctx.body;
  if (b.app_metadata !== undefined && b.app_metadata !== null) {
    throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  }
  const password = str(b.password);
  const data = obj(b.data);
  const phone = str(b.phone);
  if (phone && phone !== (authed.phone ?? '')) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  const newEmail = b.email !== undefined && b.email !== null && b.email !== '' ? normaliseEmail(b.email) : undefined;

  const updated = await withTransaction(deps.pool, async (c) => {
    const user = (await findUserById(c, authed.id, true))!;
    const patch: Patch = {};
    let passwordChanged = false;
    if (password !== undefined) {
      checkPasswordStrength(password);
      if (await passwordMatches(password, user.encrypted_password)) {
        throw unprocessable('same_password', 'New password should be different from the old password.');
      }
      const current = str(b.current_password);
      if (current !== undefined && !(await passwordMatches(current, user.encrypted_password))) {
        throw badRequest('current_password_mismatch', 'Current password required when setting new password.');
      }
      patch.encrypted_password = await hashPassword(password);
      patch.recovery_token = '';
      patch.confirmation_token = '';
      patch.reauthentication_token = '';
      passwordChanged = true;
    }
    if (data) patch.raw_user_meta_data = mergeMetadata(user.raw_user_meta_data, data);
    let mail: { otp: string; hash: string; email: string } | null = null;
    if (newEmail && newEmail !== user.email) {
      const taken = await findUserByEmail(c, newEmail);
      if (taken && taken.id !== user.id) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      const otp = newOtp();
      mail = { otp, hash: tokenHash(newEmail, otp), email: newEmail };
      patch.email_change = newEmail;
      patch.email_change_token_new = mail.hash;
      patch.email_change_sent_at = { sql: 'now()' };
      patch.email_change_confirm_status = 0;
    }
    const row = Object.keys(patch).length ? await updateUser(c, user.id, patch) : user;
    if (passwordChanged) {
      // Changing the password signs out every other device, keeping the caller's session.
      await deleteSessions(c, user.id, sessionId ? { except: sessionId } : {});
      await audit(c, 'user_updated_password', row, ctx.ip);
    }
    await audit(c, 'user_modified', row, ctx.ip);
    if (mail) {
      const redirect = safeRedirect(deps, ctx.url.searchParams.get('redirect_to'));
      deps.log.info(
        `e-mail change for ${user.email} → ${mail.email}: ${verifyLink(deps, mail.hash, 'email_change', redirect)} (code ${mail.otp})`,
      );
    }
    return row;
  });
  sendJson(ctx.res, 200, await loadUserJson(deps.pool, updated));
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
