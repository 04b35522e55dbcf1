// export: a list with its current filter, written on the server for lists too big for the
// browser. Any staff member; POST {
//   resource, view,              the list and the read view it reads (v_trades …)
//   filter,                      PostgREST filters as the list sends them ({ "status": "closed",
//                                "closed_at@gte": "…", "city_code": ["110100"] })
//   search?,                     the list's x-search header (the search box's words, hex)
//   columns: [{ source, label, kind?, words? }], file_name }
// → 202 { run_id } at once; the work goes on in the background (_shared/jobs.ts) and the
// job_runs row shows its progress. Rows are read through PostgREST with the caller's own token,
// so row-level security, region scope and the views' masking apply; in keyset pages (order by
// id, id > last) written line by line to a temporary file (never the whole file in memory),
// then streamed to the private `exports` bucket under <staff id>/<run id>.csv, recorded by
// export_record and handed out by the panel through a short-lived signed link.
// Cells are formatted by the browser exporter's own module (src/common/export/columns.ts:
// yuan from fen with integer arithmetic, Beijing times) and lines by csvLine.ts (formulas
// escaped, UTF-8 BOM).
import { cellText, type ExportColumn, type ExportKind } from '../../../src/common/export/columns.ts';
import { CSV_BOM, csvLine } from '../../../src/common/export/csvLine.ts';
import { anonKey, serviceKey, url } from '../_shared/clients.ts';
import { HttpError, json } from '../_shared/errors.ts';
import { onlyFields, readObject, stringField, type Body } from '../_shared/body.ts';
import { staffHandler, type Caller } from '../_shared/staffHandler.ts';
import { bearerToken } from '../_shared/serviceKey.ts';
import { failJob, finishJob, inBackground, jobProgress, startJob } from '../_shared/jobs.ts';

const PAGE = 1000;
const MAX_ROWS = 1_000_000;
const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const KINDS: ExportKind[] = ['text', 'number', 'money', 'datetime', 'date', 'boolean', 'percent'];
/** query parameters a filter may not set: the function decides what is read and in what order */
const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);
const OPS = new Set(['eq', 'gt', 'gte', 'lt', 'lte', 'neq', 'like', 'ilike', 'in', 'is', 'cs', 'cd', 'ov', 'fts', 'plfts', 'phfts', 'wfts', 'match', 'imatch']);

interface WireColumn { source: string; label: string; kind?: ExportKind; words?: Record<string, string> }

const invalid = (m: string) => new HttpError(400, 'invalid_input', m);

function parseColumns(v: unknown): WireColumn[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 80) throw invalid('columns: 1 to 80 columns');
  return v.map((c) => {
    const col = c as WireColumn;
    if (!col || typeof col !== 'object' || typeof col.source !== 'string' || !NAME.test(col.source)) throw invalid('a column needs a source field name');
    if (typeof col.label !== 'string' || col.label.length > 200) throw invalid('a column needs a label');
    if (col.kind !== undefined && !KINDS.includes(col.kind)) throw invalid(`unknown column kind ${String(col.kind)}`);
    if (col.words !== undefined && (typeof col.words !== 'object' || col.words === null || Object.values(col.words).some((w) => typeof w !== 'string'))) {
      throw invalid('words map codes to texts');
    }
    return { source: col.source, label: col.label, kind: col.kind, words: col.words };
  });
}

/** A value of a filter as PostgREST writes it in a list (`in.(…)`): quoted where needed. */
function listItem(v: unknown): string {
  const s = String(v);
  return /[,()"\s]/.test(s) ? `"${s.replace(/(["\\])/g, '\\$1')}"` : s;
}

/** The list's filter as PostgREST query parameters: `field@op` → field=op.value, arrays → in. */
export function filterParams(filter: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || value === null) continue;
    const [field, op = Array.isArray(value) ? 'in' : 'eq'] = key.split('@');
    if (!NAME.test(field) || RESERVED.has(field)) throw invalid(`filter field ${field} is not a column`);
    if (!OPS.has(op)) throw invalid(`filter operator ${op} is not supported`);
    if (Array.isArray(value)) {
      if (op === 'in') out.push([field, `in.(${value.map(listItem).join(',')})`]);
      else out.push([field, `${op}.{${value.map(listItem).join(',')}}`]);
    } else if (op === 'ilike' || op === 'like') {
      // as the list does: every word must match
      for (const word of String(value).trim().split(/\s+/)) out.push([field, `${op}.*${word}*`]);
    } else if (typeof value === 'object') {
      throw invalid(`filter ${key} is not a value`);
    } else {
      out.push([field, `${op}.${String(value)}`]);
    }
  }
  return out;
}

interface Job {
  caller: Caller;
  token: string;
  runId: string;
  view: string;
  resource: string;
  filter: Record<string, unknown>;
  search?: string;
  columns: WireColumn[];
  fileName: string;
}

async function readPage(job: Job, after: string | null, count: boolean): Promise<{ rows: Record<string, unknown>[]; total?: number }> {
  const q = new URLSearchParams();
  const fields = [...new Set(['id', ...job.columns.map((c) => c.source)])];
  q.set('select', fields.join(','));
  for (const [k, v] of filterParams(job.filter)) q.append(k, v);
  if (after !== null) q.append('id', `gt.${after}`);
  q.set('order', 'id.asc');
  q.set('limit', String(PAGE));
  const headers: Record<string, string> = { apikey: anonKey, Authorization: `Bearer ${job.token}`, Accept: 'application/json' };
  if (job.search) headers['x-search'] = job.search;
  if (count) headers.Prefer = 'count=estimated';
  const res = await fetch(`${url}/rest/v1/${job.view}?${q}`, { headers });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new HttpError(res.status, typeof body.message === 'string' && /^[a-z_]+$/.test(body.message) ? body.message : 'read_failed', body.message ?? res.statusText);
  }
  const total = Number(res.headers.get('Content-Range')?.split('/')[1]);
  return { rows: await res.json(), total: Number.isFinite(total) ? total : undefined };
}

/** The columns as the browser exporter runs them: codes through the words the panel sent. */
function exportColumns(wire: WireColumn[]): ExportColumn[] {
  return wire.map((c) =>
    c.words
      ? { source: c.source, label: c.label, value: (row) => { const v = row[c.source]; return v === null || v === undefined ? '' : (c.words![String(v)] ?? String(v)); } }
      : { source: c.source, label: c.label, kind: c.kind },
  );
}

async function run(job: Job): Promise<void> {
  const client = job.caller.client;
  const started = performance.now();
  let peakRss = Deno.memoryUsage().rss;
  const path = await Deno.makeTempFile({ prefix: 'export-', suffix: '.csv' });
  const encoder = new TextEncoder();
  try {
    const columns = exportColumns(job.columns);
    const texts = { yes: '是', no: '否' };
    const file = await Deno.open(path, { write: true, truncate: true });
    let rows = 0;
    let total: number | undefined;
    try {
      await file.write(encoder.encode(CSV_BOM + csvLine(columns.map((c) => c.label))));
      let after: string | null = null;
      let lastReport = 0;
      for (;;) {
        const page = await readPage(job, after, after === null);
        if (after === null) total = page.total;
        let chunk = '';
        for (const row of page.rows) chunk += csvLine(columns.map((c) => cellText(row, c, texts)));
        // write() may write less than asked
        const bytes = encoder.encode(chunk);
        for (let off = 0; off < bytes.length; ) off += await file.write(bytes.subarray(off));
        rows += page.rows.length;
        peakRss = Math.max(peakRss, Deno.memoryUsage().rss);
        if (page.rows.length < PAGE || rows >= MAX_ROWS) break;
        after = String(page.rows[page.rows.length - 1].id);
        if (performance.now() - lastReport > 500) {
          lastReport = performance.now();
          await jobProgress(client, job.runId, rows, total !== undefined ? Math.max(total, rows) : null);
        }
      }
    } finally {
      file.close();
    }
    const bytes = (await Deno.stat(path)).size;
    const objectPath = `${job.caller.userId}/${job.runId}.csv`;
    const upload = await Deno.open(path, { read: true });
    const res = await fetch(`${url}/storage/v1/object/exports/${objectPath}`, {
      method: 'POST',
      headers: { apikey: serviceKey, Authorization: `Bearer ${serviceKey}`, 'Content-Type': 'text/csv', 'Content-Length': String(bytes), 'x-upsert': 'true' },
      body: upload.readable,
      // a streamed request body (the file is never read whole)
      duplex: 'half',
    } as RequestInit);
    if (!res.ok) throw new HttpError(res.status, 'upload_failed', await res.text());
    const { data: auditId, error: auditError } = await client.rpc('export_record', {
      p_resource: job.resource, p_filter: job.filter, p_rows: rows, p_format: 'csv',
    });
    if (auditError) throw new HttpError(400, auditError.message, auditError.details ?? auditError.message);
    const ms = Math.round(performance.now() - started);
    await finishJob(client, job.runId, rows, {
      bucket: 'exports', path: objectPath, file_name: job.fileName, bytes, audit_id: auditId, ms,
      rows_per_second: ms > 0 ? Math.round((rows * 1000) / ms) : rows, peak_rss_bytes: peakRss,
      truncated: rows >= MAX_ROWS,
    });
  } catch (e) {
    await failJob(client, job.runId, e);
  } finally {
    await Deno.remove(path).catch(() => undefined);
  }
}

const FIELDS = ['resource', 'view', 'filter', 'search', 'columns', 'file_name'];

Deno.serve(
  staffHandler(['admin', 'reviewer', 'customer_service', 'finance', 'analyst'], async (req, caller) => {
    const body: Body = await readObject(req);
    onlyFields(body, FIELDS);
    const resource = stringField(body, 'resource', { required: true, max: 63 })!;
    const view = stringField(body, 'view', { required: true, max: 63 })!;
    if (!NAME.test(resource) || !NAME.test(view)) throw invalid('resource and view are names');
    const filter = (body.filter ?? {}) as Record<string, unknown>;
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw invalid('filter is an object');
    filterParams(filter); // refuses a bad filter now, not in the background
    const search = stringField(body, 'search', { max: 2000 });
    if (search !== undefined && !/^[0-9a-f]*$/.test(search)) throw invalid('search is hex');
    const columns = parseColumns(body.columns);
    const fileName = (stringField(body, 'file_name', { max: 100 }) ?? resource).replace(/[\\/:*?"<>|\s]+/g, '_');
    const runId = await startJob(caller.client, 'export', { resource, view, filter, file_name: fileName, ...(search ? { search: true } : {}) });
    const token = bearerToken(req)!;
    inBackground(run({ caller, token, runId, view, resource, filter, search, columns, fileName }));
    return json({ run_id: runId }, 202);
  }),
);
