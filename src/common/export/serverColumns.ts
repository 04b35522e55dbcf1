// The export columns a list declares, sent to the server's exporter (supabase/functions/export),
// which formats cells with the same module (columns.ts). A column that computes its cell (a
// state in words) cannot travel as code: its words are read off it here, by asking it for every
// code the database knows (the enums of the generated types), and travel as a code → words map.
import { Constants } from '../../types/database';
import type { ExportColumn, ExportKind } from './columns';

export interface WireColumn {
  source: string;
  label: string;
  kind?: ExportKind;
  words?: Record<string, string>;
}

const CODES: readonly string[] = [...new Set(Object.values(Constants.public.Enums).flat() as string[])];

export function serverColumns<Row>(columns: readonly ExportColumn<Row>[]): WireColumn[] {
  return columns.map((c) => {
    if (!c.value) return { source: c.source, label: c.label, ...(c.kind ? { kind: c.kind } : {}) };
    const words: Record<string, string> = {};
    for (const code of CODES) {
      try {
        const out = c.value({ [c.source]: code } as Row);
        if (typeof out === 'string' && out !== '' && out !== code && !out.includes('undefined')) words[code] = out;
      } catch {
        // a cell computed from other fields: the code is written as it is
      }
    }
    return { source: c.source, label: c.label, words };
  });
}
