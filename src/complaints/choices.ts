// Enum values of the complaint tables, as react-admin choices whose names are i18n keys.
export const COMPLAINT_STATES = [
  'submitted', 'accepted', 'awaiting_merchant', 'mediating', 'escalated', 'resolved', 'closed', 'dismissed', 'withdrawn',
] as const;
export const COMPLAINT_CATEGORIES = ['attitude', 'quality', 'price', 'fraud', 'other'] as const;
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const;
export const COMPLAINT_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const DISMISS_REASONS = ['duplicate', 'no_evidence', 'not_merchant_fault', 'out_of_scope', 'other'] as const;
export const REOPEN_REASONS = ['member_request', 'new_evidence', 'other'] as const;

const choices = (group: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: `resources.complaints.${group}.${id}` }));

export const STATE_CHOICES = choices('state', COMPLAINT_STATES);
export const CATEGORY_CHOICES = choices('category', COMPLAINT_CATEGORIES);
export const SEVERITY_CHOICES = choices('severity', COMPLAINT_SEVERITIES);
export const OUTCOME_CHOICES = choices('outcome', COMPLAINT_OUTCOMES);
export const DISMISS_REASON_CHOICES = choices('reasons', DISMISS_REASONS);
export const REOPEN_REASON_CHOICES = choices('reasons', REOPEN_REASONS);

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
