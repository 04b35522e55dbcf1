// A refusal as a sentence the user can read. The database refuses with a stable snake_case
// code (`app.fail('<code>', …)`, docs/CONVENTIONS.md), edge functions with
// `{ error: { code } }`; the data provider already turns known codes into `errors.<code>`
// (providers/errors.ts). Texts live under `errors.<code>` in both languages.
import { useCallback } from 'react';
import { useNotify, useResourceContext, useTranslate } from 'react-admin';

const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * What an error says: `{ key }` for a code (`errors.<code>`, or a bare code that did not pass
 * through the data provider: a bulk RPC's per-row answer), else the server's own text.
 */
export function refusalOf(error: unknown): { key: string; bare?: string } | { text: string } {
  if (typeof error === 'string') return CODE.test(error) ? { key: `errors.${error}`, bare: error } : { text: error };
  const e = (error ?? {}) as { message?: unknown; body?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  if (message.startsWith('errors.')) return { key: message };
  const body = (e.body && typeof e.body === 'object' ? e.body : {}) as { message?: unknown; error?: { code?: unknown } };
  for (const c of [body.error?.code, body.message, message]) {
    if (typeof c === 'string' && CODE.test(c)) return { key: `errors.${c}`, bare: c };
  }
  return { text: message };
}

/**
 * (error) → translated sentence. A bare code may have a wording of its own under
 * `resources.<resource>.errors.<code>` (default: the page's resource); an untranslated code
 * or a server sentence is shown as it is.
 */
export function useRefusal(resource?: string): (error: unknown) => string {
  const translate = useTranslate();
  const pageResource = useResourceContext();
  const own = resource ?? pageResource;
  return useCallback(
    (error: unknown) => {
      const r = refusalOf(error);
      if ('text' in r) return r.text || translate('errors.unknown');
      const specific = r.bare && own ? translate(`resources.${own}.errors.${r.bare}`, { _: '' }) : '';
      return specific || translate(r.key, { _: r.bare ?? translate('errors.unknown') });
    },
    [translate, own],
  );
}

/** notify() of a refusal, translated as useRefusal does. */
export function useNotifyRefusal(resource?: string): (error: unknown) => void {
  const notify = useNotify();
  const refusal = useRefusal(resource);
  return useCallback((error: unknown) => notify(refusal(error), { type: 'error' }), [notify, refusal]);
}
