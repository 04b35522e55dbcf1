// The audit export: Beijing times, actions and entities as the list names them, before and
// after as JSON (masked by v_audit_log as on screen).
import type { ExportColumn } from '../common/export';
import { auditActionText } from '../common/auditAction';
import type { AuditEntry } from '../providers/types';

export const auditExportColumns = (translate: (key: string, opts?: object) => string): ExportColumn<AuditEntry>[] => [
  { source: 'id', label: 'ID', kind: 'number' },
  { source: 'at', label: translate('resources.audit_log.fields.at'), kind: 'datetime' },
  { source: 'actor_email', label: translate('resources.audit_log.fields.actor_email') },
  { source: 'actor_role', label: translate('resources.audit_log.fields.actor_role'), value: (r) => (r.actor_role ? translate(`roles.${r.actor_role}`) : '') },
  { source: 'action', label: translate('resources.audit_log.fields.action'), value: (r) => auditActionText(r.action, translate) },
  { source: 'entity', label: translate('resources.audit_log.fields.entity'), value: (r) => translate(`audit.entities.${r.entity}`, { _: r.entity }) },
  { source: 'entity_id', label: translate('resources.audit_log.fields.entity_id') },
  { source: 'reason', label: translate('resources.audit_log.fields.reason') },
  { source: 'region_code', label: translate('resources.audit_log.fields.region_code') },
  { source: 'before', label: translate('resources.audit_log.fields.before') },
  { source: 'after', label: translate('resources.audit_log.fields.after') },
];
