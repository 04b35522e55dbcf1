// Service-role endpoints: /admin/users… (auth.admin.* in supabase-js) and /invite.
import { randomBytes } from 'node:crypto';
import { badRequest, notFound, sendJson, unprocessable } from './errors.ts';
import {
  checkPasswordStrength,
  hashPassword,
  isUuid,
  normaliseEmail,
  obj,
  requireAdmin,
  safeRedirect,
  str,
  verifyLink,
  type Ctx,
  type Deps,
} from './context.ts';
import {
  audit,
  deleteSessions,
  findUserByEmail,
  findUserById,
  identitiesOf,
  insertUser,
  loadUserJson,
  mergeMetadata,
  NIL_INSTANCE,
  syncEmailIdentity,
  updateUser,
  userJson,
  withTransaction,
  type Patch,
  type Queryable,
  type UserRow,
} from './repo.ts';
import { reserveMail } from './mailer.ts';
import { newOtp, parseGoDuration, tokenHash } from './tokens.ts';

const emailExists = () => unprocessable('email_exists', 'A user with this email address has already been registered');
const phoneExists = () => unprocessable('phone_exists', 'A user with this phone number has already been registered');

/** ban_duration: a Go duration from now, or "none" to lift the ban. */
function banUntil(raw: unknown): Date | null | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (raw === 'none') return null;
  const ms = typeof raw === 'string' ? parseGoDuration(raw) : null;
  if (ms === null) throw badRequest('validation_failed', `invalid format for ban duration: time: invalid duration "${String(raw)}"`);
  return new Date(Date.now() + ms);
}

async function passwordHashFrom(b: Record<string, unknown>, deps: Deps): Promise<string | undefined> {
  const given = str(b.password_hash);
  if (given) {
    if (!/^\$2[abxy]\$\d\d\$/.test(given)) throw badRequest('validation_failed', 'Invalid password hash format');
    return given;
  }
  const password = str(b.password);
  if (password === undefined) return undefined;
  checkPasswordStrength(password, deps.settings);
  return hashPassword(password);
}

async function phoneTaken(q: Queryable, phone: string, exceptId?: string): Promise<boolean> {
  const { rowCount } = await q.query('select 1 from auth.users where phone = $1 and id is distinct from $2', [
    phone,
    exceptId ?? null,
  ]);
  return (rowCount ?? 0) > 0;
}

async function userParam(q: Queryable, id: string, lock = false): Promise<UserRow> {
  if (!isUuid(id)) throw notFound('user_not_found', 'User not found');
  const user = await findUserById(q, id, lock);
  if (!user) throw notFound('user_not_found', 'User not found');
  return user;
}

export async function createUser(ctx: Ctx, deps: Deps): Promise<void> {
  const admin = await requireAdmin(ctx, deps);
  const b = ctx.body;
  const rawEmail = str(b.email);
  const phone = str(b.phone) || null;
  if (!rawEmail && !phone) throw badRequest('validation_failed', 'Cannot create a user without either an email or phone');
  const email = rawEmail ? normaliseEmail(rawEmail) : null;
  const id = str(b.id);
  if (id !== undefined && !isUuid(id)) throw badRequest('validation_failed', 'id must be a UUID');
  // Without a password the account cannot sign in until one is set (invite/recovery), as in GoTrue.
  const passwordHash = (await passwordHashFrom(b, deps)) ?? (await hashPassword(randomBytes(24).toString('base64url')));
  const emailConfirm = b.email_confirm === true;
  const providers = [email ? 'email' : null, phone ? 'phone' : null].filter((p): p is string => p !== null);
  const userMetadata = { ...(obj(b.user_metadata) ?? {}) };
  if (emailConfirm) userMetadata.email_verified = true;
  const bannedUntil = banUntil(b.ban_duration) ?? null;

  const user = await withTransaction(deps.pool, async (c) => {
    if (email && (await findUserByEmail(c, email))) throw emailExists();
    if (phone && (await phoneTaken(c, phone))) throw phoneExists();
    if (id && (await findUserById(c, id))) throw unprocessable('user_already_exists', 'User already registered');
    const row = await insertUser(c, {
      id,
      email,
      phone,
      passwordHash,
      role: str(b.role) || 'authenticated',
      emailConfirmed: emailConfirm,
      phoneConfirmed: b.phone_confirm === true,
      appMetadata: { provider: providers[0], providers, ...(obj(b.app_metadata) ?? {}) },
      userMetadata,
      bannedUntil,
    });
    await audit(c, 'user_signedup', { id: String(admin.sub ?? NIL_INSTANCE), email: null }, ctx.ip, {
      user_id: row.id,
      user_email: row.email,
      provider: providers[0],
    });
    return row;
  });
  sendJson(ctx.res, 200, await loadUserJson(deps.pool, user));
}

export async function listUsers(ctx: Ctx, deps: Deps): Promise<void> {
  await requireAdmin(ctx, deps);
  const p = ctx.url.searchParams;
  const page = Math.max(1, Number.parseInt(p.get('page') || '1', 10) || 1);
  const perPage = Math.min(1000, Math.max(1, Number.parseInt(p.get('per_page') || '50', 10) || 50));
  const filter = p.get('filter') ?? '';
  const where = `instance_id = $1 and aud = 'authenticated' and ($2 = '' or email ilike '%' || $2 || '%')`;
  const total = Number(
    (await deps.pool.query<{ n: string }>(`select count(*) as n from auth.users where ${where}`, [NIL_INSTANCE, filter]))
      .rows[0].n,
  );
  const { rows } = await deps.pool.query<UserRow>(
    `select * from auth.users where ${where} order by created_at desc nulls last, id limit $3 offset $4`,
    [NIL_INSTANCE, filter, perPage, (page - 1) * perPage],
  );
  const identities = rows.length
    ? (await deps.pool.query('select * from auth.identities where user_id = any($1::uuid[])', [rows.map((r) => r.id)])).rows
    : [];
  const users = rows.map((u) => userJson(u, identities.filter((i) => i.user_id === u.id)));
  // Link header in GoTrue's form; supabase-js reads nextPage/lastPage from it.
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const links: string[] = [];
  if (page < lastPage) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
  sendJson(ctx.res, 200, { users, aud: 'authenticated' }, { 'X-Total-Count': String(total), Link: links.join(', ') });
}

export async function getUserById(ctx: Ctx, deps: Deps, id: string): Promise<void> {
  await requireAdmin(ctx, deps);
  const user = await userParam(deps.pool, id);
  sendJson(ctx.res, 200, await loadUserJson(deps.pool, user));
}

export async function updateUserById(ctx: Ctx, deps: Deps, id: string): Promise<void> {
  const admin = await requireAdmin(ctx, deps);
  const b = ctx.body;
  const passwordHash = await passwordHashFrom(b, deps);
  const bannedUntil = banUntil(b.ban_duration);
  const email = b.email !== undefined && b.email !== null && b.email !== '' ? normaliseEmail(b.email) : undefined;
  const phone = str(b.phone);

  const updated = await withTransaction(deps.pool, async (c) => {
    const user = await userParam(c, id, true);
    const patch: Patch = {};
    if (str(b.role)) patch.role = b.role;
    if (email !== undefined && email !== user.email) {
      const taken = await findUserByEmail(c, email);
      if (taken && taken.id !== user.id) throw emailExists();
      patch.email = email;
      patch.email_change = '';
      patch.email_change_token_new = '';
    }
    if (phone !== undefined && phone !== (user.phone ?? '')) {
      if (phone && (await phoneTaken(c, phone, user.id))) throw phoneExists();
      patch.phone = phone || null;
    }
    if (b.email_confirm === true) patch.email_confirmed_at = { sql: 'coalesce(email_confirmed_at, now())' };
    if (b.phone_confirm === true) patch.phone_confirmed_at = { sql: 'coalesce(phone_confirmed_at, now())' };
    if (passwordHash !== undefined) patch.encrypted_password = passwordHash;
    const userMeta = obj(b.user_metadata);
    if (userMeta) patch.raw_user_meta_data = mergeMetadata(user.raw_user_meta_data, userMeta);
    const appMeta = obj(b.app_metadata);
    if (appMeta) patch.raw_app_meta_data = mergeMetadata(user.raw_app_meta_data, appMeta);
    if (bannedUntil !== undefined) patch.banned_until = bannedUntil;

    const row = Object.keys(patch).length ? await updateUser(c, user.id, patch) : user;
    if (patch.email !== undefined || patch.email_confirmed_at !== undefined) await syncEmailIdentity(c, row);
    // A new password set by an admin signs the user out everywhere.
    if (passwordHash !== undefined) await deleteSessions(c, user.id);
    await audit(c, 'user_modified', { id: String(admin.sub ?? NIL_INSTANCE), email: null }, ctx.ip, {
      user_id: row.id,
      user_email: row.email,
    });
    return row;
  });
  sendJson(ctx.res, 200, await loadUserJson(deps.pool, updated));
}

export async function deleteUserById(ctx: Ctx, deps: Deps, id: string): Promise<void> {
  const admin = await requireAdmin(ctx, deps);
  const soft = ctx.body.should_soft_delete === true;
  await withTransaction(deps.pool, async (c) => {
    const user = await userParam(c, id, true);
    if (soft) {
      // Soft delete keeps the row (for foreign keys) but frees the address and blocks sign-in.
      await deleteSessions(c, user.id);
      await c.query('delete from auth.identities where user_id = $1', [user.id]);
      await updateUser(c, user.id, {
        email: null,
        phone: null,
        encrypted_password: '',
        deleted_at: { sql: 'now()' },
        raw_user_meta_data: {},
      });
    } else {
      await c.query('delete from auth.users where id = $1', [user.id]);
    }
    await audit(c, 'user_deleted', { id: String(admin.sub ?? NIL_INSTANCE), email: null }, ctx.ip, {
      user_id: user.id,
      user_email: user.email,
    });
  });
  sendJson(ctx.res, 200, {});
}

/** POST /invite: an unconfirmed user with no password and a link to set one. */
export async function invite(ctx: Ctx, deps: Deps): Promise<void> {
  const admin = await requireAdmin(ctx, deps);
  const email = normaliseEmail(ctx.body.email);
  const data = obj(ctx.body.data) ?? {};
  const otp = newOtp(deps.settings.otpLength);
  const hash = tokenHash(email, otp);
  reserveMail(deps.limits.email);
  const user = await withTransaction(deps.pool, async (c) => {
    const existing = await findUserByEmail(c, email);
    if (existing?.email_confirmed_at) throw emailExists();
    const base =
      existing ??
      (await insertUser(c, {
        email,
        phone: null,
        passwordHash: '',
        role: 'authenticated',
        emailConfirmed: false,
        phoneConfirmed: false,
        appMetadata: { provider: 'email', providers: ['email'] },
        userMetadata: data,
        bannedUntil: null,
        invited: true,
      }));
    const row = await updateUser(c, base.id, {
      confirmation_token: hash,
      confirmation_sent_at: { sql: 'now()' },
      invited_at: { sql: 'now()' },
      ...(existing ? { raw_user_meta_data: mergeMetadata(existing.raw_user_meta_data, data) } : {}),
    });
    await audit(c, 'user_invited', { id: String(admin.sub ?? NIL_INSTANCE), email: null }, ctx.ip, {
      user_id: row.id,
      user_email: row.email,
    });
    return row;
  });
  const redirect = safeRedirect(deps, ctx.url.searchParams.get('redirect_to'));
  deps.limits.codeFailures.clear(`otp:${email}`);
  sendJson(ctx.res, 200, userJson(user, await identitiesOf(deps.pool, user.id)));
  deps.mailer.send('invite', { to: email, link: verifyLink(deps, hash, 'invite', redirect), token: otp });
}
