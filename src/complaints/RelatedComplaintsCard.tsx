import { Card, CardContent, Typography } from '@mui/material';
import { DataTable, ReferenceManyField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ComplaintStateField } from './ComplaintFields';

/** The complaints that point at a record (reservation_id, trade_id), newest first, one click from each. */
export const RelatedComplaintsCard = ({ target, title, empty }: { target: 'reservation_id' | 'trade_id'; title: string; empty: string }) => (
  <Card variant="outlined" sx={{ mt: 2 }}>
    <CardContent>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      <ReferenceManyField
        reference="complaints"
        target={target}
        sort={{ field: 'created_at', order: 'DESC' }}
        empty={<Typography variant="body2" color="text.secondary">{empty}</Typography>}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="created_at" label="resources.complaints.fields.created_at" field={DateTimeField} />
          <DataTable.Col source="title" label="resources.complaints.fields.title" />
          <DataTable.Col source="state" label="resources.complaints.fields.state" field={ComplaintStateField} />
        </DataTable>
      </ReferenceManyField>
    </CardContent>
  </Card>
);
