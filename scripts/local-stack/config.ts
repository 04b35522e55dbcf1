// Ports, paths and keys of the local Supabase-compatible stack.
// Defaults follow the Supabase CLI (gateway 54321, db 54322, app 5173); a port base
// shifts every service so tests and helpers can run a second stack beside the first.
import { SignJWT } from 'jose';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The Supabase CLI's public local JWT secret: only ever used on loopback. */
export const JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const DB_PASSWORD = 'postgres';
export const AUTHENTICATOR_PASSWORD = 'authenticator-local-only';
export const AUTH_ADMIN_PASSWORD = 'auth-admin-local-only';

export interface StackConfig {
  name: string;
  host: string;
  gatewayPort: number;
  dbPort: number;
  restPort: number;
  restAdminPort: number;
  authPort: number;
  /** the storage server; the gateway forwards /storage/v1 to it */
  storagePort: number;
  /** first port for edge functions; one Deno process per function */
  functionsPort: number;
  appPort: number;
  /** the local mail catcher (Supabase's Inbucket/Mailpit): web UI + HTTP API, and SMTP */
  mailPort: number;
  smtpPort: number;
  dataDir: string;
  storageDir: string;
  apiUrl: string;
  dbUrl: string;
  /** legacy JWT keys (role anon / service_role), the Supabase CLI's well-known ones */
  anonKey: string;
  serviceRoleKey: string;
  /**
   * Opaque keys as hosted projects issue them (sb_publishable_… = anon, sb_secret_… = service
   * role), different for every stack: the gateway swaps them for a short-lived JWT.
   */
  publishableKey: string;
  secretKey: string;
  jwtSecret: string;
  /**
   * Postgres with fsync, synchronous_commit and full_page_writes on, so an acknowledged write
   * survives a crash. On by default; throw-away test and benchmark stacks turn it off for speed.
   */
  durable: boolean;
  /** REST and function request bodies above this many bytes get 413 at the gateway (STACK_MAX_BODY_SIZE) */
  maxBodyBytes: number;
}

export const DEFAULT_MAX_BODY = '1MiB';

/** A size as the Supabase CLI writes them ('20MiB', '512KB', '1048576'); units are binary. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?\s*$/i.exec(value);
  if (!m) throw new Error(`"${value}" is not a size (write e.g. 1048576, 512KiB or 2MiB)`);
  const unit = (m[2] ?? 'B').toUpperCase().replace('I', '');
  const factor = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[unit as 'B'];
  return Math.floor(Number(m[1]) * factor);
}

async function legacyKey(role: 'anon' | 'service_role'): Promise<string> {
  // Same claims, order and expiry as the CLI's keys, so the strings are the well-known ones.
  return new SignJWT({ iss: 'supabase-demo', role, exp: 1983812996 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(JWT_SECRET));
}

/**
 * An opaque key of this stack: `sb_<kind>_` + 22 characters derived from the stack's name and
 * port base + `_` + an 8-character checksum, the shape hosted keys have. Derived, not random,
 * so tests and tools compute the same keys from the stack's name and port base alone; a key of
 * another stack is a wrong key here. Local only, like the JWT secret it is derived with.
 */
export function opaqueKey(kind: 'publishable' | 'secret', name: string, base: number): string {
  const body = createHmac('sha256', JWT_SECRET).update(`${kind}:${name}:${base}`).digest('base64url').slice(0, 22);
  const check = createHash('sha256').update(`sb_${kind}_${body}`).digest('base64url').slice(0, 8);
  return `sb_${kind}_${body}_${check}`;
}

/**
 * `[inbucket] port` and `smtp_port` of supabase/config.toml, as offsets from the default port
 * base (54320): a stack on another base shifts them like every other port. The CLI's own
 * defaults (54324/54325) are PostgREST's admin port and auth's here, so the project's
 * config.toml names two free ones.
 */
function mailPortOffsets(): { web: number; smtp: number } {
  const config = parse(readFileSync(path.join(ROOT, 'supabase', 'config.toml'), 'utf8')) as { inbucket?: { port?: number; smtp_port?: number } };
  const web = config.inbucket?.port ?? 54324;
  return { web: web - 54320, smtp: (config.inbucket?.smtp_port ?? web + 1) - 54320 };
}

export async function stackConfig(
  opts: { name?: string; portBase?: number; appPort?: number; durable?: boolean } = {},
): Promise<StackConfig> {
  const name = opts.name ?? 'dev';
  const base = opts.portBase ?? Number(process.env.STACK_PORT_BASE ?? 54320);
  const host = '127.0.0.1';
  const dataDir = path.join(ROOT, '.local', name);
  const gatewayPort = base + 1;
  const dbPort = base + 2;
  const mail = mailPortOffsets();
  return {
    name,
    host,
    gatewayPort,
    dbPort,
    restPort: base + 3,
    restAdminPort: base + 4,
    authPort: base + 5,
    storagePort: base + 9,
    functionsPort: base + 10,
    // 5173 for the default stack (the Supabase CLI's convention); other stacks shift it with
    // their base so tests and a second stack agree on it without passing it around.
    appPort: opts.appPort ?? Number(process.env.APP_PORT ?? (base === 54320 ? 5173 : base + 73)),
    mailPort: base + mail.web,
    smtpPort: base + mail.smtp,
    dataDir,
    storageDir: path.join(dataDir, 'storage'),
    apiUrl: `http://${host}:${gatewayPort}`,
    dbUrl: `postgresql://postgres:${DB_PASSWORD}@${host}:${dbPort}/postgres`,
    anonKey: await legacyKey('anon'),
    serviceRoleKey: await legacyKey('service_role'),
    publishableKey: opaqueKey('publishable', name, base),
    secretKey: opaqueKey('secret', name, base),
    jwtSecret: JWT_SECRET,
    durable: opts.durable ?? true,
    maxBodyBytes: parseSize(process.env.STACK_MAX_BODY_SIZE || DEFAULT_MAX_BODY),
  };
}
