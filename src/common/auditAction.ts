// An audit action as words: `audit.actions.<action>`; an export (`export.<list>`) names the
// list; an unknown action stays as stored rather than hidden.
export function auditActionText(action: string | null | undefined, translate: (key: string, opts?: object) => string): string {
  if (!action) return '';
  if (action.startsWith('export.')) {
    const list = action.slice('export.'.length);
    return translate('audit.export_action', { list: translate(`resources.${list}.name`, { smart_count: 2, _: list }) });
  }
  return translate(`audit.actions.${action}`, { _: action });
}
