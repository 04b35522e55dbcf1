import { Grid, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { StorageImage } from '../common/StorageImage';

interface Application {
  id: string;
  version: number;
  company_name: string;
  licence_image_url: string | null;
  licence_no: string | null;
}
interface Document {
  id: string;
  version: number;
  doc_type: string;
  file_url: string;
  doc_number: string | null;
  valid_until: string | null;
}

/** The licence and every qualification document up to the current version, large enough to read. */
export const DocumentsPanel = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const { data: docs = [], isPending } = useGetList<Document>(
    'merchant_application_documents',
    {
      filter: { application_id: record?.id, 'version@lte': record?.version },
      sort: { field: 'version', order: 'DESC' },
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: !!record },
  );
  if (!record) return null;
  // the newest document of each type
  const latest = new Map<string, Document>();
  for (const d of docs) if (!latest.has(d.doc_type)) latest.set(d.doc_type, d);
  const licenceDoc = latest.get('business_licence');
  const others = [...latest.values()].filter((d) => d.doc_type !== 'business_licence');
  const licenceRef = licenceDoc?.file_url ?? record.licence_image_url;
  const label = (type: string) => translate(`resources.merchant_applications.doc_types.${type}`, { _: type });
  return (
    <Grid container spacing={2}>
      <Grid size={12}>
        <Typography variant="body2" gutterBottom>
          {label('business_licence')} · {record.licence_no ?? '—'}
        </Typography>
        <StorageImage bucket="merchant-documents" path={licenceRef} alt={`${label('business_licence')} · ${record.company_name}`} height={380} />
      </Grid>
      {others.map((d) => (
        <Grid key={d.id} size={{ xs: 12, sm: 6 }}>
          <Typography variant="body2" gutterBottom>
            {label(d.doc_type)}
            {d.doc_number ? ` · ${d.doc_number}` : ''}
            {d.version !== record.version ? ` · ${translate('resources.merchant_applications.show.version_label', { version: d.version })}` : ''}
          </Typography>
          <StorageImage bucket="merchant-documents" path={d.file_url} alt={`${label(d.doc_type)} · ${record.company_name}`} height={240} />
        </Grid>
      ))}
      {!isPending && docs.length === 0 ? (
        <Grid size={12}>
          <Typography color="text.secondary">{translate('resources.merchant_applications.show.no_documents')}</Typography>
        </Grid>
      ) : null}
    </Grid>
  );
};
