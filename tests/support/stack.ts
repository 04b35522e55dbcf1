// What integration tests need to reach the stack that scripts/test.ts (or `npm run stack`)
// started: URLs, keys, a superuser pg client, and supabase-js clients signed in per role.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { stackConfig, type StackConfig } from '../../scripts/local-stack/config.ts';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_LOGINS = {
  admin: 'admin@demo.test',
  reviewer: 'reviewer@demo.test',
  customer_service: 'service@demo.test',
  finance: 'finance@demo.test',
  analyst: 'analyst@demo.test',
} as const;
export type StaffRole = keyof typeof DEMO_LOGINS;
export const ROLES = Object.keys(DEMO_LOGINS) as StaffRole[];

let cached: Promise<StackConfig> | undefined;
/** The stack under test: STACK_PORT_BASE / STACK_NAME from the environment (set by scripts/test.ts). */
export function stack(): Promise<StackConfig> {
  cached ??= stackConfig({ name: process.env.STACK_NAME ?? 'test', portBase: Number(process.env.STACK_PORT_BASE ?? 64320) });
  return cached;
}

export async function anonClient(): Promise<SupabaseClient> {
  const cfg = await stack();
  return createClient(cfg.apiUrl, cfg.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

export async function serviceClient(): Promise<SupabaseClient> {
  const cfg = await stack();
  return createClient(cfg.apiUrl, cfg.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
}

/** A fresh client signed in with email + password. */
export async function signIn(email: string, password = DEMO_PASSWORD): Promise<SupabaseClient> {
  const client = await anonClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign in as ${email} failed: ${error.message}`);
  return client;
}

const roleClients = new Map<StaffRole, Promise<SupabaseClient>>();
/** A client signed in as the demo login of a role (cached per test file). */
export function as(role: StaffRole): Promise<SupabaseClient> {
  if (!roleClients.has(role)) roleClients.set(role, signIn(DEMO_LOGINS[role]));
  return roleClients.get(role)!;
}

/** Superuser connection for fixtures and for checking the database after an action. */
export async function db(): Promise<pg.Client> {
  const cfg = await stack();
  const client = new pg.Client({ connectionString: cfg.dbUrl });
  await client.connect();
  return client;
}
