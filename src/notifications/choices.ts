import type { ChipProps } from '@mui/material';
import { choicesOf } from '../common/choices';
import type { Enums } from '../types/database';

export const EVENTS = [
  'application_approved', 'application_rejected', 'application_need_more_info',
  'complaint_awaiting_merchant', 'penalty_imposed',
  'fee_due', 'fee_grace', 'fee_lapsed',
  'listing_rejected', 'listing_delisted',
  'withdrawal_paid', 'withdrawal_rejected',
] as const satisfies readonly Enums<'notification_event'>[];
export const CHANNELS = ['sms', 'email', 'wechat'] as const satisfies readonly Enums<'notification_channel'>[];
export const STATES = ['pending', 'not_configured', 'sending', 'sent', 'failed'] as const satisfies readonly Enums<'notification_state'>[];
export const RECIPIENT_KINDS = ['merchant', 'member', 'applicant'] as const satisfies readonly Enums<'notification_recipient_kind'>[];

export const STATE_COLORS: Record<string, ChipProps['color']> = {
  pending: 'info', not_configured: 'warning', sending: 'info', sent: 'success', failed: 'error',
};

/** The coded reasons a template change takes (notification_template_update checks the same list). */
export const TEMPLATE_REASONS = ['template_wording', 'template_compliance', 'provider_template', 'other'] as const;

const P = 'resources.notification_outbox';
export const EVENT_CHOICES = choicesOf(EVENTS, `${P}.events`);
export const CHANNEL_CHOICES = choicesOf(CHANNELS, `${P}.channels`);
export const STATE_CHOICES = choicesOf(STATES, `${P}.states`);
