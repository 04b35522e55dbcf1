// The local stand-in for Supabase Storage (storage-api): the subset of its HTTP API that
// supabase-js v2's storage client uses, served in-process behind the gateway's /storage/v1.
// As in the real service, authorisation is the database's: every request's JWT role and
// claims are applied in a transaction (`set local role`, `request.jwt.claims`) and the
// storage.objects / storage.buckets rows are read and written as that role, so the RLS
// policies in the migrations decide. Bytes live on disk under cfg.storageDir/<bucket>/<name>.
// Errors mirror storage-api: HTTP 400 (500 for server faults) with the real code in the body,
// e.g. { statusCode: "404", error: "not_found", message: "Object not found" }.
// Insider controls beyond storage-api (issue 12): an object never moves or is copied to another
// bucket (a private document must not land in the public one; a trigger refuses it in SQL too);
// signed URLs live at most STORAGE_SIGNED_URL_MAX_SECONDS (default 3600) and carry their
// signer, who must still be allowed to read the object when the URL is used (a signer
// deactivated since is refused); every read of a private object (download, a signed URL made
// or used) is audited through public.storage_read_audit(), called as the reader (or the
// signer); SVG and other active content is served as an attachment under
// `Content-Security-Policy: default-src 'none'`, so a script inside never runs on this origin.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import pg from 'pg';
import { DB_PASSWORD, type StackConfig } from './config.ts';
import type { Logger } from './log.ts';
import { closeServer, listen } from './http-server.ts';

/** storage-api's default global upload limit (50 MB, as `supabase start` configures it). */
const GLOBAL_FILE_SIZE_LIMIT = 50 * 1024 * 1024;
const JSON_BODY_LIMIT = 1024 * 1024;
/** Room for multipart boundaries and fields on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
const SIGNED_UPLOAD_TTL_S = 2 * 60 * 60;
/** The longest a signed download URL lives (a request for longer gets this). */
const SIGNED_URL_MAX_S = Math.max(1, Number(process.env.STORAGE_SIGNED_URL_MAX_SECONDS) || 60 * 60);
/** Types a browser would run script in: served as a download under a CSP that allows nothing. */
const ACTIVE_CONTENT = /^(image\/svg\+xml|text\/html|application\/xhtml\+xml|text\/xml|application\/xml)\b/i;
const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The characters storage-api accepts in object keys and bucket names (ASCII only; anything
// else is refused there too, so names that work here also work on a hosted project).
const KEY_RE = /^[\w/!\-.*'() &$@=;:+,?]+$/;
const BUCKET_RE = /^[\w!\-.*'() &$@=;:+,?]+$/;

class StorageError extends Error {
  constructor(
    readonly statusCode: string,
    readonly error: string,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const E = {
  noSuchBucket: () => new StorageError('404', 'Bucket not found', 'Bucket not found', 'NoSuchBucket'),
  noSuchKey: () => new StorageError('404', 'not_found', 'Object not found', 'NoSuchKey'),
  accessDenied: (msg: string) => new StorageError('403', 'Unauthorized', msg, 'AccessDenied'),
  duplicate: (code = 'KeyAlreadyExists') => new StorageError('409', 'Duplicate', 'The resource already exists', code),
  tooLarge: () =>
    new StorageError('413', 'Payload too large', 'The object exceeded the maximum allowed size', 'EntityTooLarge'),
  invalidMime: (m: string) => new StorageError('415', 'invalid_mime_type', `mime type ${m} is not supported`, 'InvalidMimeType'),
  invalidKey: (k: string) => new StorageError('400', 'InvalidKey', `Invalid key: ${k}`, 'InvalidKey'),
  invalidBucketName: () => new StorageError('400', 'Invalid Input', 'Bucket name invalid', 'InvalidBucketName'),
  invalidJwt: (msg: string) => new StorageError('400', 'InvalidJWT', msg, 'InvalidJWT'),
  invalidSignature: () => new StorageError('400', 'InvalidSignature', 'The url do not match the signature', 'InvalidSignature'),
  missing: (what: string) => new StorageError('400', 'MissingParameter', `Missing Required Parameter ${what}`, 'MissingParameter'),
  invalid: (msg: string) => new StorageError('400', 'InvalidRequest', msg, 'InvalidRequest'),
  crossBucket: () => new StorageError('403', 'Unauthorized', 'Objects cannot be moved or copied to another bucket', 'AccessDenied'),
  notEmpty: () => new StorageError('409', 'InvalidRequest', 'The bucket you tried to delete is not empty', 'ResourceNotEmpty'),
  internal: () => new StorageError('500', 'Internal', 'Internal Server Error', 'InternalError'),
  unavailable: () =>
    new StorageError('503', 'Service Unavailable', 'The database is briefly unavailable; try again in a moment', 'DatabaseError'),
};

/** The database is down or restarting (refused, cut off, shutting down, starting up). */
function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && (/^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(String((e as Error)?.message));
}

interface Claims extends JWTPayload {
  role: string;
}

interface BucketRow {
  id: string;
  name: string;
  owner: string | null;
  public: boolean;
  file_size_limit: string | number | null;
  allowed_mime_types: string[] | null;
  created_at: Date;
  updated_at: Date;
}

interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  metadata: ObjectMetadata | null;
  user_metadata: unknown;
  version: string | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
}

interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

interface Upload {
  bytes: Buffer;
  mimetype: string;
  cacheControl: string;
  userMetadata: unknown;
}

type Db = pg.PoolClient;

const OBJECT_COLUMNS = 'id, bucket_id, name, owner, owner_id, metadata, user_metadata, version, created_at, updated_at, last_accessed_at';
const BUCKET_COLUMNS = 'id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at';

function bucketJson(b: BucketRow) {
  return { ...b, file_size_limit: b.file_size_limit === null ? null : Number(b.file_size_limit) };
}

/** storage-api accepts a byte count or a size string such as '5MB'. */
function parseFileSizeLimit(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return Math.floor(v);
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)?$/i.exec(v.trim()) : null;
  if (!m) throw E.invalid('Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B');
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(m[2] ?? 'B').toUpperCase() as 'B'];
  return Math.floor(Number(m[1]) * unit);
}

/** Exact `type/subtype` match or a `type/*` wildcard, parameters included, as storage-api compares. */
function mimeAllowed(mime: string, allowed: string[] | null): boolean {
  if (!allowed || allowed.length === 0) return true;
  const [type, sub] = mime.split('/');
  if (!type || sub === undefined) return false;
  return allowed.some((a) => {
    const [t, s] = a.split('/');
    return t === type && (s === '*' || s === sub);
  });
}

function checkKey(key: string): void {
  const segs = key.split('/');
  if (!key || !KEY_RE.test(key) || segs.some((s) => s === '' || s === '.' || s === '..')) throw E.invalidKey(key);
}

function checkBucketName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !name || name.startsWith('.') || name.length > 100 || !BUCKET_RE.test(name)) {
    throw E.invalidBucketName();
  }
}

function mapDbError(e: unknown): unknown {
  if (e instanceof StorageError) return e;
  const { code, message } = e as { code?: string; message?: string };
  if (code === '42501' && message === 'not_permitted') return E.accessDenied('You may not read this object');
  if (code === '42501') return E.accessDenied('new row violates row-level security policy');
  // refusals of the SQL functions called here (app.fail): a stable code in the message
  if (code === 'P0001' && message === 'not_found') return E.noSuchKey();
  if (code === 'P0001' && message && /^[a-z][a-z0-9_]*$/.test(message)) return E.invalid(message);
  if (code === '23505') return E.duplicate();
  if (code === '23503') return E.noSuchBucket();
  return e;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(E.tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(E.tooLarge()); // keep draining so the client sees the answer, not a reset
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req, JSON_BODY_LIMIT);
  if (raw.length === 0) return {};
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    throw E.invalid('Body is not valid JSON');
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, e: StorageError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // storage-api answers most refusals with HTTP 400 and the real status in the body
  sendJson(res, e.statusCode === '500' || e.statusCode === '503' ? Number(e.statusCode) : 400, {
    statusCode: e.statusCode,
    code: e.code,
    error: e.error,
    message: e.message,
  });
}

function decodePath(p: string): string {
  try {
    return p.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw E.invalidKey(p);
  }
}

export function createStorageHandler(
  cfg: StackConfig,
  log: Logger,
): { handle(req: IncomingMessage, res: ServerResponse, subpath: string): void; close(): Promise<void> } {
  const secret = new TextEncoder().encode(cfg.jwtSecret);
  const pool = new pg.Pool({
    host: cfg.host,
    port: cfg.dbPort,
    user: 'postgres',
    password: DB_PASSWORD,
    database: 'postgres',
    max: 10,
  });
  pool.on('error', (e) => log.error(`storage db pool: ${e.message}`));
  const root = path.resolve(cfg.storageDir);
  const tmpDir = path.join(root, '.tmp');

  function filePath(bucket: string, key: string): string {
    const p = path.resolve(root, bucket, key);
    // Keys are validated already; this guards the file system whatever slips through.
    if (!p.startsWith(path.join(root, bucket) + path.sep)) throw E.invalidKey(key);
    return p;
  }

  async function claimsOf(req: IncomingMessage): Promise<Claims> {
    const auth = header(req, 'authorization');
    if (!auth) throw new StorageError('400', 'Bad Request', "headers must have required property 'authorization'", 'InvalidRequest');
    const token = auth.replace(/^Bearer\s+/i, '');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] }));
    } catch (e) {
      throw E.accessDenied((e as Error).message || 'Invalid JWT');
    }
    const role = typeof payload.role === 'string' ? payload.role : 'anon';
    // Only the API roles may be assumed: the token decides the role, never the client's wish.
    if (!API_ROLES.has(role)) throw E.accessDenied(`role ${role} is not permitted`);
    return { ...payload, role };
  }

  /** Runs `fn` in one transaction as the caller: RLS on storage.* decides what it sees and writes. */
  async function asCaller<T>(claims: Claims, fn: (db: Db) => Promise<T>): Promise<T> {
    const db = await pool.connect();
    try {
      await db.query('begin');
      await db.query(`set local role ${claims.role}`); // one of API_ROLES, checked in claimsOf
      await db.query(
        `select set_config('request.jwt.claims', $1, true), set_config('request.jwt.claim.role', $2, true),
                set_config('request.jwt.claim.sub', $3, true), set_config('statement_timeout', '8s', true)`,
        [JSON.stringify(claims), claims.role, typeof claims.sub === 'string' ? claims.sub : ''],
      );
      const out = await fn(db);
      await db.query('commit');
      return out;
    } catch (e) {
      await db.query('rollback').catch(() => {});
      throw mapDbError(e);
    } finally {
      db.release();
    }
  }

  /** The service's own (superuser) connection, for what storage-api also does without RLS. */
  async function asService<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const db = await pool.connect();
    try {
      await db.query('begin');
      const out = await fn(db);
      await db.query('commit');
      return out;
    } catch (e) {
      await db.query('rollback').catch(() => {});
      throw mapDbError(e);
    } finally {
      db.release();
    }
  }

  async function findBucket(id: string): Promise<BucketRow> {
    const { rows } = await pool.query<BucketRow>(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id]);
    if (!rows[0]) throw E.noSuchBucket();
    return rows[0];
  }

  async function findObject(db: Db, bucket: string, key: string): Promise<ObjectRow> {
    const { rows } = await db.query<ObjectRow>(
      `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
      [bucket, key],
    );
    if (!rows[0]) throw E.noSuchKey();
    return rows[0];
  }

  async function signToken(payload: JWTPayload, expiresIn: number): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(secret);
  }

  async function verifyUrlToken(token: string | null, bucket: string, key: string): Promise<JWTPayload> {
    if (!token) throw E.missing('token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] }));
    } catch (e) {
      throw E.invalidJwt(e instanceof joseErrors.JWTExpired ? 'jwt expired' : (e as Error).message || 'Invalid JWT');
    }
    if (payload.url !== `${bucket}/${key}`) throw E.invalidSignature();
    return payload;
  }

  /** A signed URL's token: the object, and who signed it (their reads are checked again on use). */
  function signedUrl(bucket: string, key: string, claims: Claims, expiresIn: number): Promise<string> {
    const signer = claims.role === 'service_role' ? { role: 'service_role' } : { role: claims.role, sub: claims.sub };
    return signToken({ url: `${bucket}/${key}`, signer }, Math.min(expiresIn, SIGNED_URL_MAX_S));
  }

  /**
   * Audits a read of a private object as the reader (storage_read_audit refuses a reader who may
   * not read it: not staff any more, outside their regions). Public buckets are not audited.
   */
  async function auditRead(db: Db, bucket: BucketRow, key: string, via: string, expiresIn: number | null = null): Promise<void> {
    if (bucket.public) return;
    await db.query('select public.storage_read_audit($1, $2, $3, $4)', [bucket.id, key, via, expiresIn]);
  }

  /** A download as the caller: RLS decides, and a GET of a private object is audited. */
  async function readAsCaller(claims: Claims, bucketId: string, key: string, method: string): Promise<ObjectRow> {
    const b = await findBucket(bucketId).catch(() => null);
    return asCaller(claims, async (db) => {
      const obj = await findObject(db, bucketId, key);
      if (b && method === 'GET') await auditRead(db, b, key, 'download');
      return obj;
    });
  }

  // ---- uploads -------------------------------------------------------------------------

  async function readUpload(req: IncomingMessage, bucket: BucketRow): Promise<Upload> {
    const limit = Math.min(bucket.file_size_limit === null ? GLOBAL_FILE_SIZE_LIMIT : Number(bucket.file_size_limit), GLOBAL_FILE_SIZE_LIMIT);
    const contentType = header(req, 'content-type') ?? '';
    let upload: Upload;
    if (/^multipart\/form-data/i.test(contentType)) {
      const raw = await readBody(req, limit + MULTIPART_OVERHEAD);
      let form: FormData;
      try {
        form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
      } catch {
        throw E.invalid('Invalid multipart body');
      }
      let file: File | undefined;
      for (const [, v] of form.entries()) {
        if (typeof v !== 'string') {
          file = v;
          break;
        }
      }
      if (!file) throw E.invalid('No content provided');
      const cache = form.get('cacheControl');
      const meta = form.get('metadata');
      upload = {
        bytes: Buffer.from(await file.arrayBuffer()),
        mimetype: file.type || 'application/octet-stream',
        cacheControl: typeof cache === 'string' && cache ? `max-age=${cache}` : 'no-cache',
        userMetadata: typeof meta === 'string' ? parseMetadata(meta) : null,
      };
    } else {
      const xMeta = header(req, 'x-metadata');
      upload = {
        bytes: await readBody(req, limit),
        mimetype: contentType || 'text/plain',
        cacheControl: header(req, 'cache-control') ?? 'no-cache',
        userMetadata: xMeta ? parseMetadata(Buffer.from(xMeta, 'base64').toString('utf8')) : null,
      };
    }
    if (upload.bytes.length > limit) throw E.tooLarge();
    if (!mimeAllowed(upload.mimetype, bucket.allowed_mime_types)) throw E.invalidMime(upload.mimetype);
    return upload;
  }

  function parseMetadata(s: string): unknown {
    try {
      return JSON.parse(s);
    } catch {
      throw E.invalid('Invalid metadata');
    }
  }

  /**
   * Writes the bytes to a temp file, then inserts/upserts the row (as the caller or as the
   * service) and moves the file into place inside that transaction, so a refused row never
   * leaves a file behind and a file never appears without its row.
   */
  async function store(
    run: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
    bucket: string,
    key: string,
    up: Upload,
    owner: string | undefined,
    upsert: boolean,
  ): Promise<{ Key: string; Id: string }> {
    const target = filePath(bucket, key);
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    await fs.writeFile(tmp, up.bytes);
    const metadata: ObjectMetadata = {
      eTag: `"${createHash('md5').update(up.bytes).digest('hex')}"`,
      size: up.bytes.length,
      mimetype: up.mimetype,
      cacheControl: up.cacheControl,
      lastModified: new Date().toISOString(),
      contentLength: up.bytes.length,
      httpStatusCode: 200,
    };
    const ownerUuid = owner && UUID_RE.test(owner) ? owner : null;
    try {
      const id = await run(async (db) => {
        const { rows } = await db.query<{ id: string }>(
          `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
           values ($1, $2, $3, $4, $5, $6, $7)
           ${upsert ? `on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id,
             metadata = excluded.metadata, user_metadata = excluded.user_metadata, version = excluded.version,
             last_accessed_at = now()` : ''}
           returning id`,
          [bucket, key, ownerUuid, owner ?? null, metadata, up.userMetadata === null ? null : JSON.stringify(up.userMetadata), randomUUID()],
        );
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(tmp, target);
        return rows[0].id;
      });
      return { Key: `${bucket}/${key}`, Id: id };
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }

  // ---- downloads -----------------------------------------------------------------------

  async function sendObject(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, obj: ObjectRow): Promise<void> {
    const file = filePath(obj.bucket_id, obj.name);
    let size: number;
    try {
      size = (await fs.stat(file)).size;
    } catch {
      throw E.noSuchKey();
    }
    const meta = obj.metadata;
    const headers: Record<string, string | number> = {
      'Content-Type': meta?.mimetype ?? 'application/octet-stream',
      'Cache-Control': meta?.cacheControl ?? 'no-cache',
      'Last-Modified': (obj.updated_at ?? new Date()).toUTCString(),
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
    };
    if (meta?.eTag) headers.ETag = meta.eTag;
    const active = ACTIVE_CONTENT.test(String(headers['Content-Type']));
    if (query.has('download') || active) {
      const name = query.get('download') || path.posix.basename(obj.name);
      headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
    }
    if (active) headers['Content-Security-Policy'] = "default-src 'none'; sandbox";
    if (meta?.eTag && header(req, 'if-none-match') === meta.eTag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    let start = 0;
    let end = size - 1;
    let status = 200;
    const range = /^bytes=(\d*)-(\d*)$/.exec(header(req, 'range') ?? '');
    if (range && size > 0 && (range[1] || range[2])) {
      if (range[1]) {
        start = Number(range[1]);
        if (range[2]) end = Math.min(Number(range[2]), size - 1);
      } else {
        start = Math.max(0, size - Number(range[2]));
      }
      if (start > end || start >= size) {
        throw new StorageError('400', 'invalid_range', 'invalid range provided', 'InvalidRange');
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return;
    }
    const stream = createReadStream(file, { start, end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function removeFiles(bucket: string, names: string[]): Promise<void> {
    for (const n of names) {
      try {
        await fs.rm(filePath(bucket, n), { force: true });
      } catch {
        /* already gone */
      }
    }
  }

  // ---- routes --------------------------------------------------------------------------

  async function route(req: IncomingMessage, res: ServerResponse, subpath: string): Promise<void> {
    const method = req.method ?? 'GET';
    const q = subpath.indexOf('?');
    const rawPath = q === -1 ? subpath : subpath.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : subpath.slice(q + 1));
    const p = rawPath.replace(/\/+$/, '') || '/';
    let m: RegExpExecArray | null;

    // -- buckets
    if (p === '/bucket') {
      if (method === 'GET') {
        const claims = await claimsOf(req);
        const sortCol = ['id', 'name', 'created_at', 'updated_at'].includes(query.get('sortColumn') ?? '') ? query.get('sortColumn')! : 'name';
        const sortDir = query.get('sortOrder') === 'desc' ? 'desc' : 'asc';
        const limit = Number(query.get('limit')) > 0 ? Number(query.get('limit')) : null;
        const offset = Number(query.get('offset')) > 0 ? Number(query.get('offset')) : 0;
        const search = query.get('search') ?? '';
        const rows = await asCaller(claims, async (db) =>
          (await db.query<BucketRow>(
            `select ${BUCKET_COLUMNS} from storage.buckets where ($1 = '' or name ilike '%' || $1 || '%')
             order by ${sortCol} ${sortDir} limit $2 offset $3`,
            [search, limit, offset],
          )).rows,
        );
        sendJson(res, 200, rows.map(bucketJson));
        return;
      }
      if (method === 'POST') {
        const claims = await claimsOf(req);
        const body = await readJson(req);
        const name = body.name ?? body.id;
        checkBucketName(name);
        const id = typeof body.id === 'string' && body.id ? body.id : name;
        checkBucketName(id);
        const limit = parseFileSizeLimit(body.file_size_limit);
        const mimes = Array.isArray(body.allowed_mime_types) ? body.allowed_mime_types.map(String) : null;
        try {
          await asCaller(claims, (db) =>
            db.query(
              `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
               values ($1, $2, $3, $4, $5, $6, $7)`,
              [id, name, typeof claims.sub === 'string' && UUID_RE.test(claims.sub) ? claims.sub : null,
                typeof claims.sub === 'string' ? claims.sub : null, body.public === true, limit, mimes],
            ),
          );
        } catch (e) {
          throw e instanceof StorageError && e.statusCode === '409' ? E.duplicate('BucketAlreadyExists') : e;
        }
        sendJson(res, 200, { name: id });
        return;
      }
    }
    if ((m = /^\/bucket\/([^/]+)(\/empty)?$/.exec(p))) {
      const id = decodeURIComponent(m[1]);
      const claims = await claimsOf(req);
      if (!m[2] && method === 'GET') {
        const row = await asCaller(claims, async (db) =>
          (await db.query<BucketRow>(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id])).rows[0]);
        if (!row) throw E.noSuchBucket();
        sendJson(res, 200, bucketJson(row));
        return;
      }
      if (!m[2] && method === 'PUT') {
        const body = await readJson(req);
        const hasLimit = 'file_size_limit' in body && body.file_size_limit !== undefined;
        const limit = parseFileSizeLimit(body.file_size_limit);
        const hasMimes = 'allowed_mime_types' in body && body.allowed_mime_types !== undefined;
        const mimes = Array.isArray(body.allowed_mime_types) ? body.allowed_mime_types.map(String) : null;
        const n = await asCaller(claims, async (db) =>
          (await db.query(
            `update storage.buckets set public = coalesce($2, public),
               file_size_limit = case when $3 then $4 else file_size_limit end,
               allowed_mime_types = case when $5 then $6 else allowed_mime_types end,
               updated_at = now()
             where id = $1`,
            [id, typeof body.public === 'boolean' ? body.public : null, hasLimit, limit, hasMimes, mimes],
          )).rowCount);
        if (!n) throw E.noSuchBucket();
        sendJson(res, 200, { message: 'Successfully updated' });
        return;
      }
      if (m[2] && method === 'POST') {
        req.resume();
        await findBucket(id);
        const names = await asCaller(claims, async (db) =>
          (await db.query<{ name: string }>('delete from storage.objects where bucket_id = $1 returning name', [id])).rows.map((r) => r.name));
        await removeFiles(id, names);
        sendJson(res, 200, { message: 'Successfully emptied' });
        return;
      }
      if (!m[2] && method === 'DELETE') {
        req.resume();
        await asCaller(claims, async (db) => {
          const visible = (await db.query('select 1 from storage.buckets where id = $1', [id])).rowCount;
          if (!visible) throw E.noSuchBucket();
          // Counted without RLS, as storage-api does: hidden objects still keep a bucket alive.
          const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from storage.objects where bucket_id = $1', [id]);
          if (rows[0].n > 0) throw E.notEmpty();
          const n = (await db.query('delete from storage.buckets where id = $1', [id])).rowCount;
          if (!n) throw E.accessDenied('new row violates row-level security policy');
        });
        await fs.rm(path.join(root, id), { recursive: true, force: true });
        sendJson(res, 200, { message: 'Successfully deleted' });
        return;
      }
    }

    // -- object routes with fixed prefixes
    if (p === '/object/move' || p === '/object/copy') {
      if (method !== 'POST') return notFound(req, res, rawPath);
      const claims = await claimsOf(req);
      const body = await readJson(req);
      const src = String(body.bucketId ?? '');
      const dst = typeof body.destinationBucket === 'string' && body.destinationBucket ? body.destinationBucket : src;
      const from = String(body.sourceKey ?? '');
      const to = String(body.destinationKey ?? '');
      if (!src) throw E.missing('bucketId');
      if (!from) throw E.missing('sourceKey');
      if (!to) throw E.missing('destinationKey');
      checkKey(from);
      checkKey(to);
      await findBucket(src);
      // never across buckets: a private document must not land in a public bucket
      if (dst !== src) throw E.crossBucket();
      const fromFile = filePath(src, from);
      const toFile = filePath(dst, to);
      if (p === '/object/move') {
        await asCaller(claims, async (db) => {
          const n = (await db.query(
            `update storage.objects set bucket_id = $3, name = $4, last_accessed_at = now()
             where bucket_id = $1 and name = $2`,
            [src, from, dst, to],
          )).rowCount;
          if (!n) throw E.noSuchKey();
          await fs.mkdir(path.dirname(toFile), { recursive: true });
          await fs.rename(fromFile, toFile);
        });
        sendJson(res, 200, { message: 'Successfully moved' });
      } else {
        const upsert = header(req, 'x-upsert') === 'true';
        const out = await asCaller(claims, async (db) => {
          const obj = await findObject(db, src, from);
          const owner = typeof claims.sub === 'string' ? claims.sub : null;
          const { rows } = await db.query<{ id: string }>(
            `insert into storage.objects (bucket_id, name, owner, owner_id, metadata, user_metadata, version)
             values ($1, $2, $3, $4, $5, $6, $7)
             ${upsert ? `on conflict (bucket_id, name) do update set metadata = excluded.metadata,
               user_metadata = excluded.user_metadata, version = excluded.version` : ''}
             returning id`,
            [dst, to, owner && UUID_RE.test(owner) ? owner : null, owner, obj.metadata,
              obj.user_metadata === null ? null : JSON.stringify(obj.user_metadata), randomUUID()],
          );
          await fs.mkdir(path.dirname(toFile), { recursive: true });
          await fs.copyFile(fromFile, toFile);
          return { Id: rows[0].id, Key: `${dst}/${to}` };
        });
        sendJson(res, 200, out);
      }
      return;
    }

    if ((m = /^\/object\/list\/([^/]+)$/.exec(p)) && method === 'POST') {
      const bucket = decodeURIComponent(m[1]);
      const claims = await claimsOf(req);
      const body = await readJson(req);
      let prefix = typeof body.prefix === 'string' ? body.prefix.replace(/^\/+/, '') : '';
      if (prefix && !prefix.endsWith('/')) prefix += '/';
      const levels = prefix ? prefix.split('/').length : 1;
      const limit = Number(body.limit) > 0 ? Math.floor(Number(body.limit)) : 100;
      const offset = Number(body.offset) > 0 ? Math.floor(Number(body.offset)) : 0;
      const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
      const rows = await asCaller(claims, async (db) =>
        (await db.query(
          'select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)',
          [prefix, bucket, limit, levels, offset, typeof body.search === 'string' ? body.search : '',
            typeof sortBy.column === 'string' ? sortBy.column : 'name', typeof sortBy.order === 'string' ? sortBy.order : 'asc'],
        )).rows,
      );
      sendJson(res, 200, rows);
      return;
    }

    if ((m = /^\/object\/sign\/([^/]+)$/.exec(p)) && method === 'POST') {
      const bucket = decodeURIComponent(m[1]);
      const claims = await claimsOf(req);
      const body = await readJson(req);
      const expiresIn = Number(body.expiresIn);
      if (!Array.isArray(body.paths)) throw E.missing('paths');
      if (!(expiresIn >= 1)) throw E.missing('expiresIn');
      const paths = body.paths.map(String);
      const b = await findBucket(bucket);
      const found = await asCaller(claims, async (db) => {
        const names = new Set((await db.query<{ name: string }>(
          'select name from storage.objects where bucket_id = $1 and name = any($2)', [bucket, paths],
        )).rows.map((r) => r.name));
        for (const n of names) await auditRead(db, b, n, 'signed_url_created', Math.min(expiresIn, SIGNED_URL_MAX_S));
        return names;
      });
      const out = await Promise.all(paths.map(async (p2: string) =>
        found.has(p2)
          ? { error: null, path: p2, signedURL: `/object/sign/${bucket}/${p2}?token=${await signedUrl(bucket, p2, claims, expiresIn)}` }
          : { error: 'Either the object does not exist or you do not have access to it', path: p2, signedURL: null }));
      sendJson(res, 200, out);
      return;
    }

    if ((m = /^\/object\/sign\/([^/]+)\/(.+)$/.exec(p))) {
      const bucket = decodeURIComponent(m[1]);
      const key = decodePath(m[2]);
      if (method === 'POST') {
        const claims = await claimsOf(req);
        const body = await readJson(req);
        const expiresIn = Number(body.expiresIn);
        if (!(expiresIn >= 1)) throw E.missing('expiresIn');
        const b = await findBucket(bucket);
        await asCaller(claims, async (db) => {
          await findObject(db, bucket, key);
          await auditRead(db, b, key, 'signed_url_created', Math.min(expiresIn, SIGNED_URL_MAX_S));
        });
        const token = await signedUrl(bucket, key, claims, expiresIn);
        sendJson(res, 200, { signedURL: `/object/sign/${bucket}/${key}?token=${token}` });
        return;
      }
      if (method === 'GET' || method === 'HEAD') {
        req.resume();
        const payload = await verifyUrlToken(query.get('token'), bucket, key);
        const b = await findBucket(bucket);
        let obj: ObjectRow;
        if (b.public) {
          obj = await asService((db) => findObject(db, bucket, key));
        } else {
          // the signer must still be allowed to read it (active staff, in region): read and audit as them
          const signer = (payload.signer ?? {}) as { role?: unknown; sub?: unknown };
          if (signer.role !== 'service_role' && !(signer.role === 'authenticated' && typeof signer.sub === 'string')) {
            throw E.accessDenied('The URL was not signed by anyone who may read the object');
          }
          const signerClaims: Claims = signer.role === 'service_role' ? { role: 'service_role' } : { role: 'authenticated', sub: signer.sub as string };
          obj = await asCaller(signerClaims, async (db) => {
            const o = await findObject(db, bucket, key);
            if (method === 'GET') await auditRead(db, b, key, 'signed_url');
            return o;
          });
        }
        await sendObject(req, res, query, obj);
        return;
      }
    }

    if ((m = /^\/object\/upload\/sign\/([^/]+)\/(.+)$/.exec(p))) {
      const bucketId = decodeURIComponent(m[1]);
      const key = decodePath(m[2]);
      checkKey(key);
      if (method === 'POST') {
        // Refuse now what the later upload would be refused: try the insert as the caller, roll back.
        const claims = await claimsOf(req);
        req.resume();
        await findBucket(bucketId);
        const upsert = header(req, 'x-upsert') === 'true';
        const owner = typeof claims.sub === 'string' ? claims.sub : undefined;
        const probe = new Error('probe');
        await asCaller(claims, async (db) => {
          await db.query(
            `insert into storage.objects (bucket_id, name, owner, owner_id) values ($1, $2, $3, $4)
             ${upsert ? 'on conflict (bucket_id, name) do update set owner_id = excluded.owner_id' : ''}`,
            [bucketId, key, owner && UUID_RE.test(owner) ? owner : null, owner ?? null],
          );
          throw probe;
        }).catch((e: unknown) => {
          if (e !== probe) throw e;
        });
        const token = await signToken({ url: `${bucketId}/${key}`, owner, upsert }, SIGNED_UPLOAD_TTL_S);
        sendJson(res, 200, { url: `/object/upload/sign/${bucketId}/${key}?token=${token}`, token });
        return;
      }
      if (method === 'PUT') {
        const payload = await verifyUrlToken(query.get('token'), bucketId, key).catch((e: unknown) => {
          req.resume();
          throw e;
        });
        const bucket = await findBucket(bucketId).catch((e: unknown) => {
          req.resume();
          throw e;
        });
        const up = await readUpload(req, bucket);
        const out = await store(asService, bucketId, key, up, typeof payload.owner === 'string' ? payload.owner : undefined, payload.upsert === true);
        sendJson(res, 200, out);
        return;
      }
    }

    if ((m = /^\/object\/info\/(?:(?:public|authenticated)\/)?([^/]+)\/(.+)$/.exec(p)) && method === 'GET') {
      const bucket = decodeURIComponent(m[1]);
      const key = decodePath(m[2]);
      const obj = p.startsWith('/object/info/public/')
        ? await (async () => {
          const b = await findBucket(bucket);
          if (!b.public) throw E.noSuchBucket();
          return asService((db) => findObject(db, bucket, key));
        })()
        : await asCaller(await claimsOf(req), (db) => findObject(db, bucket, key));
      sendJson(res, 200, {
        id: obj.id,
        name: obj.name,
        version: obj.version,
        bucket_id: obj.bucket_id,
        size: obj.metadata?.size ?? null,
        content_type: obj.metadata?.mimetype ?? null,
        cache_control: obj.metadata?.cacheControl ?? null,
        etag: obj.metadata?.eTag ?? null,
        metadata: obj.user_metadata ?? null,
        last_modified: obj.updated_at,
        created_at: obj.created_at,
      });
      return;
    }

    if ((m = /^\/object\/public\/([^/]+)\/(.+)$/.exec(p)) && (method === 'GET' || method === 'HEAD')) {
      req.resume();
      const bucket = decodeURIComponent(m[1]);
      const key = decodePath(m[2]);
      const b = await findBucket(bucket);
      // Private buckets answer as if they did not exist, as storage-api does.
      if (!b.public) throw E.noSuchBucket();
      const obj = await asService((db) => findObject(db, bucket, key));
      await sendObject(req, res, query, obj);
      return;
    }

    if ((m = /^\/object\/authenticated\/([^/]+)\/(.+)$/.exec(p)) && (method === 'GET' || method === 'HEAD')) {
      req.resume();
      const claims = await claimsOf(req);
      const obj = await readAsCaller(claims, decodeURIComponent(m[1]), decodePath(m[2]), method);
      await sendObject(req, res, query, obj);
      return;
    }

    // -- /object/{bucket} and /object/{bucket}/{name}
    if ((m = /^\/object\/([^/]+)$/.exec(p)) && method === 'DELETE') {
      const bucket = decodeURIComponent(m[1]);
      const claims = await claimsOf(req);
      const body = await readJson(req);
      if (!Array.isArray(body.prefixes) || body.prefixes.length === 0) throw E.missing('prefixes');
      if (body.prefixes.length > 1000) throw E.invalid('Maximum 1000 prefixes allowed');
      const names = body.prefixes.map(String);
      const rows = await asCaller(claims, async (db) =>
        (await db.query<ObjectRow>(
          `delete from storage.objects where bucket_id = $1 and name = any($2) returning ${OBJECT_COLUMNS}`,
          [bucket, names],
        )).rows);
      await removeFiles(bucket, rows.map((r) => r.name));
      sendJson(res, 200, rows);
      return;
    }

    if ((m = /^\/object\/([^/]+)\/(.+)$/.exec(p))) {
      const bucketId = decodeURIComponent(m[1]);
      const key = decodePath(m[2]);
      if (method === 'GET' || method === 'HEAD') {
        req.resume();
        const claims = await claimsOf(req);
        const obj = await readAsCaller(claims, bucketId, key, method);
        await sendObject(req, res, query, obj);
        return;
      }
      if (method === 'POST' || method === 'PUT') {
        try {
          checkKey(key);
          const claims = await claimsOf(req);
          const bucket = await findBucket(bucketId);
          const up = await readUpload(req, bucket);
          const upsert = method === 'PUT' || header(req, 'x-upsert') === 'true';
          const owner = typeof claims.sub === 'string' ? claims.sub : undefined;
          const out = await store((fn) => asCaller(claims, fn), bucketId, key, up, owner, upsert);
          sendJson(res, 200, out);
        } finally {
          if (!req.complete) req.resume();
        }
        return;
      }
      if (method === 'DELETE') {
        req.resume();
        const claims = await claimsOf(req);
        const rows = await asCaller(claims, async (db) =>
          (await db.query<{ name: string }>('delete from storage.objects where bucket_id = $1 and name = $2 returning name',
            [bucketId, key])).rows);
        if (rows.length === 0) throw E.noSuchKey();
        await removeFiles(bucketId, [key]);
        sendJson(res, 200, { message: 'Successfully deleted' });
        return;
      }
    }

    notFound(req, res, rawPath);
  }

  function notFound(req: IncomingMessage, res: ServerResponse, rawPath: string): void {
    req.resume();
    // fastify's own 404 shape, which storage-api returns for unknown routes
    sendJson(res, 404, { message: `Route ${req.method}:${rawPath} not found`, error: 'Not Found', statusCode: 404 });
  }

  return {
    handle(req, res, subpath) {
      route(req, res, subpath).catch((e: unknown) => {
        if (!req.complete) req.resume();
        if (e instanceof StorageError) {
          log.debug(`${req.method} ${subpath}: ${e.statusCode} ${e.message}`);
          sendError(res, e);
        } else if (isConnectionError(e)) {
          log.error(`${req.method} ${subpath}: database unavailable (${(e as Error).message})`);
          sendError(res, E.unavailable());
        } else {
          log.error(`${req.method} ${subpath}: ${(e as Error).stack ?? String(e)}`);
          sendError(res, E.internal());
        }
      });
    },
    async close() {
      await pool.end();
    },
  };
}


/** The storage server on its own port; the gateway forwards /storage/v1/* to it with the prefix stripped. */
export async function startStorage(cfg: StackConfig, log: Logger): Promise<{ close(): Promise<void> }> {
  const storage = createStorageHandler(cfg, log);
  const server = http.createServer((req, res) => storage.handle(req, res, req.url ?? '/'));
  await listen(server, cfg.storagePort, cfg.host);
  log.info(`storage listening on http://${cfg.host}:${cfg.storagePort}`);
  return {
    async close() {
      await closeServer(server);
      await storage.close();
    },
  };
}
