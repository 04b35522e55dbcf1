// notify: the schedule's deliverer of the notification outbox. Only the service key may call it;
// it sends e-mail for real (to the stack's mailbox, MailDev), once per row even when runs
// overlap, and leaves SMS and WeChat waiting as not_configured where they have no credentials
// (the test stack has none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { as, db, stack } from '../support/stack.ts';
import { mailsTo, waitForMail } from '../support/mailbox.ts';
import { CITY_A, ensureRegions, makeListing, makeMerchant, uniq } from '../db/core-fixtures.ts';
import { expectRefused, NOT_OBJECTS } from './bodies.ts';

async function post(token: string | null, body = '{}') {
  const cfg = await stack();
  return fetch(`${cfg.apiUrl}/functions/v1/notify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: cfg.anonKey, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

let pgc: pg.Client;
beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
});
afterAll(async () => {
  await pgc.end();
});

describe('notify edge function', () => {
  it('refuses staff and anonymous callers', async () => {
    const { data } = await (await as('admin')).auth.getSession();
    expect((await post(data.session!.access_token)).status).toBe(403);
    expect((await post((await stack()).anonKey)).status).toBe(403);
    expect((await post(null)).status).toBe(403);
  });

  it('delivers a delisting e-mail to the merchant once, even when two runs overlap; SMS waits unconfigured', async () => {
    const merchant = await makeMerchant(pgc, { city: CITY_A });
    const address = `notify-${uniq()}@merchant.test`;
    await pgc.query(`insert into app.notification_contacts (recipient_kind, recipient_id, email) values ('merchant', $1, $2)`, [merchant, address]);
    const listing = await makeListing(pgc, merchant, { review: 'approved', shelf: 'on' });
    const { error } = await (await as('reviewer')).rpc('listing_force_off', { p_id: listing, p_reason_code: 'price_abnormal', p_note: '价格明显低于市场' });
    expect(error).toBeNull();
    const title = (await pgc.query('select title from public.listings where id = $1', [listing])).rows[0].title as string;

    const key = (await stack()).serviceRoleKey;
    const [a, b] = await Promise.all([post(key), post(key)]);
    for (const res of [a, b]) expect(res.status, await res.clone().text()).toBe(200);

    const mail = await waitForMail(address, /车源已被下架/);
    expect(mail.text).toContain(title);
    expect(mail.text).toContain('price_abnormal');
    expect(mail.headers['x-notification-event']).toBe('listing_delisted');
    // one more run sends nothing new for this row
    expect((await post(key)).status).toBe(200);
    expect((await mailsTo(address)).length).toBe(1);

    const { rows } = await pgc.query(
      `select channel::text, state::text, attempts, sent_at is not null as sent from public.notification_outbox o where o.entity_id = $1 order by o.channel`, [listing]);
    expect(rows).toEqual([
      { channel: 'sms', state: 'not_configured', attempts: 0, sent: false },
      { channel: 'email', state: 'sent', attempts: 1, sent: true },
    ]);
  });
});

describe('notify: bodies', () => {
  it('answers 400 invalid_input for a body other than {} or { limit }', async () => {
    await expectRefused('notify', 'service', [...NOT_OBJECTS, '{"limit":"all"}', '{"limit":0}', '{"channels":["sms"]}']);
  });
});
