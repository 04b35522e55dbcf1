// Enum values of the complaint tables, as react-admin choices whose names are i18n keys.
import { choicesOf } from '../common/choices';

export const COMPLAINT_STATES = [
  'submitted', 'accepted', 'awaiting_merchant', 'mediating', 'escalated', 'resolved', 'closed', 'dismissed', 'withdrawn',
] as const;
export const COMPLAINT_CATEGORIES = ['attitude', 'quality', 'price', 'fraud', 'other'] as const;
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const;
export const COMPLAINT_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const DISMISS_REASONS = ['duplicate', 'no_evidence', 'not_merchant_fault', 'out_of_scope', 'other'] as const;
export const REOPEN_REASONS = ['member_request', 'new_evidence', 'other'] as const;

export const STATE_CHOICES = choicesOf(COMPLAINT_STATES, 'resources.complaints.state');
export const CATEGORY_CHOICES = choicesOf(COMPLAINT_CATEGORIES, 'resources.complaints.category');
export const SEVERITY_CHOICES = choicesOf(COMPLAINT_SEVERITIES, 'resources.complaints.severity');
export const OUTCOME_CHOICES = choicesOf(COMPLAINT_OUTCOMES, 'resources.complaints.outcome');
export const DISMISS_REASON_CHOICES = choicesOf(DISMISS_REASONS, 'resources.complaints.reasons');
export const REOPEN_REASON_CHOICES = choicesOf(REOPEN_REASONS, 'resources.complaints.reasons');

export const STATE_COLORS: Record<string, 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning' | 'error'> = {
  submitted: 'warning',
  accepted: 'info',
  awaiting_merchant: 'secondary',
  mediating: 'primary',
  escalated: 'error',
  resolved: 'success',
  closed: 'default',
  dismissed: 'default',
  withdrawn: 'default',
};
