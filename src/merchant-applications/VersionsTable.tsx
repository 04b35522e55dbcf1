import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/datetime';

interface Version {
  version: number;
  submitted_at: string;
  snapshot: Record<string, unknown>;
}

/** Every submitted version as it was then (merchant_application_versions has no id column, so no DataTable). */
export const VersionsTable = () => {
  const record = useRecordContext<{ id: string; version: number }>();
  const translate = useTranslate();
  const { data = [] } = useGetList<Version & { id: number }>(
    'merchant_application_versions',
    {
      filter: { application_id: record?.id },
      sort: { field: 'version', order: 'DESC' },
      pagination: { page: 1, perPage: 20 },
      // the table's key is (application_id, version): alias version as react-admin's id
      meta: { columns: ['id:version', 'version', 'submitted_at', 'snapshot'] },
    },
    { enabled: !!record },
  );
  if (!record) return null;
  if (data.length === 0) return <Typography color="text.secondary">—</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.merchant_applications.fields.version')}</TableCell>
          <TableCell>{translate('resources.merchant_applications.fields.submitted_at')}</TableCell>
          <TableCell>{translate('resources.merchant_applications.show.applicant')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((v) => (
          <TableRow key={v.version} selected={v.version === record.version}>
            <TableCell>
              {translate('resources.merchant_applications.show.version_label', { version: v.version })}
              {v.version === record.version ? ` (${translate('resources.merchant_applications.show.current_version')})` : ''}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.submitted_at)}</TableCell>
            <TableCell>
              {['company_name', 'licence_no', 'address', 'contact_name']
                .map((k) => v.snapshot?.[k])
                .filter(Boolean)
                .join(' · ')}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
