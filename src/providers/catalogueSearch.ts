// The search box's catalogue words (R-PRD-3): 宝马, 汉兰达, X5, BMW, baoma, bm, 1.5T name brands,
// series or models, so they become brand_id / series_id / model_id filters. Those are integer
// equality, which row-level security lets use an index; the text search on the listings' search
// column cannot (its operators are not leakproof), so it is kept for the words the catalogue
// does not know. The terms come from v_search_terms, one small row per brand, series and model.

export type CatalogueLevel = 'brand' | 'series' | 'model';
export interface SearchTerm {
  level: CatalogueLevel;
  id: number;
  brand_id: number;
  series_id: number | null;
  /** lower-case names, English name, pinyin and initials, space-separated */
  terms: string;
}

/** A word naming more models than this ("款", "2.0") says little: it goes to the text search. */
export const MAX_MODELS_PER_WORD = 60;

const COLUMN: Record<CatalogueLevel, string> = { brand: 'brand_id', series: 'series_id', model: 'model_id' };

/** The entries one word names, each at the broadest level (a model of a named series is dropped). */
function entriesOf(word: string, terms: SearchTerm[]): Record<CatalogueLevel, number[]> | null {
  // One Latin letter or digit names half the catalogue; one Chinese character (宝) is a real word.
  if (/^[a-z0-9.-]$/.test(word)) return null;
  const hits = terms.filter((t) => t.terms.includes(word));
  const brands = new Set(hits.filter((t) => t.level === 'brand').map((t) => t.id));
  const series = new Set(hits.filter((t) => t.level === 'series' && !brands.has(t.brand_id)).map((t) => t.id));
  const models = hits
    .filter((t) => t.level === 'model' && !brands.has(t.brand_id) && !series.has(t.series_id ?? -1))
    .map((t) => t.id);
  if (models.length > MAX_MODELS_PER_WORD) return null;
  if (brands.size + series.size + models.length === 0) return null;
  return { brand: [...brands], series: [...series], model: models };
}

/** 2022, 2022款, 2022年: the listing's model year, an integer column (leakproof, like the ids). */
const YEAR = /^((?:199|20[0-9])[0-9])(?:款|年)?$/;

const list = (ids: number[]) => `(${[...ids].sort((a, b) => a - b).join(',')})`;

/**
 * Turns the words the catalogue knows, and a model year, into filters (ra-data-postgrest
 * `field@op` syntax) and returns the rest for the text search. Words are ANDed: two words on
 * the same column keep the ids both name (宝马 奔驰 → none); a word naming entries at two levels
 * (宝 → the brand 宝马 and the series 宝来) becomes one `@or`, and a second such word goes to the
 * text search instead.
 */
export function catalogueFilters(words: string[], terms: SearchTerm[]): { filter: Record<string, unknown>; rest: string[] } {
  const byColumn = new Map<string, number[]>();
  let or: Record<string, string> | null = null;
  const rest: string[] = [];
  let year: string | null = null;
  for (const word of words) {
    const y = YEAR.exec(word)?.[1];
    if (y && !year) {
      year = y;
      continue;
    }
    const entries = entriesOf(word, terms);
    if (!entries) {
      rest.push(word);
      continue;
    }
    const levels = (Object.keys(entries) as CatalogueLevel[]).filter((l) => entries[l].length > 0);
    if (levels.length === 1) {
      const column = COLUMN[levels[0]];
      const ids = entries[levels[0]];
      const before = byColumn.get(column);
      byColumn.set(column, before ? before.filter((id) => ids.includes(id)) : ids);
    } else if (!or) {
      or = Object.fromEntries(levels.map((l) => [`${COLUMN[l]}@in`, list(entries[l])]));
    } else {
      rest.push(word);
    }
  }
  const filter: Record<string, unknown> = {};
  for (const [column, ids] of byColumn) filter[`${column}@in`] = list(ids);
  if (or) filter['@or'] = or;
  if (year) filter['year@eq'] = year;
  return { filter, rest };
}
