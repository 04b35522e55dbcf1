// Enum choices for inputs and fields; names are i18n keys under resources.listings.
const choices = (group: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `resources.listings.${group}.${id}` }));

export const KINDS = ['used_sale', 'new_sale', 'rental'] as const;
export const REVIEW_STATES = ['draft', 'pending', 'approved', 'rejected'] as const;
export const SHELF_STATES = ['off', 'on', 'forced_off'] as const;
export const TRADE_STATES = ['available', 'on_hold', 'sold', 'rented_out', 'maintenance', 'retired'] as const;
export const ENERGY = ['petrol', 'diesel', 'hybrid', 'phev', 'erev', 'ev', 'fcev'] as const;
export const GEARBOX = ['manual', 'automatic', 'dct', 'cvt', 'single_speed'] as const;

export const KIND_CHOICES = choices('kinds', KINDS);
export const REVIEW_STATE_CHOICES = choices('review_states', REVIEW_STATES);
export const SHELF_STATE_CHOICES = choices('shelf_states', SHELF_STATES);
export const TRADE_STATE_CHOICES = choices('trade_states', TRADE_STATES);
export const ENERGY_CHOICES = choices('energy', ENERGY);
export const GEARBOX_CHOICES = choices('gearbox', GEARBOX);

/** Reasons offered when rejecting or delisting a listing (reason codes stored with the history row). */
export const LISTING_REJECT_REASONS = ['photos_unclear', 'false_info', 'price_abnormal', 'duplicate', 'prohibited', 'other'] as const;
export const LISTING_DELIST_REASONS = ['false_info', 'complaint', 'prohibited', 'price_abnormal', 'merchant_request', 'other'] as const;
