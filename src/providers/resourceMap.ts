// How lists read a resource: which read model, how rows are counted, what the search box
// filters on. Each feature's manifest declares these for its resources (src/features.ts
// collects them); this file holds the defaults and turns them into PostgREST terms.
import { catalogueFilters, type SearchTerm } from './catalogueSearch';
import type { HitsKind } from './listSearch';
import { readSettingsOf } from '../features';

export type CountStrategy = 'exact' | 'planned' | 'estimated';

/**
 * What react-admin's free-text `q` becomes. `column` = one indexed (trigram) search column
 * that the read model carries; `anyOf` = an `or` over a few columns, only for small tables.
 * The default is the `search` column every `v_<resource>` view is expected to have.
 * `grams` = a text[] column of every 1–2 character fragment (app.search_grams, GIN-indexed):
 * trigram indexes cannot serve words shorter than 3 characters, so those words go there.
 * `hits` = the big lists whose words the database finds through its indexes under row-level
 * security (listSearch.ts: the words travel in the x-search header and the view's search_hit or
 * search_match column applies them); `catalogue` = words naming brands, series or models become
 * brand_id / series_id / model_id filters first (catalogueSearch.ts).
 */
export type SearchSpec =
  | { column: string; grams?: string }
  | { anyOf: string[] }
  | { hits: HitsKind; catalogue?: boolean }
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
  return typeof filter.q === 'string' && filter.q.trim() !== '' && !!spec && 'hits' in spec && !!spec.catalogue;
}

/**
 * The search box's words joined by `*` (one ilike matches "宝马…X5"), without the characters
 * PostgREST's or-syntax reserves; null when nothing is left. Totals RPCs take the same term.
 */
export function searchTerm(q: unknown): string | null {
  if (typeof q !== 'string') return null;
  return q.trim().replace(/[,()*%\\"]/g, ' ').trim().split(/\s+/).filter(Boolean).join('*') || null;
}

/** A list request's search: PostgREST filters, and for a `hits` list the words the database looks up. */
export interface SearchPlan {
  filter: Record<string, unknown>;
  words?: { kind: HitsKind; text: string };
}

/**
 * Replaces `q` in a react-admin filter by the resource's search (ra-data-postgrest `field@op`
 * syntax). A `hits` list keeps its words apart for the data provider (listSearch.ts), after a
 * catalogue list has turned catalogue words into indexed id filters (with `terms`).
 */
export function planSearch(resource: string, filter: Record<string, unknown> = {}, terms?: SearchTerm[]): SearchPlan {
  const { q, ...rest } = filter;
  const spec = searchSpec(resource);
  if (!spec) return { filter: rest };
  if ('hits' in spec) {
    let words = typeof q === 'string' ? q.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
    const out: Record<string, unknown> = { ...rest };
    if (spec.catalogue && terms && words.length) {
      const resolved = catalogueFilters(words, terms);
      Object.assign(out, resolved.filter);
      words = resolved.rest;
    }
    return words.length ? { filter: out, words: { kind: spec.hits, text: words.join(' ') } } : { filter: out };
  }
  const term = searchTerm(q);
  if (!term) return { filter: rest };
  if ('column' in spec && spec.grams) {
    const words = term.toLowerCase().replace(/[{}]/g, '').split('*').filter(Boolean);
    const out: Record<string, unknown> = { ...rest };
    const short = words.filter((w) => [...w].length <= 2);
    const long = words.filter((w) => [...w].length > 2);
    if (short.length) out[`${spec.grams}@cs`] = `{${short.join(',')}}`;
    if (long.length) out[`${spec.column}@ilike`] = long.join('*');
    return { filter: out };
  }
  if ('column' in spec) return { filter: { ...rest, [`${spec.column}@ilike`]: term } };
  return { filter: { ...rest, '@or': Object.fromEntries(spec.anyOf.map((c) => [`${c}@ilike`, term])) } };
}

/** The PostgREST filters of a list request's search (a `hits` list's words aside). */
export function mapSearch(resource: string, filter: Record<string, unknown> = {}, terms?: SearchTerm[]): Record<string, unknown> {
  return planSearch(resource, filter, terms).filter;
}
