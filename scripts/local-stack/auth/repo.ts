// Users, identities, sessions and refresh tokens in the real `auth` schema, with the row
// conventions GoTrue relies on (nil instance_id, lower-case e-mail, '' in token columns).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AmrEntry } from './tokens.ts';

export const NIL_INSTANCE = '00000000-0000-0000-0000-000000000000';
export const AUDIENCE = 'authenticated';

export type Queryable = pg.Pool | pg.PoolClient;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_token: string | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change_token_new: string | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  phone_change: string | null;
  phone_change_sent_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  reauthentication_sent_at: Date | null;
  is_sso_user: boolean;
  deleted_at: Date | null;
  is_anonymous: boolean;
}

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  created_at: Date;
  updated_at: Date;
  parent: string | null;
  session_id: string | null;
}

export interface SessionRow {
  id: string;
  user_id: string;
  not_after: Date | null;
  created_at: Date | null;
  aal: 'aal1' | 'aal2' | 'aal3' | null;
  factor_id: string | null;
}

export async function withTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export const isBanned = (u: UserRow): boolean => u.banned_until !== null && u.banned_until.getTime() > Date.now();

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(
    `select * from auth.users
      where instance_id = $1 and lower(email) = lower($2) and aud = $3 and is_sso_user = false and deleted_at is null
      limit 1`,
    [NIL_INSTANCE, email, AUDIENCE],
  );
  return rows[0] ?? null;
}

export async function findUserById(q: Queryable, id: string, forUpdate = false): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(
    `select * from auth.users where id = $1 and instance_id = $2${forUpdate ? ' for update' : ''}`,
    [id, NIL_INSTANCE],
  );
  return rows[0] ?? null;
}

export async function findUserByTokenColumn(
  q: Queryable,
  column: 'recovery_token' | 'confirmation_token' | 'email_change_token_new',
  token: string,
): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(
    `select * from auth.users where instance_id = $1 and ${column} = $2 and deleted_at is null for update`,
    [NIL_INSTANCE, token],
  );
  return rows[0] ?? null;
}

export async function identitiesOf(q: Queryable, userId: string): Promise<IdentityRow[]> {
  const { rows } = await q.query<IdentityRow>(
    'select * from auth.identities where user_id = $1 order by created_at nulls first, id',
    [userId],
  );
  return rows;
}

const iso = (d: Date | null): string | undefined => (d ? d.toISOString() : undefined);

export interface FactorRow {
  id: string;
  user_id: string;
  friendly_name: string | null;
  factor_type: 'totp' | 'webauthn' | 'phone';
  status: 'unverified' | 'verified';
  created_at: Date;
  updated_at: Date;
  secret: string | null;
  phone: string | null;
  last_challenged_at: Date | null;
}

export async function factorsOf(q: Queryable, userId: string): Promise<FactorRow[]> {
  const { rows } = await q.query<FactorRow>('select * from auth.mfa_factors where user_id = $1 order by created_at, id', [
    userId,
  ]);
  return rows;
}

export async function hasVerifiedFactor(q: Queryable, userId: string): Promise<boolean> {
  const { rowCount } = await q.query(`select 1 from auth.mfa_factors where user_id = $1 and status = 'verified' limit 1`, [userId]);
  return (rowCount ?? 0) > 0;
}

/** A factor as GoTrue serialises it (in the user object's `factors`); the secret never leaves. */
export function factorJson(f: FactorRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: f.id,
    created_at: f.created_at.toISOString(),
    updated_at: f.updated_at.toISOString(),
    status: f.status,
    friendly_name: f.friendly_name || undefined,
    factor_type: f.factor_type,
    phone: f.phone ?? '',
    last_challenged_at: f.last_challenged_at ? f.last_challenged_at.toISOString() : null,
  };
  if (out.friendly_name === undefined) delete out.friendly_name;
  return out;
}

/** The JSON user object of GoTrue: NULL timestamps omitted, secrets never exposed. */
export function userJson(u: UserRow, identities: IdentityRow[], factors: FactorRow[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    email_confirmed_at: iso(u.email_confirmed_at),
    phone: u.phone ?? '',
    phone_confirmed_at: iso(u.phone_confirmed_at),
    invited_at: iso(u.invited_at),
    confirmation_sent_at: iso(u.confirmation_sent_at),
    confirmed_at: iso(u.confirmed_at),
    recovery_sent_at: iso(u.recovery_sent_at),
    new_email: u.email_change || undefined,
    email_change_sent_at: iso(u.email_change_sent_at),
    new_phone: u.phone_change || undefined,
    phone_change_sent_at: iso(u.phone_change_sent_at),
    reauthentication_sent_at: iso(u.reauthentication_sent_at),
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    // omitted when there are none, as GoTrue's `factors,omitempty`
    factors: factors.length ? factors.map(factorJson) : undefined,
    identities: identities.map((i) => ({
      identity_id: i.id,
      id: i.provider_id,
      user_id: i.user_id,
      identity_data: i.identity_data,
      provider: i.provider,
      last_sign_in_at: iso(i.last_sign_in_at),
      created_at: iso(i.created_at),
      updated_at: iso(i.updated_at),
      email: i.email ?? undefined,
    })),
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    banned_until: iso(u.banned_until),
    deleted_at: iso(u.deleted_at),
    is_anonymous: u.is_anonymous,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export async function loadUserJson(q: Queryable, u: UserRow): Promise<Record<string, unknown>> {
  return userJson(u, await identitiesOf(q, u.id), await factorsOf(q, u.id));
}

export interface NewUser {
  id?: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  role: string;
  emailConfirmed: boolean;
  phoneConfirmed: boolean;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  bannedUntil: Date | null;
  invited?: boolean;
}

export async function insertUser(q: Queryable, n: NewUser): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password,
        email_confirmed_at, phone_confirmed_at, invited_at, raw_app_meta_data, raw_user_meta_data, banned_until,
        created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change,
        email_change_token_current, phone_change, phone_change_token, reauthentication_token, is_super_admin)
     values ($1, $2, $3, $4, $5, $6, $7,
        case when $8 then now() end, case when $9 then now() end, case when $10 then now() end, $11, $12, $13,
        now(), now(), '', '', '', '', '', '', '', '', false)
     returning *`,
    [
      NIL_INSTANCE,
      n.id ?? randomUUID(),
      AUDIENCE,
      n.role,
      n.email,
      n.phone,
      n.passwordHash,
      n.emailConfirmed,
      n.phoneConfirmed,
      n.invited ?? false,
      n.appMetadata,
      n.userMetadata,
      n.bannedUntil,
    ],
  );
  const user = rows[0];
  // One identity per sign-in method, as GoTrue creates them; provider_id is the user id for email/phone.
  if (user.email) {
    await q.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1::text, $1::uuid, $2, 'email', now(), now())`,
      [user.id, { sub: user.id, email: user.email, email_verified: n.emailConfirmed, phone_verified: false }],
    );
  }
  if (user.phone) {
    await q.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1::text, $1::uuid, $2, 'phone', now(), now())`,
      [user.id, { sub: user.id, phone: user.phone, email_verified: false, phone_verified: n.phoneConfirmed }],
    );
  }
  return user;
}

/** Column updates; values that are SQL expressions are passed as { sql }. */
export type Patch = Record<string, unknown | { sql: string }>;

const UPDATABLE = new Set([
  'email', 'phone', 'role', 'encrypted_password', 'email_confirmed_at', 'phone_confirmed_at', 'invited_at',
  'confirmation_token', 'confirmation_sent_at', 'recovery_token', 'recovery_sent_at', 'email_change_token_new',
  'email_change_token_current', 'email_change', 'email_change_sent_at', 'email_change_confirm_status',
  'reauthentication_token', 'reauthentication_sent_at', 'last_sign_in_at', 'raw_app_meta_data',
  'raw_user_meta_data', 'banned_until', 'deleted_at', 'phone_change', 'phone_change_token',
]);

export async function updateUser(q: Queryable, id: string, patch: Patch): Promise<UserRow> {
  const sets: string[] = ['updated_at = now()'];
  const values: unknown[] = [id];
  for (const [col, v] of Object.entries(patch)) {
    if (!UPDATABLE.has(col)) throw new Error(`auth.users.${col} is not updatable here`);
    if (v && typeof v === 'object' && 'sql' in v && typeof (v as { sql: unknown }).sql === 'string') {
      sets.push(`${col} = ${(v as { sql: string }).sql}`);
    } else {
      values.push(v);
      sets.push(`${col} = $${values.length}`);
    }
  }
  const { rows } = await q.query<UserRow>(`update auth.users set ${sets.join(', ')} where id = $1 returning *`, values);
  return rows[0];
}

/** Keeps the email identity in step with the user's e-mail (GoTrue does the same on change). */
export async function syncEmailIdentity(q: Queryable, user: UserRow): Promise<void> {
  if (!user.email) return;
  const { rowCount } = await q.query(
    `update auth.identities
        set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean),
            updated_at = now()
      where user_id = $1 and provider = 'email'`,
    [user.id, user.email, user.email_confirmed_at !== null],
  );
  if (!rowCount) {
    await q.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1::text, $1::uuid, $2, 'email', now(), now())`,
      [user.id, { sub: user.id, email: user.email, email_verified: user.email_confirmed_at !== null, phone_verified: false }],
    );
  }
}

/** JSON merge as GoTrue does for metadata: top-level keys replaced, null deletes a key. */
export function mergeMetadata(
  current: Record<string, unknown> | null,
  update: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(update)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

// --- sessions and refresh tokens -------------------------------------------------------

export async function createSession(
  q: Queryable,
  userId: string,
  method: string,
  userAgent: string | null,
  ip: string | null,
): Promise<string> {
  const id = randomUUID();
  await q.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4)`,
    [id, userId, userAgent, ip],
  );
  await q.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), $3)
     on conflict (session_id, authentication_method) do update set updated_at = now()`,
    [randomUUID(), id, method],
  );
  return id;
}

export async function findSession(q: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await q.query<SessionRow>(
    'select id, user_id, not_after, created_at, aal, factor_id from auth.sessions where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function touchSession(q: Queryable, id: string, userAgent: string | null, ip: string | null): Promise<void> {
  await q.query(
    `update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now(),
        user_agent = coalesce($2, user_agent), ip = coalesce($3::inet, ip)
      where id = $1`,
    [id, userAgent, ip],
  );
}

/** amr claim: one entry per method recorded on the session, newest first. */
export async function amrOf(q: Queryable, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await q.query<{ authentication_method: string; updated_at: Date }>(
    'select authentication_method, updated_at from auth.mfa_amr_claims where session_id = $1 order by updated_at desc',
    [sessionId],
  );
  return rows.map((r) => ({ method: r.authentication_method, timestamp: Math.floor(r.updated_at.getTime() / 1000) }));
}

export async function insertRefreshToken(
  q: Queryable,
  token: string,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<RefreshTokenRow> {
  const { rows } = await q.query<RefreshTokenRow>(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, $3, false, now(), now(), $4, $5) returning *`,
    [NIL_INSTANCE, token, userId, parent, sessionId],
  );
  return rows[0];
}

export async function findRefreshTokenForUpdate(q: Queryable, token: string): Promise<RefreshTokenRow | null> {
  const { rows } = await q.query<RefreshTokenRow>(
    'select * from auth.refresh_tokens where instance_id = $1 and token = $2 for update',
    [NIL_INSTANCE, token],
  );
  return rows[0] ?? null;
}

export async function activeRefreshToken(q: Queryable, sessionId: string): Promise<RefreshTokenRow | null> {
  const { rows } = await q.query<RefreshTokenRow>(
    'select * from auth.refresh_tokens where session_id = $1 and revoked is false order by id desc limit 1',
    [sessionId],
  );
  return rows[0] ?? null;
}

/** Whether the token was rotated (has a successor), as opposed to revoked with its family. */
export async function wasRotated(q: Queryable, token: string): Promise<boolean> {
  const { rowCount } = await q.query('select 1 from auth.refresh_tokens where parent = $1 limit 1', [token]);
  return (rowCount ?? 0) > 0;
}

export async function revokeRefreshToken(q: Queryable, id: string): Promise<void> {
  await q.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [id]);
}

export async function revokeTokenFamily(q: Queryable, sessionId: string): Promise<void> {
  await q.query(
    'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked is false',
    [sessionId],
  );
}

/** Deletes sessions (and by cascade their refresh tokens): all, one, or all but one. */
export async function deleteSessions(
  q: Queryable,
  userId: string,
  opts: { only?: string; except?: string } = {},
): Promise<void> {
  if (opts.only) {
    await q.query('delete from auth.sessions where user_id = $1 and id = $2', [userId, opts.only]);
  } else if (opts.except) {
    await q.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, opts.except]);
  } else {
    await q.query('delete from auth.sessions where user_id = $1', [userId]);
  }
}

/** GoTrue's audit actions and their log types (models/audit_log_entry.go), plus `login_failed`. */
const LOG_TYPES: Record<string, string> = {
  login: 'account',
  login_failed: 'account',
  logout: 'account',
  invite_accepted: 'account',
  user_signedup: 'team',
  user_invited: 'team',
  user_deleted: 'team',
  token_revoked: 'token',
  token_refreshed: 'token',
  user_modified: 'user',
  user_recovery_requested: 'user',
  user_reauthenticate_requested: 'user',
  user_confirmation_requested: 'user',
  user_updated_password: 'user',
  factor_in_progress: 'factor',
  factor_unenrolled: 'factor',
  challenge_created: 'factor',
  verification_attempted: 'factor',
  factor_deleted: 'factor',
};

/**
 * Audit trail in auth.audit_log_entries, shaped like GoTrue's payload
 * ({action, actor_id, actor_username, actor_via_sso, log_type, traits}) with the client
 * address resolved from trusted proxies only.
 */
export async function audit(
  q: Queryable,
  action: string,
  actor: { id: string; email?: string | null } | null,
  ip: string | null,
  traits: Record<string, unknown> = {},
): Promise<void> {
  await q.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     values ($1, $2, $3, now(), $4)`,
    [
      NIL_INSTANCE,
      randomUUID(),
      JSON.stringify({
        action,
        actor_id: actor?.id ?? NIL_INSTANCE,
        actor_username: actor?.email ?? '',
        actor_via_sso: false,
        log_type: LOG_TYPES[action] ?? 'user',
        traits,
      }),
      (ip ?? '').slice(0, 64),
    ],
  );
}
