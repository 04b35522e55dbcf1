import { Typography } from '@mui/material';
import { DataTable, ReferenceManyField, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { SectionCard } from '../common/SectionCard';
import { ComplaintStateField } from './ComplaintFields';

/**
 * The complaints that point at a record (reservation_id, trade_id), newest first, one click
 * from each; `title` and `empty` are i18n keys of the page showing it.
 */
export const RelatedComplaintsCard = ({ target, title, empty }: { target: 'reservation_id' | 'trade_id'; title: string; empty: string }) => {
  const translate = useTranslate();
  return (
    <SectionCard title={title} sx={{ mt: 2 }}>
      <ReferenceManyField
        reference="complaints"
        target={target}
        sort={{ field: 'created_at', order: 'DESC' }}
        empty={<Typography variant="body2" color="text.secondary">{translate(empty)}</Typography>}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="created_at" label="resources.complaints.fields.created_at" field={DateTimeField} />
          <DataTable.Col source="title" label="resources.complaints.fields.title" />
          <DataTable.Col source="state" label="resources.complaints.fields.state" field={ComplaintStateField} />
        </DataTable>
      </ReferenceManyField>
    </SectionCard>
  );
};
