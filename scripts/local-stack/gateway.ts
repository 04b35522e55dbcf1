// The local stand-in for Supabase's Kong gateway: one port routing /rest/v1, /auth/v1,
// /functions/v1 and /storage/v1, enforcing the apikey contract (api-keys.ts: legacy JWT keys
// and opaque sb_ keys, the latter swapped for short-lived JWTs), answering CORS preflights,
// and streaming bodies both ways. REST and function bodies above cfg.maxBodyBytes get 413
// here, before PostgREST or Deno see a byte (storage keeps its own limits).
// /functions/v1 is as on hosted: no key check and no key swap; a function with verify_jwt
// needs a JWT in Authorization, the others check their callers themselves.
import type { AddressInfo } from 'node:net';
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import type { StackConfig } from './config.ts';
import { apiKeys, NO_KEY } from './api-keys.ts';
import type { Logger } from './log.ts';
import { closeServer, listen } from './http-server.ts';

export interface GatewayFunction {
  slug: string;
  port: number;
  verifyJwt: boolean;
}

export interface GatewayOptions {
  functions: GatewayFunction[];
  /** Sent to the auth server in `x-gateway-secret`, so that it believes this gateway's X-Forwarded-For and nobody else's. */
  authProxySecret?: string;
}

const ALLOW_HEADERS = [
  'authorization',
  'x-client-info',
  'apikey',
  'content-type',
  'x-supabase-api-version',
  'prefer',
  'range',
  'range-unit',
  'accept-profile',
  'content-profile',
  'x-upsert',
  'accept',
  'cache-control',
  'x-region',
];
const ALLOW_METHODS = 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS';
const EXPOSE_HEADERS = [
  'X-Supabase-Api-Version',
  'x-sb-error-code',
  'Content-Range',
  'Content-Location',
  'Content-Profile',
  'Location',
  'Range-Unit',
  'Preference-Applied',
  'X-Total-Count',
  'Link',
];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'upgrade']);
/**
 * Client-supplied address headers are dropped: the gateway is the edge, so the client's address
 * is its socket's, whatever a client claims (a spoofed X-Forwarded-For used to reach the auth
 * audit and sessions).
 */
const CLIENT_ADDRESS_HEADERS = new Set(['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-gateway-secret', 'sb-forwarded-for']);

/** Auth routes opened from e-mails and browser redirects: no apikey there. */
const OPEN_AUTH_PATHS = [/^\/verify\/?$/, /^\/callback\/?$/, /^\/authorize\/?$/, /^\/\.well-known\//];
/** Storage URLs that carry their own authority (public bucket, signed token): <img src> loads them without a key. */
const OPEN_STORAGE_PATHS: Array<[RegExp, string[]]> = [
  [/^\/object\/public\//, ['GET', 'HEAD']],
  [/^\/object\/sign\//, ['GET', 'HEAD']],
  [/^\/render\/image\/(public|sign)\//, ['GET', 'HEAD']],
  [/^\/object\/upload\/sign\//, ['PUT']],
];

const FUNCTION_TIMEOUT_MS = 150_000; // Kong's read timeout for /functions/v1
const UPSTREAM_TIMEOUT_MS = 300_000;
/** After a 413, the rest of the body is read and dropped (so the client sees the answer, not a reset) for at most this long. */
const DRAIN_MS = 10_000;

/** How a body within the limit goes on: streamed (declared length, or none), or held because it came chunked. */
type Body = { held?: Buffer } | { tooLarge: true; size?: number };

/**
 * Decides on a request body without holding more than `limit` bytes of it: a declared
 * Content-Length is judged at once and the body then streams through; a chunked body is
 * counted as it arrives and held until it ends (at most `limit` bytes), so a body that turns
 * out too large never reaches the upstream, not even in part.
 */
function takeBody(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    const size = Number(declared);
    return Promise.resolve<Body>(size > limit ? { tooLarge: true, size } : {});
  }
  if (!req.headers['transfer-encoding']) return Promise.resolve<Body>({});
  return new Promise<Body>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) {
        chunks.push(c);
        return;
      }
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      resolve({ tooLarge: true });
    };
    const onEnd = () => resolve({ held: Buffer.concat(chunks) });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

/** Answers now and drops the rest of the request body as it arrives, closing the connection if it goes on too long. */
function refuseBody(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  // no `Connection: close`: Node would then close the socket at once, and a client still
  // sending gets EPIPE instead of this answer (fetch reports only the EPIPE)
  sendJson(res, 413, body);
}

function corsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': EXPOSE_HEADERS.join(', '),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...corsHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...corsHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function headerValue(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Value of one query parameter from the raw query string (without the '?'). */
function queryParam(query: string, name: string): string | undefined {
  if (!query) return undefined;
  return new URLSearchParams(query).get(name) ?? undefined;
}

/** Drops one parameter from a raw query string, leaving every other byte as the client sent it. */
function withoutQueryParam(query: string, name: string): string {
  if (!query) return query;
  return query
    .split('&')
    .filter((part) => {
      const key = part.split('=')[0];
      try {
        return decodeURIComponent(key.replace(/\+/g, ' ')) !== name;
      } catch {
        return true;
      }
    })
    .join('&');
}

/** Exactly one Access-Control-Allow-Origin, and the headers clients must read exposed. */
function withCors(upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(upstream)) {
    if (v === undefined || HOP_BY_HOP.has(k)) continue;
    out[k] = v;
  }
  const origin = out['access-control-allow-origin'];
  out['access-control-allow-origin'] = Array.isArray(origin) ? origin[0] : origin || '*';
  const exposed = new Map<string, string>();
  const current = out['access-control-expose-headers'];
  for (const h of [...String(current ?? '').split(','), ...EXPOSE_HEADERS]) {
    const t = h.trim();
    if (t && !exposed.has(t.toLowerCase())) exposed.set(t.toLowerCase(), t);
  }
  out['access-control-expose-headers'] = [...exposed.values()].join(', ');
  return out;
}

export async function startGateway(
  cfg: StackConfig,
  log: Logger,
  opts: GatewayOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const secret = new TextEncoder().encode(cfg.jwtSecret);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const functions = new Map(opts.functions.map((f) => [f.slug, f]));
  const keys = apiKeys(cfg);

  function forwardHeaders(req: IncomingMessage, port: number, prefix: string, authorization: string | undefined): OutgoingHttpHeaders {
    const out: OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined || HOP_BY_HOP.has(k) || CLIENT_ADDRESS_HEADERS.has(k) || k === 'host' || k === 'authorization') continue;
      out[k] = v;
    }
    if (authorization) out.authorization = authorization;
    const clientIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    out.host = `${cfg.host}:${port}`;
    out['x-forwarded-for'] = clientIp;
    out['x-real-ip'] = clientIp;
    if (port === cfg.authPort && opts.authProxySecret) out['x-gateway-secret'] = opts.authProxySecret;
    out['x-forwarded-host'] = headerValue(req.headers, 'x-forwarded-host') ?? req.headers.host ?? `${cfg.host}:${cfg.gatewayPort}`;
    out['x-forwarded-proto'] = headerValue(req.headers, 'x-forwarded-proto') ?? 'http';
    out['x-forwarded-port'] = String(cfg.gatewayPort);
    out['x-forwarded-prefix'] = prefix;
    return out;
  }

  function proxy(
    req: IncomingMessage,
    res: ServerResponse,
    port: number,
    path: string,
    headers: OutgoingHttpHeaders,
    timeoutMs: number,
    held?: Buffer,
  ): void {
    if (held) {
      delete headers['transfer-encoding'];
      headers['content-length'] = String(held.length);
    }
    const upstream = http.request({ host: cfg.host, port, method: req.method, path, headers, agent });
    let timedOut = false;
    upstream.setTimeout(timeoutMs, () => {
      timedOut = true;
      upstream.destroy(new Error('upstream timeout'));
    });
    upstream.on('response', (up) => {
      res.writeHead(up.statusCode ?? 502, up.statusMessage, withCors(up.headers));
      up.pipe(res);
      up.on('error', () => res.destroy());
    });
    upstream.on('error', (e) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      log.debug(`upstream :${port}${path}: ${e.message}`);
      if (timedOut) sendJson(res, 504, { message: 'The upstream server is timing out' });
      else sendJson(res, 502, { message: 'An invalid response was received from the upstream server' });
    });
    // A client that goes away must not leave the upstream request hanging.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (held) upstream.end(held);
    else req.pipe(upstream);
  }

  /** The body of a REST or function request, or a 413 already sent (then null). */
  async function boundedBody(req: IncomingMessage, res: ServerResponse, route: '/rest/v1' | '/functions/v1'): Promise<Body | null> {
    const limit = cfg.maxBodyBytes;
    const body = await takeBody(req, limit);
    if (!('tooLarge' in body)) return body;
    const size = body.size === undefined ? `more than ${limit} bytes` : `${body.size} bytes`;
    const message = `The request body is too large: ${size}; the limit is ${limit} bytes`;
    log.debug(`${req.method} ${req.url}: 413 (${size})`);
    if (route === '/rest/v1') {
      // PostgREST's error shape, so supabase-js fills PostgrestError from it
      refuseBody(req, res, {
        code: 'payload_too_large',
        details: message,
        hint: 'Send less per request (e.g. insert in batches). Locally the limit is set with STACK_MAX_BODY_SIZE.',
        message: 'Request body too large',
      });
    } else {
      // the edge runtime's own error shape ({ code, message }, like its BOOT_ERROR)
      refuseBody(req, res, { code: 'payload_too_large', message });
    }
    return null;
  }

  async function verifyFunctionJwt(authorization: string | undefined): Promise<string | null> {
    if (!authorization) return 'Error: Missing authorization header';
    const [scheme, token] = authorization.split(' ');
    if (scheme !== 'Bearer' || !token) return "Error: Auth header is not 'Bearer {token}'";
    try {
      await jwtVerify(token, secret, { algorithms: ['HS256'] });
      return null;
    } catch {
      return 'Invalid JWT';
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q === -1 ? raw : raw.slice(0, q);
    const query = q === -1 ? '' : raw.slice(q + 1);
    const method = req.method ?? 'GET';

    // Preflight is answered here for every route, as Kong's cors plugin does.
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      const requested = String(req.headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
      const allowed = [...new Set([...ALLOW_HEADERS, ...requested])];
      req.resume();
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': allowed.join(', '),
        'Access-Control-Expose-Headers': EXPOSE_HEADERS.join(', '),
        'Access-Control-Max-Age': '3600',
        'Content-Length': '0',
      });
      res.end();
      return;
    }

    if (path === '/' && (method === 'GET' || method === 'HEAD')) {
      req.resume();
      sendJson(res, 200, { status: 'ok', name: 'local gateway' });
      return;
    }

    const route = (['/rest/v1', '/rest-admin/v1', '/auth/v1', '/functions/v1', '/storage/v1'] as const).find(
      (p) => path === p || path.startsWith(`${p}/`),
    );
    if (!route) {
      req.resume();
      sendJson(res, 404, { message: 'no Route matched with those values' });
      return;
    }
    const sub = path.slice(route.length) || '/';
    const apikey = headerValue(req.headers, 'apikey') ?? queryParam(query, 'apikey');
    const given = headerValue(req.headers, 'authorization');
    const open = (route === '/auth/v1' && OPEN_AUTH_PATHS.some((r) => r.test(sub)))
      || (route === '/storage/v1' && OPEN_STORAGE_PATHS.some(([r, methods]) => r.test(sub) && methods.includes(method)));
    let authorization = given;
    // Open routes (e-mail links, public and signed storage URLs) need no key; a valid one
    // still gets its JWT, a wrong one is ignored there as Kong ignores it.
    if (route !== '/functions/v1' && (!open || keys.roleOf(apikey))) {
      if (!apikey) {
        req.resume();
        sendJson(res, 401, NO_KEY);
        return;
      }
      const decision = await keys.decide(apikey, given, req.headers);
      if (!decision.ok) {
        req.resume();
        sendJson(res, decision.status, decision.body);
        return;
      }
      authorization = decision.authorization;
    }

    switch (route) {
      case '/rest/v1': {
        const body = await boundedBody(req, res, route);
        if (!body) return;
        // The key may come as ?apikey=…; PostgREST would read it as a column filter.
        const rest = withoutQueryParam(query, 'apikey');
        const target = sub + (rest ? `?${rest}` : q === -1 ? '' : '?');
        proxy(req, res, cfg.restPort, target, forwardHeaders(req, cfg.restPort, route, authorization), UPSTREAM_TIMEOUT_MS, 'held' in body ? body.held : undefined);
        return;
      }
      case '/rest-admin/v1':
        proxy(req, res, cfg.restAdminPort, sub + (q === -1 ? '' : `?${query}`), forwardHeaders(req, cfg.restAdminPort, route, authorization), UPSTREAM_TIMEOUT_MS);
        return;
      case '/auth/v1':
        proxy(req, res, cfg.authPort, sub + (q === -1 ? '' : `?${query}`), forwardHeaders(req, cfg.authPort, route, authorization), UPSTREAM_TIMEOUT_MS);
        return;
      case '/functions/v1': {
        const m = /^\/([^/]+)(\/.*)?$/.exec(sub);
        const fn = m ? functions.get(decodeURIComponent(m[1])) : undefined;
        if (!m || !fn) {
          req.resume();
          sendText(res, 404, 'Function not found');
          return;
        }
        if (fn.verifyJwt && method !== 'OPTIONS') {
          const problem = await verifyFunctionJwt(authorization);
          if (problem) {
            req.resume();
            sendJson(res, 401, { msg: problem });
            return;
          }
        }
        const body = await boundedBody(req, res, route);
        if (!body) return;
        const target = `/${m[1]}${m[2] ?? ''}${q === -1 ? '' : `?${query}`}`;
        proxy(req, res, fn.port, target, forwardHeaders(req, fn.port, route, authorization), FUNCTION_TIMEOUT_MS, 'held' in body ? body.held : undefined);
        return;
      }
      case '/storage/v1':
        proxy(req, res, cfg.storagePort, sub + (q === -1 ? '' : `?${query}`), forwardHeaders(req, cfg.storagePort, route, authorization), UPSTREAM_TIMEOUT_MS);
        return;
    }
  }

  const server = http.createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => log.debug(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started} ms`));
    handle(req, res).catch((e: unknown) => {
      log.error(`${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { message: 'An unexpected error occurred' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;

  await listen(server, cfg.gatewayPort, cfg.host);
  log.info(`gateway listening on ${cfg.apiUrl}`);

  return {
    // the port it listens on (cfg.gatewayPort, or the one the system gave for 0)
    port: (server.address() as AddressInfo).port,
    async close() {
      await closeServer(server);
      agent.destroy();
    },
  };
}
