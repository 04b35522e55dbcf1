// Turns a refused RPC into a message key. The shell's errors.ts knows the common codes
// (errors.<code>); codes specific to one feature live under resources.<name>.errors.<code>.
import { useCallback } from 'react';
import { useNotify, useTranslate } from 'react-admin';

/** The raw code or message of an error (HttpError from the data provider, or a bulk row's text). */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' ? message : 'errors.unknown';
}

/** A translated sentence for an error, looking in the feature's own codes too. */
export function useErrorMessage(resource: string) {
  const translate = useTranslate();
  return useCallback(
    (error: unknown): string => {
      const text = errorText(error);
      if (text.startsWith('errors.')) return translate(text, { _: text });
      if (/^[a-z_]+$/.test(text)) {
        const own = translate(`resources.${resource}.errors.${text}`, { _: '' });
        if (own) return own;
        const common = translate(`errors.${text}`, { _: '' });
        if (common) return common;
      }
      return text || translate('errors.unknown');
    },
    [translate, resource],
  );
}

/** notify() for a refused action: the database's reason, translated. */
export function useNotifyError(resource: string) {
  const notify = useNotify();
  const message = useErrorMessage(resource);
  return useCallback(
    (error: unknown) => notify(message(error), { type: 'error', messageArgs: { _: message(error) } }),
    [notify, message],
  );
}
