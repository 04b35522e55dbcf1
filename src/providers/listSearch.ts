// The big lists' search box (listings, merchants, members, complaints) under row-level security.
// ILIKE and array containment cannot use an index under a policy, so the database finds the
// words itself (docs/ARCHITECTURE.md, "Searching under row-level security"):
//   hits:  few rows match: a security definer function finds their ids through the trigram and
//          fragment indexes, and the view's search_hit column is `id = any (those ids)`;
//   words: many match: the view's search_match column checks the words row by row, and the
//          list's order index reaches a page of them after a few rows.
// public.search_mode says which, once per list and entry (kept here for ten minutes). The words
// travel in the x-search header (a view's column has no other way to take an argument), as the
// hex of their UTF-8 bytes so that any script makes a valid header.

export type HitsKind = 'listings' | 'merchants' | 'members' | 'complaints';
export type SearchMode = 'hits' | 'words';

/** The x-search header's value: app.search_requested() decodes it. */
export function searchHeader(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The filter a mode adds to the list request (ra-data-postgrest `field@op` syntax). */
export function modeFilter(mode: SearchMode): Record<string, boolean> {
  return mode === 'hits' ? { 'search_hit@eq': true } : { 'search_match@eq': true };
}

/**
 * Remembers each list's mode per entry. A common word stays common while someone pages and
 * sorts; after ten minutes the database is asked again. A failed question falls back to
 * `words`, which is right for every entry, only slower for rare ones.
 */
export function searchModes(ask: (kind: HitsKind, text: string) => Promise<SearchMode | null>, ttlMs = 10 * 60_000) {
  const kept = new Map<string, { at: number; mode: Promise<SearchMode | null> }>();
  return (kind: HitsKind, text: string): Promise<SearchMode | null> => {
    const key = `${kind} ${text}`;
    const hit = kept.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.mode;
    const mode = ask(kind, text).catch(() => 'words' as const);
    kept.set(key, { at: Date.now(), mode });
    if (kept.size > 200) kept.delete(kept.keys().next().value as string);
    return mode;
  };
}
