// What `npm start` prints once everything answers: where things are and how to sign in.
import type { StackConfig } from './config.ts';

export const DEMO_LOGINS: Array<[string, string]> = [
  ['超级管理员 admin', 'admin@demo.test'],
  ['审核员 reviewer', 'reviewer@demo.test'],
  ['客服 customer_service', 'service@demo.test'],
  ['财务 finance', 'finance@demo.test'],
  ['数据分析 analyst', 'analyst@demo.test'],
];
export const DEMO_PASSWORD = 'demo1234';

export function banner(cfg: StackConfig, opts: { app: boolean; timings?: Record<string, number> }): string {
  const lines = [
    '',
    '  运营总后台 — local Supabase-compatible stack is up',
    '',
    opts.app ? `  App (open this)     http://${cfg.host}:${cfg.appPort}` : '  App                 not started (--no-app)',
    `  API gateway         ${cfg.apiUrl}   (/rest/v1  /auth/v1  /functions/v1)`,
    `  Postgres            ${cfg.dbUrl}`,
    `  Mailbox             http://${cfg.host}:${cfg.mailPort}   (password reset, invitation and e-mail change mail; SMTP ${cfg.host}:${cfg.smtpPort})`,
    `  publishable key     ${cfg.publishableKey}   (the app's key; = anon)`,
    `  secret key          ${cfg.secretKey}   (local only; servers, never a browser)`,
    `  anon key (legacy)   ${cfg.anonKey}`,
    `  service_role (leg.) ${cfg.serviceRoleKey}   (local only)`,
    '',
    `  Demo logins (password ${DEMO_PASSWORD}, local demo only):`,
    ...DEMO_LOGINS.map(([role, email]) => `    ${role.padEnd(24)} ${email}`),
    '',
  ];
  if (opts.timings?.ready) lines.push(`  Stack ready in ${(opts.timings.ready / 1000).toFixed(1)} s. Ctrl-C stops everything.`, '');
  return lines.join('\n');
}
