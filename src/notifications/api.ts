// The notification calls the screens make.
import type { Json } from '../types/database';
import { objectOf, type RpcClient } from '../providers/rpc';
import type { Enums } from '../types/database';

export type NotificationEvent = Enums<'notification_event'>;
export type NotificationChannel = Enums<'notification_channel'>;

export interface TemplateDraft {
  subject: string;
  body: string;
  enabled: boolean;
  providerTemplateCode: string;
  providerParams: Record<string, string>;
}

/** The draft rendered with the event's sample payload, as the sender would render it. */
export const previewTemplate = async (dp: RpcClient, event: NotificationEvent, channel: NotificationChannel, draft: Pick<TemplateDraft, 'subject' | 'body'>) =>
  objectOf<{ subject: string; body: string; payload: Record<string, string> }>(
    await dp.rpc('notification_template_preview', { p_event: event, p_channel: channel, p_subject: draft.subject, p_body: draft.body }),
  );

/** Saves the template with a coded reason (and a note, required for "other"); audited. */
export const updateTemplate = (dp: RpcClient, event: NotificationEvent, channel: NotificationChannel, draft: TemplateDraft, reasonCode: string, note: string) =>
  dp.rpc('notification_template_update', {
    p_event: event,
    p_channel: channel,
    p_subject: draft.subject,
    p_body: draft.body,
    p_enabled: draft.enabled,
    p_provider_template_code: draft.providerTemplateCode,
    p_provider_params: draft.providerParams as Json,
    p_reason_code: reasonCode,
    p_note: note || undefined,
  });

/** A given-up message back to pending, attempts from zero (admin; audited). */
export const retryNotification = (dp: RpcClient, id: number, note: string) => dp.rpc('notification_retry', { p_id: id, p_note: note || undefined });
