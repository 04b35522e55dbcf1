// Storage through the gateway with the real supabase-js storage client: buckets and RLS
// policies (supabase/schemas/16_storage.sql), the seed images, public and signed URLs, size and
// type limits, the error shapes storage-api uses, and the insider controls: no move or copy
// across buckets, signed URLs capped and tied to their signer, private reads audited, SVG as an
// attachment, region-scoped reviewers and their own region's documents.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anonClient, as, db, serviceClient, stack } from '../support/stack.ts';
import { CITY_A, CITY_B, ensureRegions, makeMerchant, makeScopedStaff } from './core-fixtures.ts';

const RUN = randomUUID().slice(0, 8);
const svg = (label: string) =>
  new Blob([`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${label}</title></svg>`], { type: 'image/svg+xml' });
const REVIEWER_ID = '00000000-0000-4000-a000-000000000002';

/** Objects made by this file, removed at the end with the service key. */
const made: Array<[string, string]> = [];

async function fileOnDisk(bucket: string, name: string): Promise<boolean> {
  return existsSync(path.join((await stack()).storageDir, bucket, name));
}

/** The gateway wants an apikey on every /storage/v1 request; these URL tests check the storage side. */
async function fetchWithKey(url: string): Promise<Response> {
  const cfg = await stack();
  return fetch(url + (url.includes('?') ? '&' : '?') + `apikey=${cfg.anonKey}`);
}

afterAll(async () => {
  const svc = await serviceClient();
  const byBucket = new Map<string, string[]>();
  for (const [b, n] of made) byBucket.set(b, [...(byBucket.get(b) ?? []), n]);
  for (const [b, names] of byBucket) await svc.storage.from(b).remove(names);
});

describe('storage buckets', () => {
  it('staff see the four project buckets with their limits; anon sees none', async () => {
    const { data, error } = await (await as('analyst')).storage.listBuckets();
    expect(error).toBeNull();
    const byId = Object.fromEntries(data!.map((b) => [b.id, b]));
    expect(Object.keys(byId)).toEqual(expect.arrayContaining(['listing-photos', 'merchant-documents', 'complaint-attachments', 'statements']));
    expect(byId['listing-photos'].public).toBe(true);
    expect(byId['merchant-documents'].public).toBe(false);
    expect(byId['listing-photos'].file_size_limit).toBe(5 * 1024 * 1024);
    expect(byId['statements'].allowed_mime_types).toContain('text/csv');
    expect((await (await anonClient()).storage.listBuckets()).data).toEqual([]);
  });

  it('only service_role creates and deletes buckets; a bucket with objects is not deleted', async () => {
    const id = `tmp-${RUN}`;
    const refused = await (await as('admin')).storage.createBucket(id);
    expect(refused.error?.statusCode).toBe('403');

    const svc = await serviceClient();
    expect((await svc.storage.createBucket(id, { public: false })).data).toEqual({ name: id });
    expect((await svc.storage.createBucket(id)).error?.statusCode).toBe('409');
    expect((await svc.storage.getBucket(id)).data?.id).toBe(id);
    await svc.storage.from(id).upload('a.txt', 'x');
    const notEmpty = await svc.storage.deleteBucket(id);
    expect(notEmpty.error?.statusCode).toBe('409');
    expect((await svc.storage.emptyBucket(id)).error).toBeNull();
    expect((await svc.storage.deleteBucket(id)).data).toEqual({ message: 'Successfully deleted' });
    const gone = await svc.storage.getBucket(id);
    expect(gone.error?.statusCode).toBe('404');
    expect(gone.error?.message).toBe('Bucket not found');
  });
});

describe('objects as an allowed role', () => {
  it('reviewer uploads, downloads, lists and removes a listing photo', async () => {
    const rev = await as('reviewer');
    const name = `tests/${RUN}/front.svg`;
    const up = await rev.storage.from('listing-photos').upload(name, svg('front'));
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path: name, fullPath: `listing-photos/${name}`, id: expect.any(String) });
    expect(await fileOnDisk('listing-photos', name)).toBe(true);

    const pg = await db();
    const { rows } = await pg.query('select owner, metadata from storage.objects where bucket_id = $1 and name = $2', ['listing-photos', name]);
    await pg.end();
    expect(rows[0].owner).toBe(REVIEWER_ID);
    expect(rows[0].metadata).toMatchObject({ mimetype: 'image/svg+xml', size: expect.any(Number), eTag: expect.stringMatching(/^".+"$/) });

    const down = await rev.storage.from('listing-photos').download(name);
    expect(down.error).toBeNull();
    expect(await down.data!.text()).toContain('<title>front</title>');
    expect(down.data!.type).toBe('image/svg+xml');

    const list = await rev.storage.from('listing-photos').list(`tests/${RUN}`);
    expect(list.data?.map((o) => o.name)).toEqual(['front.svg']);
    const folders = await rev.storage.from('listing-photos').list('tests');
    expect(folders.data).toContainEqual(expect.objectContaining({ name: RUN, id: null }));

    const removed = await rev.storage.from('listing-photos').remove([name]);
    expect(removed.data?.map((o) => o.name)).toEqual([name]);
    expect(await fileOnDisk('listing-photos', name)).toBe(false);
    const after = await rev.storage.from('listing-photos').download(name);
    expect(after.error?.statusCode).toBe('404');
  });

  it('upload without upsert refuses an existing name; with upsert (or update) it replaces the file', async () => {
    const rev = await as('reviewer');
    const name = `applications/${RUN}/licence.svg`;
    made.push(['merchant-documents', name]);
    expect((await rev.storage.from('merchant-documents').upload(name, svg('v1'))).error).toBeNull();
    const dup = await rev.storage.from('merchant-documents').upload(name, svg('v2'));
    expect(dup.error?.statusCode).toBe('409');
    expect(dup.error?.message).toBe('The resource already exists');
    expect((await rev.storage.from('merchant-documents').upload(name, svg('v2'), { upsert: true })).error).toBeNull();
    expect(await (await rev.storage.from('merchant-documents').download(name)).data!.text()).toContain('v2');
    expect((await rev.storage.from('merchant-documents').update(name, svg('v3'))).error).toBeNull();
    expect(await (await rev.storage.from('merchant-documents').download(name)).data!.text()).toContain('v3');
  });

  it('finance uploads a statement CSV; analysts read it, reviewers and customer service do not', async () => {
    const name = `wechat/2026-10/${RUN}.csv`;
    made.push(['statements', name]);
    const csv = 'channel_txn_id,amount_fen,occurred_at\nWX0001,50000,2026-10-17T08:00:00Z\n';
    const up = await (await as('finance')).storage.from('statements').upload(name, csv, { contentType: 'text/csv' });
    expect(up.error).toBeNull();
    expect(await (await (await as('analyst')).storage.from('statements').download(name)).data!.text()).toBe(csv);
    for (const role of ['reviewer', 'customer_service'] as const) {
      const res = await (await as(role)).storage.from('statements').download(name);
      expect(res.error?.statusCode).toBe('404');
      expect((await (await as(role)).storage.from('statements').list('wechat/2026-10')).data).toEqual([]);
    }
  });

  it('move and copy keep the row and the file together', async () => {
    const rev = await as('reviewer');
    const a = `tests/${RUN}/a.svg`;
    const b = `tests/${RUN}/b.svg`;
    const c = `tests/${RUN}/c.svg`;
    made.push(['listing-photos', b], ['listing-photos', c]);
    await rev.storage.from('listing-photos').upload(a, svg('moved'));
    expect((await rev.storage.from('listing-photos').move(a, b)).error).toBeNull();
    expect((await rev.storage.from('listing-photos').copy(b, c)).data).toEqual({ path: `listing-photos/${c}` });
    expect(await fileOnDisk('listing-photos', a)).toBe(false);
    expect(await (await rev.storage.from('listing-photos').download(c)).data!.text()).toContain('moved');
    expect((await (await as('analyst')).storage.from('listing-photos').move(b, a)).error?.statusCode).toBe('404');
  });
});

describe('RLS refuses what the role may not do', () => {
  it('an analyst cannot upload, and nothing is left behind', async () => {
    const name = `tests/${RUN}/analyst.svg`;
    const res = await (await as('analyst')).storage.from('listing-photos').upload(name, svg('no'));
    expect(res.error?.statusCode).toBe('403');
    expect(res.error?.message).toBe('new row violates row-level security policy');
    expect((res.error as { status?: number }).status).toBe(400);
    expect(await fileOnDisk('listing-photos', name)).toBe(false);
    const pg = await db();
    const { rowCount } = await pg.query('select 1 from storage.objects where bucket_id = $1 and name = $2', ['listing-photos', name]);
    await pg.end();
    expect(rowCount).toBe(0);
  });

  it('an analyst reads merchant documents but cannot remove or replace them', async () => {
    const an = await as('analyst');
    const seeded = await an.storage.from('merchant-documents').download('samples/licence-1.svg');
    expect(seeded.error).toBeNull();
    expect(await seeded.data!.text()).toContain('营业执照');
    expect((await an.storage.from('merchant-documents').remove(['samples/licence-1.svg'])).data).toEqual([]);
    expect((await an.storage.from('merchant-documents').upload('samples/licence-1.svg', svg('x'), { upsert: true })).error?.statusCode).toBe('403');
    expect(await fileOnDisk('merchant-documents', 'samples/licence-1.svg')).toBe(true);
  });

  it('customer service attaches complaint evidence; only admin removes it', async () => {
    const name = `samples/${RUN}-evidence.svg`;
    made.push(['complaint-attachments', name]);
    expect((await (await as('customer_service')).storage.from('complaint-attachments').upload(name, svg('evidence'))).error).toBeNull();
    expect((await (await as('reviewer')).storage.from('complaint-attachments').upload(`samples/${RUN}-r.svg`, svg('r'))).error?.statusCode).toBe('403');
    expect((await (await as('customer_service')).storage.from('complaint-attachments').remove([name])).data).toEqual([]);
    expect((await (await as('admin')).storage.from('complaint-attachments').remove([name])).data).toHaveLength(1);
  });

  it('region-scoped staff do not see files outside their regions', async () => {
    const pg = await db();
    try {
      await pg.query("update public.staff set region_codes = '{510000}' where email = 'analyst@demo.test'");
      const res = await (await as('analyst')).storage.from('merchant-documents').download('samples/licence-2.svg');
      expect(res.error?.statusCode).toBe('404');
    } finally {
      await pg.query("update public.staff set region_codes = '{}' where email = 'analyst@demo.test'");
      await pg.end();
    }
  });

  it('anon reads no private object and lists nothing', async () => {
    const anon = await anonClient();
    expect((await anon.storage.from('merchant-documents').download('samples/licence-1.svg')).error?.statusCode).toBe('404');
    expect((await anon.storage.from('listing-photos').list('cars')).data).toEqual([]);
    expect((await anon.storage.from('listing-photos').upload(`tests/${RUN}/anon.svg`, svg('anon'))).error?.statusCode).toBe('403');
  });

  it('a forged user token is refused', async () => {
    const cfg = await stack();
    const forged = `${cfg.anonKey.split('.').slice(0, 2).join('.')}.c2lnbmF0dXJl`;
    const res = await fetch(`${cfg.apiUrl}/storage/v1/object/merchant-documents/samples/licence-1.svg`, {
      headers: { apikey: cfg.anonKey, Authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '403', error: 'Unauthorized' });
  });
});

describe('public and signed URLs', () => {
  it('public URL serves a listing photo without a user; a private bucket answers Bucket not found', async () => {
    const rev = await as('reviewer');
    const url = rev.storage.from('listing-photos').getPublicUrl('cars/suv-white.svg').data.publicUrl;
    const res = await fetchWithKey(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toContain('<svg');

    const priv = await fetchWithKey(rev.storage.from('merchant-documents').getPublicUrl('samples/licence-1.svg').data.publicUrl);
    expect(priv.status).toBe(400);
    expect(await priv.json()).toEqual(expect.objectContaining({ statusCode: '404', error: 'Bucket not found', message: 'Bucket not found' }));
  });

  it('the gateway lets public and signed URLs through without an apikey, as <img src> loads them', async () => {
    const rev = await as('reviewer');
    const pub = await fetch(rev.storage.from('listing-photos').getPublicUrl('cars/sedan-red.svg').data.publicUrl);
    expect(pub.status).toBe(200);
    const signed = await rev.storage.from('merchant-documents').createSignedUrl('samples/licence-1.svg', 60);
    expect((await fetch(signed.data!.signedUrl)).status).toBe(200);
  });

  it('a signed URL serves a private file without a user, until it expires', async () => {
    const rev = await as('reviewer');
    const { data, error } = await rev.storage.from('merchant-documents').createSignedUrl('samples/transport-permit-1.svg', 2);
    expect(error).toBeNull();
    const ok = await fetchWithKey(data!.signedUrl);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('道路运输经营许可证');

    const withDownload = await rev.storage.from('merchant-documents').createSignedUrl('samples/licence-1.svg', 60, { download: 'licence.svg' });
    const dl = await fetchWithKey(withDownload.data!.signedUrl);
    expect(dl.headers.get('content-disposition')).toContain('attachment');

    await new Promise((r) => setTimeout(r, 3100));
    const late = await fetchWithKey(data!.signedUrl);
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ statusCode: '400', error: 'InvalidJWT', message: 'jwt expired' });
  });

  it('a tampered token, or one for another object, is refused', async () => {
    const rev = await as('reviewer');
    const { data } = await rev.storage.from('merchant-documents').createSignedUrl('samples/licence-1.svg', 60);
    const url = new URL(data!.signedUrl);
    const token = url.searchParams.get('token')!;
    url.searchParams.set('token', `${token.slice(0, -4)}AAAA`);
    const bad = await fetchWithKey(url.toString());
    expect(bad.status).toBe(400);
    expect((await bad.json()).statusCode).toBe('400');

    const other = new URL(data!.signedUrl.replace('licence-1.svg', 'licence-2.svg'));
    const res = await fetchWithKey(other.toString());
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('InvalidSignature');
  });

  it('signing needs read access, and a batch reports the objects it cannot sign', async () => {
    expect((await (await as('reviewer')).storage.from('statements').createSignedUrl('wechat/none.csv', 60)).error?.statusCode).toBe('404');
    const { data } = await (await as('analyst')).storage.from('listing-photos').createSignedUrls(['cars/ev-blue.svg', 'cars/none.svg'], 60);
    expect(data![0]).toMatchObject({ path: 'cars/ev-blue.svg', error: null, signedUrl: expect.stringContaining('token=') });
    expect(data![1]).toMatchObject({ path: 'cars/none.svg', signedUrl: null, error: expect.any(String) });
  });
});

describe('bucket limits', () => {
  it('listing-photos refuses a type it does not allow', async () => {
    const res = await (await as('reviewer')).storage.from('listing-photos').upload(`tests/${RUN}/note.txt`, 'hello', { contentType: 'text/plain' });
    expect(res.error?.statusCode).toBe('415');
    expect(res.error?.message).toBe('mime type text/plain is not supported');
  });

  it('a file over the bucket limit is refused with 413, multipart or raw', async () => {
    const svc = await serviceClient();
    const id = `tiny-${RUN}`;
    await svc.storage.createBucket(id, { public: false, fileSizeLimit: '1KB', allowedMimeTypes: ['text/csv', 'image/*'] });
    try {
      const big = new Uint8Array(2048).fill(65);
      const raw = await svc.storage.from(id).upload('big.csv', big, { contentType: 'text/csv' });
      expect(raw.error?.statusCode).toBe('413');
      expect(raw.error?.message).toBe('The object exceeded the maximum allowed size');
      const multi = await svc.storage.from(id).upload('big.png', new Blob([big], { type: 'image/png' }));
      expect(multi.error?.statusCode).toBe('413');
      expect((await svc.storage.from(id).upload('small.csv', 'a,b\n1,2\n', { contentType: 'text/csv' })).error).toBeNull();
      expect((await svc.storage.from(id).upload('pic.webp', new Blob(['x'], { type: 'image/webp' }))).error).toBeNull();
      expect((await svc.storage.from(id).upload('doc.pdf', new Blob(['x'], { type: 'application/pdf' }))).error?.statusCode).toBe('415');
    } finally {
      await svc.storage.emptyBucket(id);
      await svc.storage.deleteBucket(id);
    }
  });
});

describe('insider controls on storage (issue 12)', () => {
  /** A private document of this run in merchant-documents, uploaded with the service key. */
  async function privateDoc(name: string, body = svg('doc')): Promise<string> {
    const svc = await serviceClient();
    expect((await svc.storage.from('merchant-documents').upload(name, body, { upsert: true })).error).toBeNull();
    made.push(['merchant-documents', name]);
    return name;
  }

  async function readAudits(name: string): Promise<Array<{ actor_email: string | null; after: Record<string, unknown>; region_code: string | null }>> {
    const pg = await db();
    try {
      return (await pg.query(`select actor_email, after, region_code from public.audit_log
        where action = 'storage.read' and entity_id = $1 order by id`, [`merchant-documents/${name}`])).rows;
    } finally {
      await pg.end();
    }
  }

  it('an object neither moves nor is copied to another bucket (a private document never becomes public)', async () => {
    const rev = await as('reviewer');
    const name = await privateDoc(`applications/${RUN}/secret.svg`);
    const moved = await rev.storage.from('merchant-documents').move(name, `tests/${RUN}/secret.svg`, { destinationBucket: 'listing-photos' });
    expect(moved.error?.statusCode).toBe('403');
    const copied = await rev.storage.from('merchant-documents').copy(name, `tests/${RUN}/secret.svg`, { destinationBucket: 'listing-photos' });
    expect(copied.error?.statusCode).toBe('403');
    const pub = await fetch(rev.storage.from('listing-photos').getPublicUrl(`tests/${RUN}/secret.svg`).data.publicUrl);
    expect(pub.status).not.toBe(200);
    expect(await fileOnDisk('listing-photos', `tests/${RUN}/secret.svg`)).toBe(false);
    // in SQL too: a direct update of the bucket is refused whoever does it
    const pg = await db();
    try {
      await expect(pg.query(`update storage.objects set bucket_id = 'listing-photos' where bucket_id = 'merchant-documents' and name = $1`, [name]))
        .rejects.toThrow(/not_permitted/);
    } finally {
      await pg.end();
    }
    // within a bucket moves still work
    const within = `applications/${RUN}/renamed.svg`;
    made.push(['merchant-documents', within]);
    expect((await rev.storage.from('merchant-documents').move(name, within)).error).toBeNull();
  });

  it('a signed URL lives at most an hour, whatever is asked', async () => {
    const rev = await as('reviewer');
    const { data } = await rev.storage.from('merchant-documents').createSignedUrl('samples/licence-1.svg', 100 * 365 * 24 * 3600);
    const token = new URL(data!.signedUrl).searchParams.get('token')!;
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(3600);
  });

  it('a URL signed by someone deactivated since stops working, and they cannot sign another', async () => {
    const pg = await db();
    try {
      const staff = await makeScopedStaff(pg, 'reviewer', []);
      const signed = await staff.client.storage.from('merchant-documents').createSignedUrl('samples/licence-1.svg', 600);
      expect(signed.error).toBeNull();
      expect((await fetch(signed.data!.signedUrl)).status).toBe(200);
      await pg.query('update public.staff set active = false where id = $1', [staff.id]);
      const late = await fetch(signed.data!.signedUrl);
      expect(late.status).toBe(400);
      expect(await late.text()).not.toContain('营业执照');
      const again = await staff.client.storage.from('merchant-documents').createSignedUrl('samples/licence-1.svg', 600);
      expect(again.error).not.toBeNull();
    } finally {
      await pg.end();
    }
  });

  it('every read of a private object is audited (download, signed URL made, signed URL used); public photos are not', async () => {
    const rev = await as('reviewer');
    const name = await privateDoc(`applications/${RUN}/audited.svg`);
    expect((await rev.storage.from('merchant-documents').download(name)).error).toBeNull();
    const signed = await rev.storage.from('merchant-documents').createSignedUrl(name, 120);
    expect((await fetch(signed.data!.signedUrl)).status).toBe(200);
    const audits = await readAudits(name);
    expect(audits.map((a) => [a.actor_email, a.after.via])).toEqual([
      ['reviewer@demo.test', 'download'], ['reviewer@demo.test', 'signed_url_created'], ['reviewer@demo.test', 'signed_url'],
    ]);
    expect(audits[1].after.expires_in).toBe(120);
    // a public listing photo: nothing
    const pg = await db();
    try {
      const before = (await pg.query(`select count(*)::int as n from public.audit_log where action = 'storage.read'`)).rows[0].n;
      expect((await rev.storage.from('listing-photos').download('cars/suv-white.svg')).error).toBeNull();
      expect((await pg.query(`select count(*)::int as n from public.audit_log where action = 'storage.read'`)).rows[0].n).toBe(before);
    } finally {
      await pg.end();
    }
  });

  it('an SVG is served as an attachment under a CSP that runs nothing', async () => {
    const rev = await as('reviewer');
    const name = `tests/${RUN}/script.svg`;
    made.push(['listing-photos', name]);
    const evil = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'], { type: 'image/svg+xml' });
    expect((await rev.storage.from('listing-photos').upload(name, evil)).error).toBeNull();
    const res = await fetch(rev.storage.from('listing-photos').getPublicUrl(name).data.publicUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a region-scoped reviewer opens their region\'s merchant documents and not another region\'s', async () => {
    const pg = await db();
    try {
      await ensureRegions(pg);
      const mine = await makeMerchant(pg, { city: CITY_A });
      const theirs = await makeMerchant(pg, { city: CITY_B });
      const own = await privateDoc(`merchants/${mine}/licence.svg`, svg('本区执照'));
      const other = await privateDoc(`merchants/${theirs}/licence.svg`, svg('外区执照'));
      const scoped = await makeScopedStaff(pg, 'reviewer', [CITY_A]);
      const ok = await scoped.client.storage.from('merchant-documents').download(own);
      expect(ok.error).toBeNull();
      expect(await ok.data!.text()).toContain('本区执照');
      expect((await scoped.client.storage.from('merchant-documents').download(other)).error?.statusCode).toBe('404');
      expect((await scoped.client.storage.from('merchant-documents').createSignedUrl(other, 60)).error?.statusCode).toBe('404');
      // the audit row of the read carries the merchant's region
      expect((await readAudits(own)).map((a) => a.region_code)).toEqual([CITY_A]);
    } finally {
      await pg.end();
    }
  });
});
