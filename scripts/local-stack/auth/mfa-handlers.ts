// TOTP multi-factor authentication with GoTrue's API (internal/api/mfa.go), so that
// supabase.auth.mfa.* works unchanged: POST /factors (enroll), POST /factors/{id}/challenge,
// POST /factors/{id}/verify (→ an aal2 session), DELETE /factors/{id} (unenroll). Factors and
// challenges live in auth.mfa_factors / auth.mfa_challenges with GoTrue's columns.
// Guessing is bounded three ways: challenges and verifications per client address and per
// factor (GoTrue's 15 a minute), a challenge dies after `maxCodeAttempts` wrong codes, and a
// code that was accepted once is not accepted again (no replay within its 90-second window).
import { randomUUID } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import { AuthError, badRequest, forbidden, notFound, sendJson, unprocessable } from './errors.ts';
import { isUuid, requireUser, str, tokenResponse, type Authed, type Ctx, type Deps } from './context.ts';
import { audit, factorsOf, withTransaction, type FactorRow, type Queryable } from './repo.ts';
import { overRequestRateLimit } from './limits.ts';
import { newRefreshToken } from './tokens.ts';

/** GoTrue's MFA defaults (conf: challenge_expiry_duration, factor_expiry_duration, max_verified_factors). */
const CHALLENGE_EXPIRY_S = 300;
const UNVERIFIED_FACTOR_EXPIRY_S = 300;
const MAX_VERIFIED_FACTORS = 10;
const TOTP_PERIOD_S = 30;

/** The last time step accepted per factor: a code is good once. */
const lastAcceptedStep = new Map<string, number>();

/**
 * The QR code of the otpauth URI as SVG text, which auth-js turns into
 * `data:image/svg+xml;utf-8,<svg…>`. Colours are named, not `#rrggbb`: a `#` would end that
 * data URI (GoTrue's SVG uses names too).
 */
async function qrSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'H', margin: 2 });
  return svg.replace(/#ffffff(ff)?/gi, 'white').replace(/#000000(ff)?/gi, 'black').trim();
}

/** Per client address and per factor: many addresses together cannot out-guess one factor. */
function limitMfa(deps: Deps, ctx: Ctx, factorId: string): void {
  const byAddress = deps.limits.mfa.take(ctx.ip ?? 'unknown');
  const byFactor = deps.limits.mfaFactor.take(factorId);
  if (!byAddress || !byFactor) throw overRequestRateLimit();
}

async function session(ctx: Ctx, deps: Deps): Promise<Authed & { session: NonNullable<Authed['session']> }> {
  const authed = await requireUser(ctx, deps);
  if (!authed.session) {
    throw new AuthError(500, 'unexpected_failure', 'A valid session and a registered user are required to enroll a factor');
  }
  return authed as Authed & { session: NonNullable<Authed['session']> };
}

async function ownedFactor(q: Queryable, userId: string, factorId: string): Promise<FactorRow> {
  if (!isUuid(factorId)) throw notFound('validation_failed', 'factor_id must be an UUID');
  const { rows } = await q.query<FactorRow>('select * from auth.mfa_factors where id = $1 and user_id = $2', [factorId, userId]);
  if (!rows[0]) throw notFound('mfa_factor_not_found', 'Factor not found');
  return rows[0];
}

export async function enroll(ctx: Ctx, deps: Deps): Promise<void> {
  const { user, session: s } = await session(ctx, deps);
  const factorType = str(ctx.body.factor_type);
  if (factorType === 'phone') throw unprocessable('mfa_phone_enroll_not_enabled', 'MFA enroll is disabled for Phone');
  if (factorType === 'webauthn') throw unprocessable('mfa_webauthn_enroll_not_enabled', 'MFA enroll is disabled for WebAuthn');
  if (factorType !== 'totp') throw badRequest('validation_failed', 'factor_type needs to be totp, phone, or webauthn');
  if (!deps.settings.mfa.totpEnroll) throw unprocessable('mfa_totp_enroll_not_enabled', 'MFA enroll is disabled for TOTP');
  const friendlyName = str(ctx.body.friendly_name) ?? '';
  const issuer = str(ctx.body.issuer) || new URL(deps.siteUrl).host;

  const secret = generateSecret();
  const uri = generateURI({ issuer, label: user.email ?? user.id, secret, period: TOTP_PERIOD_S, digits: 6, algorithm: 'sha1' });
  const qr = await qrSvg(uri);
  const id = randomUUID();
  await withTransaction(deps.pool, async (c) => {
    await c.query(
      `delete from auth.mfa_factors f where f.user_id = $1 and f.status <> 'verified'
          and not exists (select from auth.mfa_challenges ch where ch.factor_id = f.id)
          and f.created_at + make_interval(secs => $2) < now()`,
      [user.id, UNVERIFIED_FACTOR_EXPIRY_S],
    );
    const factors = await factorsOf(c, user.id);
    if (friendlyName && factors.some((f) => f.friendly_name === friendlyName)) {
      throw unprocessable('mfa_factor_name_conflict', `A factor with the friendly name "${friendlyName}" for this user already exists`);
    }
    const verified = factors.filter((f) => f.status === 'verified').length;
    if (factors.length >= deps.settings.mfa.maxEnrolledFactors || verified >= MAX_VERIFIED_FACTORS) {
      throw unprocessable('too_many_enrolled_mfa_factors', 'Maximum number of verified factors reached, unenroll to continue');
    }
    if (verified > 0 && s.aal !== 'aal2') throw forbidden('insufficient_aal', 'AAL2 required to enroll a new factor');
    await c.query(
      `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
       values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4)`,
      [id, user.id, friendlyName, secret],
    );
    await audit(c, 'factor_in_progress', user, ctx.ip, { factor_id: id });
  });
  sendJson(ctx.res, 200, { id, type: 'totp', friendly_name: friendlyName, totp: { qr_code: qr, secret, uri } });
}

export async function challenge(ctx: Ctx, deps: Deps, factorId: string): Promise<void> {
  limitMfa(deps, ctx, factorId);
  const { user } = await session(ctx, deps);
  const factor = await ownedFactor(deps.pool, user.id, factorId);
  if (factor.factor_type !== 'totp') throw unprocessable('mfa_verify_not_enabled', 'MFA verification is disabled for this factor type');
  if (!deps.settings.mfa.totpVerify) throw unprocessable('mfa_totp_verify_not_enabled', 'MFA verification is disabled for TOTP');
  const id = randomUUID();
  const createdAt = await withTransaction(deps.pool, async (c) => {
    const { rows } = await c.query<{ created_at: Date }>(
      `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address)
       values ($1, $2, now(), coalesce($3::inet, '0.0.0.0')) returning created_at`,
      [id, factor.id, ctx.ip],
    );
    await c.query('update auth.mfa_factors set last_challenged_at = clock_timestamp(), updated_at = now() where id = $1', [factor.id]);
    await audit(c, 'challenge_created', user, ctx.ip, { factor_id: factor.id, factor_status: factor.status });
    return rows[0].created_at;
  });
  sendJson(ctx.res, 200, { id, type: 'totp', expires_at: Math.floor(createdAt.getTime() / 1000) + CHALLENGE_EXPIRY_S });
}

interface ChallengeRow {
  id: string;
  factor_id: string;
  created_at: Date;
  verified_at: Date | null;
  ip_address: string;
}

export async function verify(ctx: Ctx, deps: Deps, factorId: string): Promise<void> {
  limitMfa(deps, ctx, factorId);
  const { user, session: s } = await session(ctx, deps);
  const factor = await ownedFactor(deps.pool, user.id, factorId);
  if (!deps.settings.mfa.totpVerify) throw unprocessable('mfa_totp_verify_not_enabled', 'MFA verification is disabled for TOTP');
  const challengeId = str(ctx.body.challenge_id) ?? '';
  const code = str(ctx.body.code) ?? '';
  const notFoundChallenge = () => unprocessable('mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
  if (!isUuid(challengeId)) throw notFoundChallenge();
  const { rows } = await deps.pool.query<ChallengeRow>(
    'select id, factor_id, created_at, verified_at, host(ip_address) as ip_address from auth.mfa_challenges where id = $1 and factor_id = $2',
    [challengeId, factor.id],
  );
  const ch = rows[0];
  if (!ch) throw notFoundChallenge();
  if (ch.verified_at || ch.ip_address !== (ctx.ip ?? '0.0.0.0')) {
    throw unprocessable('mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
  }
  const attemptKey = `mfa:${ch.id}`;
  if (Date.now() - ch.created_at.getTime() > CHALLENGE_EXPIRY_S * 1000 || deps.limits.codeFailures.over(attemptKey)) {
    await deps.pool.query('delete from auth.mfa_challenges where id = $1', [ch.id]);
    throw unprocessable('mfa_challenge_expired', `MFA challenge ${ch.id} has expired, verify against another challenge or create a new challenge.`);
  }

  const result = /^\d{6}$/.test(code)
    ? await verifyTotp({
        secret: factor.secret ?? '',
        token: code,
        epochTolerance: TOTP_PERIOD_S, // GoTrue: Skew 1, one period either side
        afterTimeStep: lastAcceptedStep.get(factor.id),
      }).catch(() => ({ valid: false as const }))
    : { valid: false as const };
  if (!result.valid) {
    const failures = deps.limits.codeFailures.fail(attemptKey);
    await withTransaction(deps.pool, async (c) => {
      // The challenge dies with its last allowed wrong code.
      if (failures >= deps.settings.maxCodeAttempts) await c.query('delete from auth.mfa_challenges where id = $1', [ch.id]);
      await audit(c, 'verification_attempted', user, ctx.ip, {
        factor_id: factor.id,
        challenge_id: ch.id,
        factor_type: factor.factor_type,
        error: 'mfa_verification_failed',
      });
    });
    throw unprocessable('mfa_verification_failed', 'Invalid TOTP code entered');
  }
  if ('timeStep' in result) lastAcceptedStep.set(factor.id, result.timeStep);
  deps.limits.codeFailures.clear(attemptKey);

  const token = await withTransaction(deps.pool, async (c) => {
    await audit(c, 'verification_attempted', user, ctx.ip, { factor_id: factor.id, challenge_id: ch.id, factor_type: factor.factor_type });
    await c.query('update auth.mfa_challenges set verified_at = now() where id = $1', [ch.id]);
    if (factor.status !== 'verified') {
      await c.query(`update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1`, [factor.id]);
    }
    // The session becomes aal2 through this factor, with `totp` in its amr claims, and gets
    // a new refresh token (the previous ones of the session are revoked).
    await c.query(`update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1`, [s.id, factor.id]);
    await c.query(
      `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
       values ($1, $2, now(), now(), 'totp')
       on conflict (session_id, authentication_method) do update set updated_at = now()`,
      [randomUUID(), s.id],
    );
    const { rows: active } = await c.query<{ token: string }>(
      `update auth.refresh_tokens set revoked = true, updated_at = now()
        where session_id = $1 and revoked is false returning token`,
      [s.id],
    );
    const refresh = newRefreshToken();
    await c.query(
      `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
       values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
      [refresh, user.id, active.at(-1)?.token ?? null, s.id],
    );
    // GoTrue: every other session of the user below aal2 ends; unverified factors go.
    await c.query(`delete from auth.sessions where user_id = $1 and id <> $2 and (aal is null or aal < 'aal2')`, [user.id, s.id]);
    await c.query(`delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = $2`, [
      user.id,
      factor.factor_type,
    ]);
    const fresh = await c.query('select * from auth.users where id = $1', [user.id]);
    return tokenResponse(c, deps, fresh.rows[0], s.id, refresh);
  });
  sendJson(ctx.res, 200, token);
}

export async function unenroll(ctx: Ctx, deps: Deps, factorId: string): Promise<void> {
  const { user, session: s } = await session(ctx, deps);
  const factor = await ownedFactor(deps.pool, user.id, factorId);
  if (factor.status === 'verified' && s.aal !== 'aal2') {
    throw unprocessable('insufficient_aal', 'AAL2 required to unenroll verified factor');
  }
  await withTransaction(deps.pool, async (c) => {
    await c.query('delete from auth.mfa_factors where id = $1', [factor.id]);
    await audit(c, 'factor_unenrolled', user, ctx.ip, { factor_id: factor.id, factor_status: factor.status, session_id: s.id });
    // Sessions raised by this factor fall back to aal1 and lose its amr entry.
    await c.query(
      `delete from auth.mfa_amr_claims where authentication_method = 'totp'
          and session_id in (select id from auth.sessions where factor_id = $1)`,
      [factor.id],
    );
    await c.query(`update auth.sessions set aal = 'aal1', factor_id = null, updated_at = now() where factor_id = $1`, [factor.id]);
  });
  lastAcceptedStep.delete(factor.id);
  sendJson(ctx.res, 200, { id: factor.id });
}
