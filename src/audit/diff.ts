export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Every top-level key of either side, changed ones first, then alphabetical. */
export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null): DiffRow[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .map((key) => {
      const b = before?.[key];
      const a = after?.[key];
      return { key, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
    })
    .sort((x, y) => Number(y.changed) - Number(x.changed) || x.key.localeCompare(y.key));
}
