import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from '../providers/types';
import { reasonText } from '../common/reasons';
import { diffRows } from './diff';
import { fieldLabel, valueText } from './diffText';
import { ENTITY_PATH, type AuditEntity } from './actions';

/** Field-by-field before/after of one audit entry in words; changed fields highlighted. */
export const AuditDiff = () => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record) return null;
  const rows = diffRows(record.before, record.after);
  const path = record.entity && record.entity_id ? ENTITY_PATH[record.entity as AuditEntity]?.(record.entity_id) : undefined;
  return (
    <Box sx={{ py: 1 }} data-testid="audit-diff">
      {record.reason ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('resources.audit_log.fields.reason')}：{reasonText(record.reason, translate)}
        </Typography>
      ) : null}
      {path ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          <MuiLink component={Link} to={path}>
            {translate('audit.diff.open')}
          </MuiLink>
        </Typography>
      ) : null}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('audit.diff.empty')}
        </Typography>
      ) : (
        <Table size="small" sx={{ tableLayout: 'auto', '& td': { fontSize: 13, verticalAlign: 'top', overflowWrap: 'anywhere' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '20%', minWidth: 120 }}>{translate('audit.diff.field')}</TableCell>
              <TableCell sx={{ width: '40%' }}>{translate('audit.diff.before')}</TableCell>
              <TableCell sx={{ width: '40%' }}>{translate('audit.diff.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow
                key={r.key}
                data-field={r.key}
                sx={r.changed ? { bgcolor: (t) => (t.palette.mode === 'dark' ? 'rgba(255,193,7,0.12)' : '#fff8e1') } : undefined}
              >
                <TableCell sx={{ fontWeight: r.changed ? 600 : 400, whiteSpace: 'nowrap' }} title={r.key}>
                  {fieldLabel(record.entity, r.key, translate)}
                </TableCell>
                <TableCell>{valueText(record.entity, r.key, r.before, translate)}</TableCell>
                <TableCell>{valueText(record.entity, r.key, r.after, translate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
