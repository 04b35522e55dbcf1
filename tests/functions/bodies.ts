// Bodies no edge function accepts: not JSON, JSON that is not an object, and (per function)
// objects with a field of the wrong type. Each must be refused with 400 invalid_input, never
// answered 500 (a null body used to reach `body.action`).
import { expect } from 'vitest';
import { as, stack, type StaffRole } from '../support/stack.ts';

export const NOT_OBJECTS = ['null', '[]', '[{"action":"create"}]', '"text"', '5', 'true', '{"a":', 'not json'];

/** POSTs a raw body to a function as a staff role's token or the service key. */
export async function postRaw(slug: string, caller: StaffRole | 'service', body: string): Promise<{ status: number; body: unknown }> {
  const cfg = await stack();
  const token = caller === 'service' ? cfg.serviceRoleKey : (await (await as(caller)).auth.getSession()).data.session!.access_token;
  const res = await fetch(`${cfg.apiUrl}/functions/v1/${slug}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: cfg.anonKey, Authorization: `Bearer ${token}` },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the failure message
  }
  return { status: res.status, body: parsed };
}

/** Every body is answered 400 { error: { code: 'invalid_input' } }. */
export async function expectRefused(slug: string, caller: StaffRole | 'service', bodies: string[]): Promise<void> {
  for (const body of bodies) {
    const res = await postRaw(slug, caller, body);
    expect({ body, status: res.status, code: (res.body as { error?: { code?: string } })?.error?.code })
      .toEqual({ body, status: 400, code: 'invalid_input' });
  }
}
