// Runs last (vitest.config.ts): after every database, function and end-to-end test has moved
// money, the ledger still has no violation of any kind.
import { expect, it } from 'vitest';
import { db } from '../support/stack.ts';

it('ledger_check() finds nothing after the whole suite', async () => {
  const pg = await db();
  try {
    const { rows } = await pg.query('select * from public.ledger_check()');
    expect(rows).toEqual([]);
  } finally {
    await pg.end();
  }
});
