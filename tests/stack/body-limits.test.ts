// Body limits at the gateway: REST and function bodies above STACK_MAX_BODY_SIZE (1 MiB by
// default) are answered 413 there, PostgREST-shaped for /rest and { code, message } for
// functions, whether the length is declared or the body comes chunked; bodies within the
// limit still get through, and storage keeps its own (larger) limits.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { as, serviceClient, stack } from '../support/stack.ts';

const MiB = 1024 * 1024;
const RUN = randomUUID().slice(0, 8);

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs `size` bytes with node:http (no client-side buffering), declared or chunked, and reads the answer. */
async function post(path: string, size: number, opts: { chunked?: boolean; token?: string } = {}): Promise<Answer> {
  const cfg = await stack();
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      apikey: cfg.anonKey,
      Authorization: `Bearer ${opts.token ?? cfg.anonKey}`,
      'Content-Type': 'application/json',
    };
    if (!opts.chunked) headers['Content-Length'] = size;
    const req = http.request({ host: cfg.host, port: cfg.gatewayPort, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') as Record<string, unknown> }));
    });
    req.on('error', reject);
    // a JSON string of `size` bytes, written in 64 KiB pieces as a client streaming it would
    const piece = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const n = Math.min(piece.length, size - sent);
        const chunk = sent === 0 ? Buffer.concat([Buffer.from('"'), piece.subarray(1, n)]) : sent + n === size ? Buffer.concat([piece.subarray(0, n - 1), Buffer.from('"')]) : piece.subarray(0, n);
        sent += n;
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

const uploaded: string[] = [];
afterAll(async () => {
  if (uploaded.length) await (await serviceClient()).storage.from('listing-photos').remove(uploaded);
});

describe('request body limits at the gateway', () => {
  it('reads the limit from STACK_MAX_BODY_SIZE, 1 MiB by default', async () => {
    expect((await stack()).maxBodyBytes).toBe(process.env.STACK_MAX_BODY_SIZE ? expect.any(Number) : MiB);
  });

  it.each([false, true])('answers a 60 MB REST body with 413 in PostgREST’s shape (chunked: %s)', async (chunked) => {
    const { status, body } = await post('/rest/v1/rpc/my_staff', 60 * MiB, { chunked });
    expect(status).toBe(413);
    expect(body).toMatchObject({ code: 'payload_too_large', message: 'Request body too large', hint: expect.any(String) });
    expect(body.details).toMatch(chunked ? /more than 1048576 bytes/ : /62914560 bytes; the limit is 1048576 bytes/);
  });

  it.each([false, true])('answers a 60 MB function body with 413 { code, message } (chunked: %s)', async (chunked) => {
    const { status, body } = await post('/functions/v1/settle', 60 * MiB, { chunked });
    expect(status).toBe(413);
    expect(body).toEqual({ code: 'payload_too_large', message: expect.stringMatching(/too large.*limit is 1048576 bytes/) });
  });

  it('lets bodies within the limit through, chunked ones too', async () => {
    // PostgREST reads them and answers for itself (a JSON string is no object of arguments,
    // and anon may not call my_staff): its error, not the gateway's
    for (const chunked of [false, true]) {
      const { status, body } = await post('/rest/v1/rpc/my_staff', MiB - 10, { chunked });
      expect(status).not.toBe(413);
      expect(body).toHaveProperty('hint');
      expect(body.code).not.toBe('payload_too_large');
    }
    const { status, body } = await post('/functions/v1/settle', 512 * 1024, { chunked: true });
    expect(status).toBe(401); // through to the function, which wants a staff session
    expect(body).toMatchObject({ error: { code: 'not_authenticated' } });
  });

  it('supabase-js sees the 413 as a PostgrestError with the code', async () => {
    const client = await as('admin');
    const { error, status } = await client.rpc('my_staff', { padding: 'x'.repeat(2 * MiB) } as never);
    expect(status).toBe(413);
    expect(error).toMatchObject({ code: 'payload_too_large', message: 'Request body too large' });
  });

  it('leaves storage uploads to storage’s own limits', async () => {
    const name = `limits-${RUN}/two-mib.png`;
    const { error } = await (await serviceClient()).storage
      .from('listing-photos')
      .upload(name, new Blob([new Uint8Array(2 * MiB)], { type: 'image/png' }));
    expect(error).toBeNull();
    uploaded.push(name);
  });
});
