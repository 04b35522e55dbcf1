// notify: delivers the notification outbox, run by the schedule every minute.
//   POST {} or { "limit": n }  with a service key  → { claimed, sent, retry, failed, reminders }
// The outbox is written by triggers in the transaction of each change (supabase/schemas/
// 18_notifications.sql). This claims due rows through notification_claim (skip locked: runs at
// the same time never take the same row), sends each through its channel and records the
// result with notification_record (sent; pending again after the backoff; failed after the
// last attempt or when the provider refuses for good). Channels without credentials are not
// offered to the claim: their rows wait as not_configured.
import { admin } from '../_shared/clients.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, fromPostgrest, HttpError, json } from '../_shared/errors.ts';
import { isServiceCall } from '../_shared/serviceKey.ts';
import { onlyFields, readObject } from '../_shared/body.ts';
import { configuredSenders, SendError, type Message } from './channels.ts';

const senders = configuredSenders();

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  try {
    if (!isServiceCall(req)) throw new HttpError(403, 'not_permitted', 'notify is called by the schedule with the service key');
    const body = await readObject(req, true);
    onlyFields(body, ['limit']);
    const limit = body.limit === undefined ? 100 : Number(body.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new HttpError(400, 'invalid_input', 'limit is an integer from 1 to 500');

    const reminders = await admin.rpc('notification_enqueue_fee_reminders', {});
    if (reminders.error) throw fromPostgrest(reminders.error);

    const channels = Object.keys(senders);
    const claim = await admin.rpc('notification_claim', { p_channels: channels, p_limit: limit });
    if (claim.error) throw fromPostgrest(claim.error);
    const rows = (claim.data ?? []) as Message[];
    const count = { claimed: rows.length, sent: 0, retry: 0, failed: 0, reminders: reminders.data as number };
    for (const m of rows) {
      let result: { p_ok: boolean; p_error?: string; p_provider_id?: string; p_permanent?: boolean };
      const send = senders[m.channel];
      if (!m.address) result = { p_ok: false, p_error: 'no_address', p_permanent: true };
      else if (!send) result = { p_ok: false, p_error: 'not_configured' };
      else {
        try {
          result = { p_ok: true, p_provider_id: await send({ ...m, address: m.address }) };
        } catch (e) {
          result = { p_ok: false, p_error: (e as Error).message, p_permanent: e instanceof SendError && e.permanent };
        }
      }
      const rec = await admin.rpc('notification_record', { p_id: m.id, ...result });
      if (rec.error) throw fromPostgrest(rec.error);
      if (rec.data === 'sent') count.sent++;
      else if (rec.data === 'failed') count.failed++;
      else count.retry++;
    }
    return json(count);
  } catch (e) {
    return errorResponse(e);
  }
});
