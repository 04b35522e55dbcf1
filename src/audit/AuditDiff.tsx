import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from '../providers/types';
import { diffRows } from './diff';

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** Field-by-field before/after of one audit entry; changed fields highlighted. */
export const AuditDiff = () => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record) return null;
  const rows = diffRows(record.before, record.after);
  return (
    <Box sx={{ py: 1 }}>
      {record.reason ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('resources.audit_log.fields.reason')}：{record.reason}
        </Typography>
      ) : null}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('audit.diff.empty')}
        </Typography>
      ) : (
        <Table size="small" sx={{ '& td': { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('audit.diff.field')}</TableCell>
              <TableCell>{translate('audit.diff.before')}</TableCell>
              <TableCell>{translate('audit.diff.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow
                key={r.key}
                sx={r.changed ? { bgcolor: (t) => (t.palette.mode === 'dark' ? 'rgba(255,193,7,0.12)' : '#fff8e1') } : undefined}
              >
                <TableCell sx={{ fontWeight: r.changed ? 600 : 400 }}>{r.key}</TableCell>
                <TableCell>{show(r.before)}</TableCell>
                <TableCell>{show(r.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
