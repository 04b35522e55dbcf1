// The local mailbox, as Supabase's Inbucket/Mailpit: MailDev (npm `maildev`) catches the
// auth server's SMTP mail on `[inbucket] smtp_port` and shows it on `[inbucket] port` (web
// interface, and the HTTP API tests read: GET /email, DELETE /email/all). Mail is kept in the
// stack's data folder, so it survives a restart and goes with a reset.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { StackConfig } from './config.ts';
import { startChild, waitForHttp } from './children.ts';
import type { ServiceSpec } from './supervisor.ts';
import type { Logger } from './log.ts';

const MAILDEV_BIN = path.join(path.dirname(createRequire(import.meta.url).resolve('maildev/package.json')), 'bin', 'maildev');

/** The mailbox as a supervised service: a crash is restarted like any other child. */
export function mailService(cfg: StackConfig, log: Logger): ServiceSpec {
  return {
    name: 'mail',
    spawn: () =>
      startChild(
        'maildev',
        process.execPath,
        [
          MAILDEV_BIN,
          '--ip', cfg.host,
          '--smtp', String(cfg.smtpPort),
          '--web', String(cfg.mailPort),
          '--mail-directory', path.join(cfg.dataDir, 'mail'),
        ],
        log,
        { env: { PATH: process.env.PATH, HOME: process.env.HOME } },
      ),
    ready: (child) => waitForHttp(`http://${cfg.host}:${cfg.mailPort}/healthz`, 30_000, child),
  };
}
