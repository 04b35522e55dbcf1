import { choicesOf } from '../common/choices';

export const APPLICATION_STATES = ['draft', 'submitted', 'in_review', 'need_more_info', 'rejected', 'approved'] as const;

export const STATE_CHOICES = choicesOf(APPLICATION_STATES, 'resources.merchant_applications.states');

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

/**
 * What a reviewer may comment on when asking for more information (merchant_application_request_info):
 * keys are the application's columns (or document types), as the seed and the SQL write them.
 */
export const INFO_GROUPS = {
  identity: ['company_name', 'kind', 'licence_no', 'legal_person_name', 'legal_person_id_number'],
  contact: ['contact_name', 'contact_phone', 'address', 'location'],
} as const;

/** The documents an application of this kind is asked about: the licence always, the permits its type needs. */
export function infoDocuments(kind: string | null | undefined): string[] {
  return [
    'licence_image_url',
    ...(kind === 'rental' ? ['road_transport_permit'] : []),
    ...(kind === 'new_dealer_4s' ? ['dealer_authorisation'] : []),
    'legal_person_id',
    'shop_photo',
    'other',
  ];
}

/** The review queue: waiting to be claimed, or claimed and being reviewed. */
export const QUEUE_FILTER = { 'state@in': '(submitted,in_review)' };
