// What a list's count means and when to count exactly. Pure, so unit tests pin the rules.
import { MAX_ROWS } from '../../providers/partialPages';

export { MAX_ROWS };

/** A list's count as shown: exact, the planner's estimate ("约 N"), or "more than 1,000". */
export interface ListCount {
  kind: 'exact' | 'estimated' | 'over';
  total: number;
}

/**
 * Reads a count=estimated total. PostgREST counts exactly up to max-rows and otherwise
 * reports the planner's estimate, or max-rows + 1 when it counted past max-rows but the
 * planner guessed fewer: that is "more than 1,000", not 1,001.
 */
export function readEstimate(count: number): ListCount {
  if (count <= MAX_ROWS) return { kind: 'exact', total: count };
  if (count === MAX_ROWS + 1) return { kind: 'over', total: MAX_ROWS };
  return { kind: 'estimated', total: count };
}

/**
 * Below this estimate a filtered list is counted exactly without asking: the planner expects
 * few rows, so the count reads few (even at twice the guess, a few milliseconds).
 */
export const CHEAP_EXACT_COUNT = 10_000;

/**
 * Whether to count exactly without a click: a filtered list the planner expects to be small,
 * or one PostgREST counted past max-rows while the planner guessed fewer (its guess is
 * wrong, and low). An unfiltered big list shows "约 N" and counts on demand.
 */
export function countsExactlyByItself(estimate: ListCount | undefined, filtered: boolean): boolean {
  if (!estimate || estimate.kind === 'exact') return false;
  if (estimate.kind === 'over') return true;
  return filtered && estimate.total <= CHEAP_EXACT_COUNT;
}

/** The number of pages of `total` rows (at least one). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** Whether a filter selects anything (empty strings and empty lists select nothing). */
export function isFiltered(filter: Record<string, unknown>): boolean {
  return Object.values(filter).some((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
}
