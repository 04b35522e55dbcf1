// The data provider rethrows every refusal as `errors.<code>` when errors.ts knows the code;
// codes it does not know yet arrive as the bare code ("merchant_inactive"). Both become an
// i18n key here, with the server's text as the fallback.
export function errorKeyOf(error: unknown): { key: string; fallback: string } {
  const message = (error as { message?: unknown })?.message;
  const text = typeof message === 'string' && message ? message : 'errors.unknown';
  if (text.startsWith('errors.')) return { key: text, fallback: text };
  if (/^[a-z][a-z0-9_]*$/.test(text)) return { key: `errors.${text}`, fallback: text };
  return { key: text, fallback: text };
}
