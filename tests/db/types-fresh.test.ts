// The committed database types must match the schema the migrations build.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { generateTypes, TYPES_FILE } from '../../scripts/gen-types.ts';
import { stack } from '../support/stack.ts';

it('src/types/database.ts is generated from the current migrations (run `npm run types`)', async () => {
  const fresh = await generateTypes((await stack()).dbUrl);
  const committed = await readFile(TYPES_FILE, 'utf8');
  expect(committed).toBe(fresh);
});
