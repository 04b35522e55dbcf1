// How lists read a resource: which read model, how rows are counted, what the search box
// filters on. Each feature's manifest declares these for its resources (src/features.ts
// collects them); this file holds the defaults and turns them into PostgREST terms.
import { catalogueFilters, type SearchTerm } from './catalogueSearch';
import { readSettingsOf } from '../features';

export type CountStrategy = 'exact' | 'planned' | 'estimated';

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
export const DEFAULT_SEARCH: SearchSpec = { column: 'search' };

/**
 * `exact` costs a full scan, so only small tables get it; the default `estimated` is exact
 * below PostgREST's max-rows and the planner's guess above.
 */
export const DEFAULT_COUNT: CountStrategy = 'estimated';

export interface ReadSettings {
  /** the read model (a security_invoker `v_…` view) lists and detail pages read; default: the resource itself */
  view?: string;
  /** default DEFAULT_COUNT */
  count?: CountStrategy;
  /** default DEFAULT_SEARCH; null: the list has no search box */
  search?: SearchSpec;
}

export function readTarget(resource: string): string {
  return readSettingsOf(resource).view ?? resource;
}

export function countStrategy(resource: string): CountStrategy {
  return readSettingsOf(resource).count ?? DEFAULT_COUNT;
}

function searchSpec(resource: string): SearchSpec {
  const { search } = readSettingsOf(resource);
  return search === undefined ? DEFAULT_SEARCH : search;
}

/** Whether this list's search needs the catalogue terms (the data provider loads them once). */
export function searchesCatalogue(resource: string, filter: Record<string, unknown> = {}): boolean {
  const spec = searchSpec(resource);
  return typeof filter.q === 'string' && filter.q.trim() !== '' && !!spec && 'column' in spec && !!spec.catalogue;
}

/**
 * The search box's words joined by `*` (one ilike matches "宝马…X5"), without the characters
 * PostgREST's or-syntax reserves; null when nothing is left. Totals RPCs take the same term.
 */
export function searchTerm(q: unknown): string | null {
  if (typeof q !== 'string') return null;
  return q.trim().replace(/[,()*%\\"]/g, ' ').trim().split(/\s+/).filter(Boolean).join('*') || null;
}

/**
 * Replaces `q` in a react-admin filter by the resource's search filter (ra-data-postgrest
 * `field@op` syntax), words joined as searchTerm does. With `terms`, a resource that
 * searches the catalogue turns catalogue words into indexed id filters first.
 */
export function mapSearch(resource: string, filter: Record<string, unknown> = {}, terms?: SearchTerm[]): Record<string, unknown> {
  const { q, ...rest } = filter;
  const term = searchTerm(q);
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
