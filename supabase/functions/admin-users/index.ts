// admin-users: staff logins, for active admins only.
//   { action: 'create', email, password, display_name, role, region_codes?, phone? } → { staff }
//   { action: 'reset_password', user_id, password }                                  → { ok: true }
//   { action: 'set_active', user_id, active, reason }                                → { staff }
// The auth user is made with the service key; the staff row, role changes and audit rows are
// written by SQL functions called with the admin's own token, so the audit names the admin.
// The body is checked field by field first: a null, non-object or mistyped body is 400
// invalid_input (tests/functions/admin-users.test.ts).
import { admin } from '../_shared/clients.ts';
import { fromPostgrest, HttpError, json } from '../_shared/errors.ts';
import { staffHandler, type Caller, type StaffRole } from '../_shared/staffHandler.ts';
import { type Body as RawBody, booleanField, onlyFields, readObject, stringArrayField, stringField } from '../_shared/body.ts';

const ROLES: StaffRole[] = ['admin', 'reviewer', 'customer_service', 'finance', 'analyst'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Banning is how a deactivated login is kept out of GoTrue too (100 years).
const BAN_FOREVER = '876000h';

type Body =
  | { action: 'create'; email?: string; password?: string; display_name?: string; role?: StaffRole; region_codes?: string[]; phone?: string }
  | { action: 'reset_password'; user_id?: string; password?: string }
  | { action: 'set_active'; user_id?: string; active?: boolean; reason?: string };

/** The body, each field of the type its action expects (400 invalid_input otherwise). */
function parseBody(raw: RawBody): Body {
  const action = stringField(raw, 'action', { required: true });
  const userId = () => {
    const id = stringField(raw, 'user_id', { required: true })!;
    if (!UUID.test(id)) throw new HttpError(400, 'invalid_input', 'user_id must be a uuid');
    return id;
  };
  switch (action) {
    case 'create': {
      onlyFields(raw, ['action', 'email', 'password', 'display_name', 'role', 'region_codes', 'phone']);
      const role = stringField(raw, 'role');
      if (role !== undefined && !ROLES.includes(role as StaffRole)) throw new HttpError(400, 'invalid_input', 'role is invalid');
      return {
        action,
        email: stringField(raw, 'email', { max: 254 }),
        password: stringField(raw, 'password', { max: 200 }),
        display_name: stringField(raw, 'display_name', { max: 60 }),
        role: role as StaffRole | undefined,
        region_codes: stringArrayField(raw, 'region_codes', /^[0-9]{6}$/),
        phone: stringField(raw, 'phone', { nullable: true, max: 20 }),
      };
    }
    case 'reset_password':
      onlyFields(raw, ['action', 'user_id', 'password']);
      return { action, user_id: userId(), password: stringField(raw, 'password', { max: 200 }) };
    case 'set_active':
      onlyFields(raw, ['action', 'user_id', 'active', 'reason']);
      return { action, user_id: userId(), active: booleanField(raw, 'active', { required: true }), reason: stringField(raw, 'reason', { nullable: true }) };
    default:
      throw new HttpError(400, 'invalid_input', 'unknown action');
  }
}

function requirePassword(password: unknown): string {
  if (typeof password !== 'string' || password.length < 8) {
    throw new HttpError(400, 'weak_password', 'password must have at least 8 characters');
  }
  return password;
}

async function create(body: Extract<Body, { action: 'create' }>, caller: Caller): Promise<Response> {
  const email = (body.email ?? '').trim().toLowerCase();
  if (!EMAIL.test(email)) throw new HttpError(400, 'invalid_input', 'a valid email is required');
  if (!body.display_name?.trim()) throw new HttpError(400, 'invalid_input', 'display_name is required');
  if (!body.role || !ROLES.includes(body.role)) throw new HttpError(400, 'invalid_input', 'role is invalid');
  const password = requirePassword(body.password);

  const { data, error } = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { display_name: body.display_name.trim() },
  });
  if (error || !data.user) {
    if (error?.code === 'email_exists') throw new HttpError(409, 'email_exists', 'a login with this email exists');
    throw new HttpError(400, error?.code ?? 'auth_error', error?.message ?? 'could not create the login');
  }
  const { data: staff, error: rpcError } = await caller.client.rpc('staff_register', {
    p_user_id: data.user.id,
    p_display_name: body.display_name,
    p_role: body.role,
    p_region_codes: body.region_codes ?? [],
    p_phone: body.phone ?? null,
  });
  if (rpcError) {
    // Don't leave a login without a staff row behind.
    await admin.auth.admin.deleteUser(data.user.id);
    throw fromPostgrest(rpcError);
  }
  return json({ staff }, 201);
}

async function resetPassword(body: Extract<Body, { action: 'reset_password' }>, caller: Caller): Promise<Response> {
  if (!body.user_id) throw new HttpError(400, 'invalid_input', 'user_id is required');
  const password = requirePassword(body.password);
  // Audit first (it also checks the target is staff); the audit row rolls back on failure.
  const { error: rpcError } = await caller.client.rpc('staff_record_password_reset', { p_id: body.user_id });
  if (rpcError) throw fromPostgrest(rpcError);
  const { error } = await admin.auth.admin.updateUserById(body.user_id, { password });
  if (error) throw new HttpError(400, error.code ?? 'auth_error', error.message);
  return json({ ok: true });
}

async function setActive(body: Extract<Body, { action: 'set_active' }>, caller: Caller): Promise<Response> {
  if (!body.user_id || typeof body.active !== 'boolean') throw new HttpError(400, 'invalid_input', 'user_id and active are required');
  const { data: staff, error: rpcError } = await caller.client.rpc('staff_set_active', {
    p_id: body.user_id,
    p_active: body.active,
    p_reason: body.reason ?? null,
  });
  if (rpcError) throw fromPostgrest(rpcError);
  const { error } = await admin.auth.admin.updateUserById(body.user_id, { ban_duration: body.active ? 'none' : BAN_FOREVER });
  if (error) throw new HttpError(400, error.code ?? 'auth_error', error.message);
  return json({ staff });
}

Deno.serve(
  staffHandler(['admin'], async (req, caller) => {
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST');
    const body = parseBody(await readObject(req));
    switch (body.action) {
      case 'create':
        return create(body, caller);
      case 'reset_password':
        return resetPassword(body, caller);
      case 'set_active':
        return setActive(body, caller);
      default:
        throw new HttpError(400, 'invalid_input', 'unknown action');
    }
  }),
);
