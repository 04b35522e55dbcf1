// Per-resource read settings, in one place: which read model a list reads, how rows are
// counted, and what the search box filters on. A new feature adds one line to each map.
import { catalogueFilters, type SearchTerm } from './catalogueSearch';

export type CountStrategy = 'exact' | 'planned' | 'estimated';

/** Lists and detail pages read `v_<resource>` read models (security_invoker views); writes go to tables or RPC. */
export const READ_VIEWS: Record<string, string> = {
  // merchants: 'v_merchants',  ← how later features register their view
  complaints: 'v_complaints',
  members: 'v_members',
  reservations: 'v_reservations',
  trades: 'v_trades',
  distribution: 'v_distributors',
  payments: 'v_payments',
  statements: 'v_channel_statements',
  reconciliation: 'v_reconciliation',
  commissions: 'v_commissions',
  settlements: 'settlement_runs',
  withdrawals: 'v_withdrawals',
  ledger: 'v_account_balances',
  merchant_applications: 'v_merchant_applications',
  merchants: 'v_merchants',
  listings: 'v_listings',
  catalogue: 'v_car_brands',
  promotions: 'v_promotions',
};

/**
 * `exact` costs a full scan, so only small tables get it; everything else (default)
 * uses `estimated` (exact below PostgREST's max-rows, the planner's guess above).
 */
export const COUNT_STRATEGY: Record<string, CountStrategy> = {
  staff: 'exact',
  ranking_rules: 'exact',
  audit_log: 'estimated',
  complaints: 'estimated',
  members: 'estimated', // big: exact only below max-rows, the planner's guess above
  reservations: 'estimated', // big, same
  trades: 'estimated', // millions; the totals bar above the list gives the exact count of the filter
  distribution: 'exact', // distributors only (a filtered view the planner misjudges)
  statements: 'exact', // one row per imported statement
  reconciliation: 'exact', // the view computes every row anyway
  settlements: 'exact', // one run per period
  merchant_applications: 'estimated', // hundreds × factor; exact below max-rows anyway
  merchants: 'estimated',
  listings: 'estimated', // millions: exact only when the planner expects ≤ max-rows (1000), its guess above
  catalogue: 'exact', // twenty brands
  promotions: 'estimated',
  listing_history: 'estimated',
  merchant_application_history: 'exact', // per application, a handful of rows
};
export const DEFAULT_COUNT: CountStrategy = 'estimated';

/**
 * What react-admin's free-text `q` becomes. `column` = one indexed (trigram) search column
 * that the read model carries; `anyOf` = an `or` over a few columns, only for small tables.
 * The default is the `search` column every `v_<resource>` view is expected to have.
 * `grams` = a text[] column of every 1–2 character fragment (app.search_grams, GIN-indexed):
 * trigram indexes cannot serve words shorter than 3 characters, so those words go there.
 * `catalogue` = words naming brands, series or models become brand_id / series_id / model_id
 * filters first (catalogueSearch.ts): the only search filters an index serves under RLS.
 * `prefix` = "C"-collated key columns searched by the start of a word as a range (leakproof
 * text comparisons on btree indexes); `tail` = the column a four-digit word (a phone's last
 * four) equals; other words of digits stay on `column`.
 */
export type SearchSpec =
  | { column: string; grams?: string; catalogue?: boolean; prefix?: string[]; tail?: string }
  | { anyOf: string[] }
  | null;
export const SEARCH: Record<string, SearchSpec> = {
  staff: { anyOf: ['display_name', 'email'] },
  audit_log: null, // filtered by actor, action, entity and date instead
  complaints: { column: 'search' }, // title, member, merchant (v_complaints)
  // the start of the nickname, its pinyin or initials (林浩然, linhaoran, lhr), or the phone's last four (8468)
  members: { column: 'search', prefix: ['name_key', 'pinyin_key', 'initials_key'], tail: 'phone_tail' },
  distribution: { column: 'search' },
  statements: { anyOf: ['statement_ref'] },
  reconciliation: { anyOf: ['channel_txn_id', 'payment_no'] },
  commissions: null, // filtered by beneficiary, merchant, trade and state
  settlements: null,
  // 1–2 character words (宝马, x5, bm) go to the GIN index on search_grams, longer ones to trigram ilike
  merchant_applications: { column: 'search', grams: 'search_grams' },
  merchants: { column: 'search', grams: 'search_grams' },
  listings: { column: 'search', grams: 'search_grams', catalogue: true },
  catalogue: { column: 'search' },
  promotions: null, // filtered by car model, city and state
};
export const DEFAULT_SEARCH: SearchSpec = { column: 'search' };

export function readTarget(resource: string): string {
  return READ_VIEWS[resource] ?? resource;
}

export function countStrategy(resource: string): CountStrategy {
  return COUNT_STRATEGY[resource] ?? DEFAULT_COUNT;
}

function searchSpec(resource: string): SearchSpec {
  return resource in SEARCH ? SEARCH[resource] : DEFAULT_SEARCH;
}

/** Whether this list's search needs the catalogue terms (the data provider loads them once). */
export function searchesCatalogue(resource: string, filter: Record<string, unknown> = {}): boolean {
  const spec = searchSpec(resource);
  return typeof filter.q === 'string' && filter.q.trim() !== '' && !!spec && 'column' in spec && !!spec.catalogue;
}

/**
 * Replaces `q` in a react-admin filter by the resource's search filter (ra-data-postgrest
 * `field@op` syntax). Words are joined with `*` so "宝马 X5" matches "宝马…X5" in one ilike;
 * characters that PostgREST's or-syntax reserves are dropped. With `terms`, a resource that
 * searches the catalogue turns catalogue words into indexed id filters first.
 */
export function mapSearch(resource: string, filter: Record<string, unknown> = {}, terms?: SearchTerm[]): Record<string, unknown> {
  const { q, ...rest } = filter;
  if (typeof q !== 'string' || q.trim() === '') return rest;
  const term = q.trim().replace(/[,()*%\\"]/g, ' ').trim().split(/\s+/).join('*');
  if (!term) return rest;
  const spec = searchSpec(resource);
  if (!spec) return rest;
  if ('column' in spec && spec.grams) {
    let words = term.toLowerCase().replace(/[{}]/g, '').split('*').filter(Boolean);
    const out: Record<string, unknown> = { ...rest };
    if (spec.catalogue && terms) {
      const resolved = catalogueFilters(words, terms);
      Object.assign(out, resolved.filter);
      words = resolved.rest;
    }
    const short = words.filter((w) => [...w].length <= 2);
    const long = words.filter((w) => [...w].length > 2);
    if (short.length) out[`${spec.grams}@cs`] = `{${short.join(',')}}`;
    if (long.length) out[`${spec.column}@ilike`] = long.join('*');
    return out;
  }
  if ('column' in spec && spec.prefix) return { ...rest, ...prefixSearch(spec.column, spec.prefix, spec.tail, term.split('*')) };
  if ('column' in spec) return { ...rest, [`${spec.column}@ilike`]: term };
  return { ...rest, '@or': Object.fromEntries(spec.anyOf.map((c) => [`${c}@ilike`, term])) };
}

/** Past every character: `w <= key < w + LAST` is "key starts with w" in the "C" collation. */
const LAST = '\u{10FFFF}';

/**
 * The first word that is not a number becomes "any key starts with it" (one PostgREST `or` of
 * ranges, sent raw through ra-data-postgrest's `field@` syntax); pinyin and initials are stored
 * lower-case. The first four-digit word must equal `tail`. Other words go to the trigram column.
 */
function prefixSearch(column: string, keys: string[], tail: string | undefined, words: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const first = words.find((w) => !/^\d+$/.test(w));
  const four = tail ? words.find((w) => /^\d{4}$/.test(w)) : undefined;
  if (tail && four) out[`${tail}@eq`] = four;
  const others = words.filter((w) => w !== first && w !== four);
  if (first) {
    const ranges = keys.map((key, i) => {
      const w = i === 0 ? first : first.toLowerCase();
      return `and(${key}.gte."${w}",${key}.lt."${w}${LAST}")`;
    });
    out['or@'] = `(${ranges.join(',')})`;
  }
  if (others.length) out[`${column}@ilike`] = others.join('*');
  return out;
}
