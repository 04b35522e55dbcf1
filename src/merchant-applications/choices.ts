const choices = (group: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, name: `resources.merchant_applications.${group}.${id}` }));

export const APPLICATION_STATES = ['draft', 'submitted', 'in_review', 'need_more_info', 'rejected', 'approved'] as const;
export const MERCHANT_KINDS = ['used_dealer', 'new_dealer_4s', 'rental', 'service', 'parts'] as const;
export const FEE_PLANS = ['monthly', 'quarterly', 'yearly'] as const;

export const STATE_CHOICES = choices('states', APPLICATION_STATES);
export const KIND_CHOICES = choices('kinds', MERCHANT_KINDS);
export const FEE_PLAN_CHOICES = choices('fee_plans', FEE_PLANS);

export const REJECT_REASONS = [
  'licence_invalid',
  'licence_mismatch',
  'documents_unclear',
  'documents_missing',
  'address_unverified',
  'duplicate',
  'business_scope',
  'other',
] as const;

/** The review queue: waiting to be claimed, or claimed and being reviewed. */
export const QUEUE_FILTER = { 'state@in': '(submitted,in_review)' };
