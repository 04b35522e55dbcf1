// The notification outbox: written by triggers in the transaction of the change (and gone with
// it when it rolls back), one row per event, recipient and channel, read by admins and customer
// service of the region, written by nobody directly; the claim and record functions notify uses
// (skip locked, backoff, giving up, not_configured); templates with a coded, audited reason and
// a preview through the same renderer the sender uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { as, db, serviceClient } from '../support/stack.ts';
import { auditRows, CITY_A, CITY_B, ensureRegions, expectFail, makeListing, makeMerchant, makeScopedStaff, uniq } from './core-fixtures.ts';

let pgc: pg.Client;

beforeAll(async () => {
  pgc = await db();
  await ensureRegions(pgc);
});

afterAll(async () => {
  await pgc.end();
});

/** A merchant of the city with an e-mail address for notifications. */
async function merchantWithEmail(city = CITY_A): Promise<{ id: string; email: string }> {
  const id = await makeMerchant(pgc, { city });
  const email = `m-${uniq()}@merchant.test`;
  await pgc.query(`insert into app.notification_contacts (recipient_kind, recipient_id, email) values ('merchant', $1, $2)`, [id, email]);
  return { id, email };
}

const outbox = async (entityId: string) =>
  (await pgc.query(`select * from public.notification_outbox where entity_id = $1 order by channel`, [entityId])).rows;

describe('outbox rows are written with the change', () => {
  it('a forced delisting enqueues SMS and e-mail for the merchant, in the same transaction', async () => {
    const m = await merchantWithEmail();
    const listing = await makeListing(pgc, m.id, { review: 'approved', shelf: 'on' });
    await pgc.query('begin');
    try {
      await pgc.query(`update public.listings set shelf_state = 'forced_off', forced_off_reason = 'price_abnormal' where id = $1`, [listing]);
      // seen inside the transaction that made the change …
      const inside = await outbox(listing);
      expect(inside.map((r) => r.channel)).toEqual(['sms', 'email']);
      expect(inside[0]).toMatchObject({ event: 'listing_delisted', recipient_kind: 'merchant', recipient_id: m.id, state: 'pending', attempts: 0 });
      expect(inside[0].payload).toMatchObject({ reason: 'price_abnormal' });
      expect(inside[0].payload.listing_title).toMatch(/^测试车源/);
    } finally {
      await pgc.query('rollback');
    }
    // … and gone with it
    expect(await outbox(listing)).toEqual([]);
  });

  it('the reviewer\'s rejection through the RPC enqueues once; the same event enqueued again does not duplicate', async () => {
    const m = await merchantWithEmail();
    const listing = await makeListing(pgc, m.id, { review: 'pending' });
    const reviewer = await as('reviewer');
    const { error } = await reviewer.rpc('listing_reject', { p_id: listing, p_reason_code: 'photos_unclear' });
    expect(error).toBeNull();
    const rows = await outbox(listing);
    expect(rows.map((r) => `${r.event}/${r.channel}`)).toEqual(['listing_rejected/sms', 'listing_rejected/email']);
    // the trigger's enqueue again, with the same occurrence: the idempotency key holds
    const again = await pgc.query(
      `select app.notify_enqueue('listing_rejected', 'merchant', $1, split_part(split_part(o.idempotency_key, ':', 2), ':', 1), $2, 'listing', $3, '{}') as n
         from public.notification_outbox o where o.entity_id = $3 and o.channel = 'email'`,
      [m.id, CITY_A, listing],
    );
    expect(again.rows[0].n).toBe(0);
    expect((await outbox(listing)).length).toBe(2);
  });

  it('no address, no row: a merchant with a landline and no e-mail gets nothing', async () => {
    const id = await makeMerchant(pgc, { city: CITY_A });
    await pgc.query(`update public.merchants set contact_phone = '0571-88886666' where id = $1`, [id]);
    const listing = await makeListing(pgc, id, { review: 'approved', shelf: 'on' });
    await pgc.query(`update public.listings set shelf_state = 'forced_off', forced_off_reason = 'fraud' where id = $1`, [listing]);
    expect(await outbox(listing)).toEqual([]);
  });
});

describe('who reads and writes the outbox', () => {
  it('admins and customer service of the region read it; other roles and other regions do not', async () => {
    const m = await merchantWithEmail(CITY_B);
    const listing = await makeListing(pgc, m.id, { review: 'approved', shelf: 'on' });
    await pgc.query(`update public.listings set shelf_state = 'forced_off', forced_off_reason = 'fraud' where id = $1`, [listing]);
    const read = async (c: Awaited<ReturnType<typeof as>>) =>
      ((await c.from('v_notification_outbox').select('id').eq('entity_id', listing)).data ?? []).length;
    expect(await read(await as('admin'))).toBe(2);
    expect(await read(await as('customer_service'))).toBe(2);
    expect(await read(await as('reviewer'))).toBe(0);
    expect(await read(await as('finance'))).toBe(0);
    expect(await read((await makeScopedStaff(pgc, 'customer_service', [CITY_A])).client)).toBe(0);
    expect(await read((await makeScopedStaff(pgc, 'customer_service', [CITY_B])).client)).toBe(2);
  });

  it('nobody writes it directly', async () => {
    const admin = await as('admin');
    const ins = await admin.from('notification_outbox').insert({
      event: 'fee_due', recipient_kind: 'merchant', recipient_id: '00000000-0000-0000-0000-000000000000', channel: 'email',
      entity: 'merchant', entity_id: '00000000-0000-0000-0000-000000000000', payload: {}, idempotency_key: `x${uniq()}`,
    });
    expect(ins.error?.code).toBe('42501');
    const upd = await admin.from('notification_outbox').update({ state: 'sent' }).gt('id', 0);
    expect(upd.error?.code).toBe('42501');
    // staff cannot even call the claim: it is the notify function's (service role only)
    expect((await admin.rpc('notification_claim', { p_channels: ['email'], p_limit: 1 })).error?.code).toBe('42501');
  });
});

describe('claim and record', () => {
  /** A pending e-mail row of a fresh merchant (a lapse of its fee). */
  async function pendingEmail(): Promise<number> {
    const m = await merchantWithEmail();
    await pgc.query(`update public.merchants set status = 'grace' where id = $1`, [m.id]);
    await pgc.query(`update public.merchants set status = 'lapsed' where id = $1`, [m.id]);
    const { rows } = await pgc.query(
      `select id from public.notification_outbox where entity_id = $1 and event = 'fee_lapsed' and channel = 'email'`, [m.id]);
    expect(rows.length).toBe(1);
    return Number(rows[0].id);
  }

  it('backs off exponentially after each failure and gives up after the last attempt', async () => {
    const id = await pendingEmail();
    const service = await serviceClient();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      // as a claim does: sending, one more attempt
      await pgc.query(`update public.notification_outbox set state = 'sending', attempts = $2, claimed_at = now() where id = $1`, [id, attempt]);
      const { data, error } = await service.rpc('notification_record', { p_id: id, p_ok: false, p_error: 'smtp 451 try later' });
      expect(error).toBeNull();
      const { rows } = await pgc.query(
        `select state, last_error, extract(epoch from next_attempt_at - now())::int as wait from public.notification_outbox where id = $1`, [id]);
      expect(rows[0].state).toBe(data);
      expect(rows[0].last_error).toBe('smtp 451 try later');
      if (attempt < 6) {
        expect(data).toBe('pending');
        waits.push(rows[0].wait);
      } else {
        expect(data).toBe('failed');
      }
    }
    expect(waits).toEqual([30, 60, 120, 240, 480]);
    // a row that is not being sent cannot be recorded
    expectFail((await service.rpc('notification_record', { p_id: id, p_ok: true })).error, 'illegal_transition');
  });

  it('a refusal for good fails at once; an admin retries it (audited), customer service may not', async () => {
    const id = await pendingEmail();
    const service = await serviceClient();
    await pgc.query(`update public.notification_outbox set state = 'sending', attempts = 1, claimed_at = now() where id = $1`, [id]);
    const { data } = await service.rpc('notification_record', { p_id: id, p_ok: false, p_error: '550 no such user', p_permanent: true });
    expect(data).toBe('failed');
    expectFail((await (await as('customer_service')).rpc('notification_retry', { p_id: id })).error, 'not_permitted');
    const { data: row, error } = await (await as('admin')).rpc('notification_retry', { p_id: id, p_note: '地址已更正' });
    expect(error).toBeNull();
    expect(row).toMatchObject({ state: 'pending', attempts: 0, last_error: null });
    expect((await auditRows(pgc, String(id), 'notification.retry')).length).toBe(1);
    expectFail((await (await as('admin')).rpc('notification_retry', { p_id: id })).error, 'illegal_transition');
  });

  it('channels without credentials or without a provider template leave their rows waiting as not_configured', async () => {
    const m = await merchantWithEmail();
    await pgc.query(`update public.merchants set status = 'grace' where id = $1`, [m.id]);
    const service = await serviceClient();
    // no channel can send: nothing is claimed, the rows wait
    const none = await service.rpc('notification_claim', { p_channels: [], p_limit: 10 });
    expect(none.error).toBeNull();
    expect(none.data).toEqual([]);
    // SMS has credentials but its template no provider code: still waiting, never claimed
    const sms = await service.rpc('notification_claim', { p_channels: ['sms'], p_limit: 500 });
    expect(sms.error).toBeNull();
    expect(sms.data).toEqual([]);
    const rows = await outbox(m.id);
    expect(rows.map((r) => `${r.channel}:${r.state}:${r.attempts}`)).toEqual(['sms:not_configured:0', 'email:not_configured:0']);
  });

  it('concurrent claims never take the same row', async () => {
    const ids = await Promise.all([pendingEmail(), pendingEmail(), pendingEmail(), pendingEmail()]);
    // make them due before anything else so that small claims reach them
    await pgc.query(`update public.notification_outbox set next_attempt_at = '2000-01-01' where id = any($1)`, [ids]);
    const clients = await Promise.all([serviceClient(), serviceClient(), serviceClient()]);
    const claims = await Promise.all(clients.map((c) => c.rpc('notification_claim', { p_channels: ['email'], p_limit: 2 })));
    const claimed = claims.flatMap((c) => {
      expect(c.error).toBeNull();
      return (c.data as { id: number }[]).map((r) => Number(r.id));
    });
    expect(new Set(claimed).size).toBe(claimed.length);
    for (const id of ids) expect(claimed.filter((c) => c === id).length).toBe(1);
    const first = (claims.flatMap((c) => c.data as { id: number; subject: string; body: string; address: string }[])).find((r) => Number(r.id) === ids[0])!;
    expect(first.subject).toBe('会费宽限期已过，店铺暂停展示');
    expect(first.body).toMatch(/^测试车行.+，您好/);
    expect(first.address).toMatch(/@merchant\.test$/);
    // give back what this test claimed beyond its own rows, as notify would after a failure
    for (const id of claimed) {
      await clients[0].rpc('notification_record', { p_id: id, p_ok: false, p_error: 'test claim given back' });
    }
    const { rows } = await pgc.query(`select state, attempts from public.notification_outbox where id = any($1)`, [ids]);
    expect(rows.every((r) => r.state === 'pending' && r.attempts === 1)).toBe(true);
  });
});

describe('templates', () => {
  it('renders placeholders from the payload and keeps unknown ones visible', async () => {
    const { rows } = await pgc.query(
      `select app.notification_render('{{merchant_name}}，您好：{{missing}}', '{"merchant_name": "杭州诚信二手车"}') as t`);
    expect(rows[0].t).toBe('杭州诚信二手车，您好：{{missing}}');
  });

  it('previews an unsaved text with the event\'s sample payload, for admins and customer service', async () => {
    const { data, error } = await (await as('customer_service')).rpc('notification_template_preview', {
      p_event: 'withdrawal_paid', p_channel: 'email', p_subject: '到账 {{net_yuan}}', p_body: '{{recipient_name}}：{{withdrawal_no}}',
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ subject: '到账 ¥1,194.00', body: '王建国：WD202612010001' });
    expectFail((await (await as('analyst')).rpc('notification_template_preview', { p_event: 'fee_due', p_channel: 'sms' })).error, 'not_permitted');
  });

  it('an admin changes a template with a coded reason (audited); unknown placeholders and other roles are refused', async () => {
    const admin = await as('admin');
    const args = {
      p_event: 'fee_due', p_channel: 'wechat', p_subject: '', p_body: `会费将于{{fee_paid_until}}到期 ${uniq()}`, p_enabled: true,
      p_provider_template_code: 'tmpl-fee-due', p_provider_params: { thing1: '{{merchant_name}}', time2: '{{fee_paid_until}}' },
      p_reason_code: 'provider_template',
    };
    expectFail((await (await as('customer_service')).rpc('notification_template_update', args)).error, 'not_permitted');
    expectFail((await admin.rpc('notification_template_update', { ...args, p_reason_code: 'because' })).error, 'reason_required');
    expectFail((await admin.rpc('notification_template_update', { ...args, p_reason_code: 'other' })).error, 'reason_required');
    const bad = await admin.rpc('notification_template_update', { ...args, p_body: '{{merchant_nmae}} 请续费' });
    expectFail(bad.error, 'unknown_placeholder');
    expect(bad.error!.details).toBe('merchant_nmae');
    const { data, error } = await admin.rpc('notification_template_update', args);
    expect(error).toBeNull();
    expect(data).toMatchObject({ body: args.p_body, provider_template_code: 'tmpl-fee-due' });
    const audit = await auditRows(pgc, 'fee_due:wechat', 'notification_template.update');
    expect(audit.at(-1)).toMatchObject({ reason: 'provider_template' });
    expect((audit.at(-1)!.after as { body: string }).body).toBe(args.p_body);
  });
});
