// An audit row's before/after in words: field labels of the entity's screen (or the common
// ones below), states and kinds in words, money in yuan, times in Beijing time, regions by
// name, reasons in words. A value nothing here knows is shown as written, never hidden.
import { formatFen } from '../common/money';
import { formatDateTime } from '../common/datetime';
import { regionName } from '../common/regions';
import { reasonText } from '../common/reasons';
import { ENTITY_RESOURCE, type AuditEntity } from './actions';

type Translate = (key: string, opts?: object) => string;

/** Enum-valued fields, by entity: where their values are worded. */
const ENUM_PREFIX: Record<string, Record<string, string>> = {
  '*': {
    role: 'roles',
    actor_role: 'roles',
    channel: 'payments.channel',
    payer_type: 'payments.payer_type',
    owner_type: 'payments.payer_type',
  },
  merchant_application: {
    state: 'resources.merchant_applications.states',
    kind: 'resources.merchant_applications.kinds',
    fee_plan: 'resources.merchant_applications.fee_plans',
  },
  merchant: { status: 'resources.merchants.statuses', kind: 'resources.merchant_applications.kinds' },
  car_series: { body_type: 'resources.catalogue.body_types' },
  car_models: { energy: 'resources.listings.energy', gearbox: 'resources.listings.gearbox', drive: 'resources.catalogue.drives' },
  listing: {
    kind: 'resources.listings.kinds',
    review_state: 'resources.listings.review_states',
    shelf_state: 'resources.listings.shelf_states',
    trade_state: 'resources.listings.trade_states',
  },
  promotion: { state: 'resources.promotions.states' },
  member: { level: 'resources.members.level', status: 'resources.members.status' },
  reservation: { state: 'resources.reservations.state', kind: 'resources.reservations.kind' },
  trade: { status: 'resources.trades.status', kind: 'resources.trades.kind' },
  payment: { status: 'payments.status', kind: 'payments.kind' },
  withdrawal: { state: 'withdrawals.state', recon_state: 'withdrawals.recon' },
  merchant_review: { visibility: 'resources.merchant_reviews.visibility', hidden_reason: 'reasons' },
  complaint: {
    state: 'resources.complaints.state',
    outcome: 'resources.complaints.outcome',
    category: 'resources.complaints.category',
    severity: 'resources.complaints.severity',
    kind: 'resources.complaints.thread',
  },
};
ENUM_PREFIX.listings = ENUM_PREFIX.listing;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an entity's screens keep their field labels, besides resources.<resource>.fields. */
const LABELS_AT: Record<string, string[]> = {
  car_brands: ['resources.catalogue.fields'],
  car_series: ['resources.catalogue.series', 'resources.catalogue.fields'],
  car_models: ['resources.catalogue.models', 'resources.catalogue.fields'],
};

/** A field's label: the entity's screen's own, the common audit one, or the name itself. */
export function fieldLabel(entity: string | null | undefined, key: string, translate: Translate): string {
  const resource = entity ? ENTITY_RESOURCE[entity as AuditEntity] : undefined;
  const places = [...(entity ? (LABELS_AT[entity] ?? []) : []), ...(resource ? [`resources.${resource}.fields`] : [])];
  for (const place of places) {
    const own = translate(`${place}.${key}`, { _: '' });
    if (own) return own;
  }
  return translate(`audit.fields.${key}`, { _: key });
}

function enumText(entity: string | null | undefined, key: string, value: string, translate: Translate): string | null {
  const prefix = (entity && ENUM_PREFIX[entity]?.[key]) || ENUM_PREFIX['*'][key];
  if (!prefix) return null;
  return translate(`${prefix}.${value}`, { _: value });
}

/** One value in words (nested objects and lists included). */
export function valueText(entity: string | null | undefined, key: string, value: unknown, translate: Translate): string {
  if (value === undefined) return '';
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return translate(value ? 'audit.diff.yes' : 'audit.diff.no');
  if (typeof value === 'string' && /(^|_)city_code$|^region_code$/.test(key) && /^\d{6}$/.test(value)) return regionName(value) || value;
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+$/.test(value))) {
    if (/_fen$/.test(key)) return formatFen(value);
    if (/_rate$|^rate/.test(key) && typeof value === 'number') return `${+(value * 100).toFixed(4)}%`;
    return String(value);
  }
  if (typeof value === 'string') {
    if (ISO_TIME.test(value)) return formatDateTime(value, { seconds: true });
    if (/reason$/.test(key)) return reasonText(value, translate);
    const words = enumText(entity, key, value, translate);
    if (words !== null) return words;
    if (UUID.test(value)) return `${value.slice(0, 8)}…`;
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const itemKey = key === 'region_codes' ? 'region_code' : key;
    return value.map((v) => valueText(entity, itemKey, v, translate)).join('、');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '—';
    return entries.map(([k, v]) => `${fieldLabel(entity, k, translate)}：${valueText(entity, k, v, translate)}`).join('；');
  }
  return String(value);
}
