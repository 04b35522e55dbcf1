import { describe, expect, it } from 'vitest';
import { MAX_ROWS, totalLabel } from '../../src/common/CountPagination';

describe('what a list total means', () => {
  it('is exact for exact-count lists and for estimated ones up to max-rows', () => {
    expect(totalLabel('exact', 2_000_000)).toEqual({ key: 'exact', total: 2_000_000 });
    expect(totalLabel('estimated', 0)).toEqual({ key: 'exact', total: 0 });
    expect(totalLabel('estimated', MAX_ROWS)).toEqual({ key: 'exact', total: 1000 });
  });

  it('reads max-rows + 1 as "more than 1,000" and anything above as the planner\'s estimate', () => {
    expect(totalLabel('estimated', MAX_ROWS + 1)).toEqual({ key: 'over', total: 1000 });
    expect(totalLabel('planned', 336_655)).toEqual({ key: 'estimated', total: 336_655 });
  });
});
