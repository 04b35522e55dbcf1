// Serves every supabase/functions/<slug>/index.ts unchanged with plain Deno: one process
// per function, told where to listen through DENO_SERVE_ADDRESS, with the env vars the
// Supabase edge runtime injects. npm: imports resolve from the project's node_modules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, type StackConfig } from './config.ts';
import { startChild, waitForHttp, type Child } from './children.ts';
import type { Logger } from './log.ts';
import type { ServiceSpec } from './supervisor.ts';
import { authSettings } from './auth/settings.ts';

const FUNCTIONS_DIR = path.join(ROOT, 'supabase', 'functions');
const DENO = path.join(ROOT, 'node_modules', '.bin', 'deno');

export interface EdgeFunction {
  slug: string;
  port: number;
  verifyJwt: boolean;
}

/** verify_jwt per function from supabase/config.toml (default true, as in the CLI). */
function verifyJwtSettings(): Map<string, boolean> {
  const toml = readFileSync(path.join(ROOT, 'supabase', 'config.toml'), 'utf8');
  const out = new Map<string, boolean>();
  let current: string | undefined;
  for (const line of toml.split('\n')) {
    const section = line.match(/^\s*\[functions\.([A-Za-z][A-Za-z0-9_-]*)\]\s*$/);
    if (section) current = section[1];
    else if (/^\s*\[/.test(line)) current = undefined;
    const v = line.match(/^\s*verify_jwt\s*=\s*(true|false)/);
    if (current && v) out.set(current, v[1] === 'true');
  }
  return out;
}

export function discoverFunctions(cfg: StackConfig): EdgeFunction[] {
  if (!existsSync(FUNCTIONS_DIR)) return [];
  const settings = verifyJwtSettings();
  return readdirSync(FUNCTIONS_DIR)
    .filter((slug) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(slug) && existsSync(path.join(FUNCTIONS_DIR, slug, 'index.ts')))
    .sort()
    .map((slug, i) => ({ slug, port: cfg.functionsPort + i, verifyJwt: settings.get(slug) ?? true }));
}

/** One supervised Deno process per function, listening on its own port. */
export function functionServices(cfg: StackConfig, fns: EdgeFunction[], log: Logger): ServiceSpec[] {
  return fns.map((fn) => ({
    name: `fn:${fn.slug}`,
    spawn: () => spawnFunction(cfg, fn, log),
    ready: (child: Child) => waitForHttp(`http://${cfg.host}:${fn.port}/`, 60_000, child, true),
  }));
}

/** The variables of this process whose names match. */
function passThrough(names: RegExp): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => names.test(e[0]) && e[1] !== undefined));
}

function spawnFunction(cfg: StackConfig, fn: EdgeFunction, log: Logger): Child {
  const mail = authSettings().inbucket;
  return startChild(`fn:${fn.slug}`, DENO, [
    // writes only to the temporary directory, as hosted's /tmp (the export's file)
    'run', '--no-prompt', '--allow-net', '--allow-env', '--allow-read', '--allow-sys', `--allow-write=${os.tmpdir()}`,
    path.join(FUNCTIONS_DIR, fn.slug, 'index.ts'),
  ], log, {
    cwd: ROOT,
    // Deno says where it listens on stderr; that is no error
    classify: (line, stderr) => (!stderr || /^Listening on /.test(line) ? 'info' : 'error'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: os.tmpdir(),
      DENO_DIR: path.join(cfg.dataDir, 'deno'),
      DENO_NO_UPDATE_CHECK: '1',
      DENO_SERVE_ADDRESS: `tcp:${cfg.host}:${fn.port}`,
      SUPABASE_URL: cfg.apiUrl,
      SUPABASE_ANON_KEY: cfg.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: cfg.serviceRoleKey,
      SUPABASE_DB_URL: cfg.dbUrl,
      SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: cfg.publishableKey }),
      SUPABASE_SECRET_KEYS: JSON.stringify({ default: cfg.secretKey }),
      // notify sends e-mail as the auth server does: to the stack's mailbox, from the sender of
      // config.toml's [inbucket] (hosted: the project's SMTP settings, as secrets; docs/DEPLOY.md)
      SMTP_HOST: cfg.host,
      SMTP_PORT: String(cfg.smtpPort),
      SMTP_ADMIN_EMAIL: mail.adminEmail,
      SMTP_SENDER_NAME: mail.senderName,
      // SMS and WeChat credentials only when the developer's shell has them: without, their
      // messages wait as not_configured
      ...passThrough(/^(SMS_|ALIYUN_SMS_|TENCENT_SMS_|WECHAT_)/),
    },
  });
}
