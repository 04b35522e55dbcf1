// List filter values (strings from the URL) as the arguments of a totals RPC.

/** The trimmed text of a filter value; undefined (the SQL default: no filter) when empty. */
export function filterText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
