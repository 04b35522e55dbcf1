// Every refusal code the database can raise (app.fail('<code>', …) in the migrations) is a
// known code with a text in both languages, so no refusal reaches a user untranslated.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/providers/errors';
import { messages } from '../../src/i18n/i18nProvider';

const dir = path.resolve(__dirname, '../../supabase/migrations');
const raised = new Set<string>();
for (const f of readdirSync(dir)) {
  for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/app\.fail\('([a-z_]+)'/g)) raised.add(m[1]);
}

it('finds the codes the migrations raise', () => {
  expect(raised.size).toBeGreaterThan(10);
});

it.each([...raised].sort())('%s is known and translated in zh-CN and en', (code) => {
  expect(ERROR_CODES as readonly string[]).toContain(code);
  for (const locale of ['zh-CN', 'en']) {
    const errors = (messages[locale] as unknown as { errors: Record<string, string> }).errors;
    expect(errors[code], `${locale} errors.${code}`).toBeTruthy();
  }
});
