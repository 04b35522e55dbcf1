// The merchant profile an admin may correct (merchant_update_profile): the non-state columns.
// Status, category and rates have their own audited actions.

export const PROFILE_FIELDS = [
  'name',
  'name_pinyin',
  'name_initials',
  'contact_name',
  'contact_phone',
  'address',
  'lat',
  'lng',
  'legal_person_name',
  'licence_image_url',
  'description',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileChanges = Partial<Record<ProfileField, string | number | null>>;

/** 11-digit mainland mobile number (the database checks the same pattern). */
export const MOBILE = /^1[3-9][0-9]{9}$/;

const NUMERIC: readonly ProfileField[] = ['lat', 'lng'];

/** '' and whitespace → null, text trimmed, coordinates as numbers. */
function normalise(field: ProfileField, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (NUMERIC.includes(field)) {
    if (typeof value === 'string' && value.trim() === '') return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * The columns whose value differs from the record as it was loaded: what the RPC gets, so an
 * unchanged (possibly masked) value is never written back. Empty when nothing changed.
 */
export function profileChanges(previous: Record<string, unknown>, values: Record<string, unknown>): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of PROFILE_FIELDS) {
    if (!(field in values)) continue;
    const before = normalise(field, previous[field]);
    const after = normalise(field, values[field]);
    if (before !== after) changes[field] = after;
  }
  return changes;
}

/**
 * When the name changes and the admin left pinyin and initials as they were, they follow the
 * new name (the search box finds merchants by them). `toPinyin` is injected so this stays
 * free of the pinyin dictionary.
 */
export function withPinyin(
  previous: Record<string, unknown>,
  values: Record<string, unknown>,
  toPinyin: (name: string) => { pinyin: string; initials: string },
): Record<string, unknown> {
  const name = String(values.name ?? '').trim();
  if (!name || name === String(previous.name ?? '').trim()) return values;
  const auto = toPinyin(name);
  const untouched = (field: 'name_pinyin' | 'name_initials') =>
    String(values[field] ?? '').trim() === '' || normalise(field, values[field]) === normalise(field, previous[field]);
  return {
    ...values,
    name_pinyin: untouched('name_pinyin') ? auto.pinyin : values.name_pinyin,
    name_initials: untouched('name_initials') ? auto.initials : values.name_initials,
  };
}

/** Coordinates come in pairs: the message key for `field` when only the other one is given. */
export function coordinatePairError(field: 'lat' | 'lng', values: Record<string, unknown>): string | undefined {
  const mine = normalise(field, values[field]);
  const other = normalise(field === 'lat' ? 'lng' : 'lat', values[field === 'lat' ? 'lng' : 'lat']);
  return mine === null && other !== null ? 'resources.merchants.edit.coordinates_pair' : undefined;
}
