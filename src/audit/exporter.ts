import Papa from 'papaparse';
import { downloadCSV, type Exporter } from 'react-admin';
import { formatDateTime } from '../common/datetime';
import type { AuditEntry } from '../providers/types';

/** Audit rows as CSV text: Beijing times, JSON before/after. */
export function auditCsv(rows: AuditEntry[]): string {
  return Papa.unparse(
    rows.map((r) => ({
      id: r.id,
      at: formatDateTime(r.at, { seconds: true }),
      actor_email: r.actor_email ?? '',
      actor_role: r.actor_role ?? '',
      action: r.action,
      entity: r.entity,
      entity_id: r.entity_id ?? '',
      reason: r.reason ?? '',
      region_code: r.region_code ?? '',
      before: r.before ? JSON.stringify(r.before) : '',
      after: r.after ? JSON.stringify(r.after) : '',
    })),
  );
}

// A BOM so Excel opens the Chinese text as UTF-8.
export const auditExporter: Exporter = (rows) => downloadCSV(`\ufeff${auditCsv(rows as AuditEntry[])}`, 'audit_log');
