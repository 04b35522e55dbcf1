// A GoTrue-compatible auth server (the subset supabase-js and ra-supabase use), storing
// users in the real auth schema. Paths have no /auth/v1 prefix: the gateway strips it.
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { AUTH_ADMIN_PASSWORD, type StackConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import * as admin from './admin-handlers.ts';
import { clientIp, type AuthOptions, type Ctx, type Deps } from './context.ts';
import { AuthError, badRequest, notFound, OAuthError, sendError, sendJson } from './errors.ts';
import { authLimits } from './limits.ts';
import * as mail from './mail-handlers.ts';
import { smtpMailer } from './mailer.ts';
import * as mfa from './mfa-handlers.ts';
import * as session from './session-handlers.ts';
import { authSettings } from './settings.ts';
import { tokenSigner } from './tokens.ts';

const MAX_BODY = 1024 * 1024;

type Handler = (ctx: Ctx, deps: Deps) => Promise<void>;

const ROUTES: Record<string, Handler> = {
  'POST /token': session.token,
  'GET /user': session.getUser,
  'PUT /user': session.putUser,
  'POST /logout': session.logout,
  'GET /reauthenticate': session.reauthenticate,
  'POST /factors': mfa.enroll,
  'POST /recover': mail.recover,
  'GET /verify': mail.verifyGet,
  'POST /verify': mail.verifyPost,
  'POST /signup': mail.signup,
  'POST /invite': admin.invite,
  'POST /admin/users': admin.createUser,
  'GET /admin/users': admin.listUsers,
  'GET /.well-known/jwks.json': async (ctx) =>
    // HS256 only: symmetric keys are never published.
    sendJson(ctx.res, 200, { keys: [] }, { 'Cache-Control': 'public, max-age=600' }),
  'GET /health': async (ctx) =>
    sendJson(ctx.res, 200, {
      version: 'local',
      name: 'GoTrue',
      description: 'GoTrue is a user registration and authentication API',
    }),
  'GET /settings': async (ctx, deps) =>
    sendJson(ctx.res, 200, {
      external: { email: true, phone: false, anonymous_users: false },
      disable_signup: deps.disableSignup,
      mailer_autoconfirm: true,
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    }),
};

const FACTOR_RE = /^\/factors\/([^/]+)(\/challenge|\/verify)?$/;
const FACTOR_ROUTES: Record<string, (ctx: Ctx, deps: Deps, id: string) => Promise<void>> = {
  'POST /challenge': mfa.challenge,
  'POST /verify': mfa.verify,
  'DELETE ': mfa.unenroll,
};

const ADMIN_USER_RE = /^\/admin\/users\/([^/]+)\/?$/;
const ADMIN_USER_ROUTES: Record<string, (ctx: Ctx, deps: Deps, id: string) => Promise<void>> = {
  GET: admin.getUserById,
  PUT: admin.updateUserById,
  DELETE: admin.deleteUserById,
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new AuthError(413, 'request_too_large', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('bad_json', 'Could not parse request body as JSON: expected an object');
  }
  return parsed as Record<string, unknown>;
}

export async function startAuth(
  cfg: StackConfig,
  log: Logger,
  opts: AuthOptions = {},
): Promise<{ port: number; close(): Promise<void> }> {
  const pool = new pg.Pool({
    host: cfg.host,
    port: cfg.dbPort,
    user: 'supabase_auth_admin',
    password: AUTH_ADMIN_PASSWORD,
    database: 'postgres',
    max: 10,
    application_name: 'local-auth',
  });
  pool.on('error', (e) => log.error(`db pool: ${e.message}`));
  await pool.query('select 1 from auth.users limit 1'); // fail fast if the schema or role is missing

  const settings = opts.settings ?? authSettings();
  const siteUrl = `http://127.0.0.1:${cfg.appPort}`;
  const mailer =
    opts.mailer ??
    smtpMailer({
      host: cfg.host,
      port: cfg.smtpPort,
      adminEmail: settings.inbucket.adminEmail,
      senderName: settings.inbucket.senderName,
      log,
    });
  const trust = opts.trustedProxies ?? { addresses: [] };
  const deps: Deps = {
    cfg,
    log,
    pool,
    signer: tokenSigner(cfg.jwtSecret, `${cfg.apiUrl}/auth/v1`),
    siteUrl,
    allowedRedirects: [siteUrl, `http://localhost:${cfg.appPort}`],
    disableSignup: opts.disableSignup ?? !settings.enableSignup,
    settings,
    limits: authLimits(settings),
    mailer,
  };

  const server = http.createServer(async (req, res) => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', `http://${cfg.host}:${cfg.authPort}`);
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    try {
      const ctx: Ctx = {
        req,
        res,
        url,
        ip: clientIp(req, trust),
        userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
        body: {},
      };
      let run: (() => Promise<void>) | undefined;
      const direct = ROUTES[`${method} ${path}`];
      const adminUser = ADMIN_USER_RE.exec(path);
      const factor = FACTOR_RE.exec(path);
      const factorRoute = factor ? FACTOR_ROUTES[`${method} ${factor[2] ?? ''}`] : undefined;
      if (direct) run = () => direct(ctx, deps);
      else if (factor && factorRoute) {
        const id = decodeURIComponent(factor[1]);
        run = () => factorRoute(ctx, deps, id);
      }
      else if (adminUser && ADMIN_USER_ROUTES[method]) {
        const id = decodeURIComponent(adminUser[1]);
        run = () => ADMIN_USER_ROUTES[method](ctx, deps, id);
      }
      if (!run) {
        req.resume();
        throw notFound('not_found', 'Not Found');
      }
      if (method !== 'GET' && method !== 'HEAD') ctx.body = await readBody(req);
      else req.resume();
      await run();
    } catch (e) {
      if (!(e instanceof AuthError) && !(e instanceof OAuthError)) {
        log.error(`${method} ${path}: ${(e as Error).stack ?? String(e)}`);
      }
      if (!res.headersSent) sendError(res, e);
      else res.end();
    } finally {
      log.debug(`${method} ${path} ${res.statusCode} ${Date.now() - started} ms`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? cfg.authPort, cfg.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info(`auth listening on http://${cfg.host}:${port} (signup ${deps.disableSignup ? 'disabled' : 'enabled'})`);

  return {
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      mailer.close();
      await pool.end();
    },
  };
}
