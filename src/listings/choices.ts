// Enum choices for inputs and fields; names are i18n keys under resources.listings.
import { choicesOf } from '../common/choices';

export const KINDS = ['used_sale', 'new_sale', 'rental'] as const;
export const REVIEW_STATES = ['draft', 'pending', 'approved', 'rejected'] as const;
export const SHELF_STATES = ['off', 'on', 'forced_off'] as const;
export const TRADE_STATES = ['available', 'on_hold', 'sold', 'rented_out', 'maintenance', 'retired'] as const;

export const KIND_CHOICES = choicesOf(KINDS, 'resources.listings.kinds');
export const REVIEW_STATE_CHOICES = choicesOf(REVIEW_STATES, 'resources.listings.review_states');
export const SHELF_STATE_CHOICES = choicesOf(SHELF_STATES, 'resources.listings.shelf_states');
export const TRADE_STATE_CHOICES = choicesOf(TRADE_STATES, 'resources.listings.trade_states');

/** Reasons offered when rejecting or delisting a listing (reason codes stored with the history row). */
export const LISTING_REJECT_REASONS = ['photos_unclear', 'false_info', 'price_abnormal', 'duplicate', 'prohibited', 'other'] as const;
export const LISTING_DELIST_REASONS = ['false_info', 'complaint', 'prohibited', 'price_abnormal', 'merchant_request', 'other'] as const;
