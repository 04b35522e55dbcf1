// R-PRO-1: at most 3 active promotion slots per car model per region, true under concurrency.
// Each run uses a fresh car model, so the slots start empty on a persistent database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { db, serviceClient, signIn, DEMO_LOGINS } from '../support/stack.ts';
import { CITY_A, CITY_B, ensureRegions, makeListing, makeMerchant, makeModel } from './core-fixtures.ts';

let pgc: pg.Client;
beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
});
afterAll(async () => {
  await pgc.end();
});

async function onShelfListings(count: number, model: Awaited<ReturnType<typeof makeModel>>, city = CITY_A): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const merchant = await makeMerchant(pgc, { city });
    ids.push(await makeListing(pgc, merchant, { review: 'approved', shelf: 'on', model }));
  }
  return ids;
}

const endsAt = () => new Date(Date.now() + 7 * 864e5).toISOString();

describe('promotion slots', () => {
  it('10 concurrent requests for one model and city: exactly 3 succeed, the rest get slot_full', async () => {
    const model = await makeModel(pgc);
    const listings = await onShelfListings(10, model);
    // separate clients (separate HTTP connections, separate database sessions)
    const clients = await Promise.all(listings.map(() => signIn(DEMO_LOGINS.admin)));
    const results = await Promise.all(
      listings.map((id, i) => clients[i].rpc('promotion_create', { p_listing_id: id, p_ends_at: endsAt() })),
    );
    const ok = results.filter((r) => !r.error);
    const refused = results.filter((r) => r.error);
    expect(ok).toHaveLength(3);
    expect(refused.map((r) => r.error!.message)).toEqual(Array(7).fill('slot_full'));
    expect(ok.map((r) => (r.data as { slot_no: number }).slot_no).sort()).toEqual([1, 2, 3]);
    const { rows } = await pgc.query(
      `select count(*)::int as n from public.promotions where model_id = $1 and region_code = $2 and state = 'active'`,
      [model.model, CITY_A],
    );
    expect(rows[0].n).toBe(3);
  });

  it('with 2 slots taken, 10 concurrent requests for the third: exactly 1 succeeds; another city is independent', async () => {
    const model = await makeModel(pgc);
    const svc = await serviceClient();
    const [a, b, ...rest] = await onShelfListings(12, model);
    for (const id of [a, b]) expect((await svc.rpc('promotion_create', { p_listing_id: id, p_ends_at: endsAt() })).error).toBeNull();
    const clients = await Promise.all(rest.map(() => serviceClient()));
    const results = await Promise.all(rest.map((id, i) => clients[i].rpc('promotion_create', { p_listing_id: id, p_ends_at: endsAt() })));
    expect(results.filter((r) => !r.error)).toHaveLength(1);
    expect(results.filter((r) => r.error?.message === 'slot_full')).toHaveLength(9);
    const [other] = await onShelfListings(1, model, CITY_B);
    expect((await svc.rpc('promotion_create', { p_listing_id: other, p_ends_at: endsAt() })).error).toBeNull();
  });

  it('an expired promotion frees its slot; the unique index refuses a 4th active slot even bypassing the function', async () => {
    const model = await makeModel(pgc);
    const svc = await serviceClient();
    const ids = await onShelfListings(4, model);
    for (const id of ids.slice(0, 3)) expect((await svc.rpc('promotion_create', { p_listing_id: id, p_ends_at: endsAt() })).error).toBeNull();
    await expect(
      pgc.query(
        `insert into public.promotions (listing_id, merchant_id, model_id, region_code, slot_no, ends_at)
         select id, merchant_id, model_id, city_code, 3, now() + interval '1 day' from public.listings where id = $1`,
        [ids[3]],
      ),
    ).rejects.toThrow(/promotions_slot_key/);
    expect((await svc.rpc('promotion_create', { p_listing_id: ids[3], p_ends_at: endsAt() })).error?.message).toBe('slot_full');
    await pgc.query(
      `update public.promotions set starts_at = now() - interval '2 days', ends_at = now() - interval '1 second'
       where listing_id = $1`,
      [ids[0]],
    );
    const { data, error } = await svc.rpc('promotion_create', { p_listing_id: ids[3], p_ends_at: endsAt() });
    expect(error).toBeNull();
    expect((data as { slot_no: number }).slot_no).toBe(1);
  });
});
