import type { DataProvider } from 'react-admin';

/**
 * The application a reviewer should look at next: their own claimed ones first, then the
 * oldest waiting to be claimed; never the one just decided.
 */
export async function nextInQueue(dataProvider: DataProvider, me: string | undefined, currentId: string): Promise<string | null> {
  const page = { page: 1, perPage: 1 };
  const sort = { field: 'submitted_at', order: 'ASC' as const };
  if (me) {
    const mine = await dataProvider.getList('merchant_applications', {
      filter: { state: 'in_review', reviewer_id: me, 'id@neq': currentId },
      sort,
      pagination: page,
      meta: { headers: { Prefer: 'count=planned' } },
    });
    if (mine.data[0]) return String(mine.data[0].id);
  }
  const waiting = await dataProvider.getList('merchant_applications', {
    filter: { state: 'submitted', 'id@neq': currentId },
    sort,
    pagination: page,
    meta: { headers: { Prefer: 'count=planned' } },
  });
  return waiting.data[0] ? String(waiting.data[0].id) : null;
}
