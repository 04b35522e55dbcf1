import { Card, CardContent, Typography } from '@mui/material';
import { Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { RunSummaryTable } from './RunSettlementButton';
import type { RunSummary } from './api';
import { StatementColumns } from './SettlementList';

const Summary = () => {
  const record = useRecordContext<RunSummary & { id: number }>();
  if (!record) return null;
  return <RunSummaryTable run={{ ...record, run_id: record.id, created: true }} />;
};

const Statements = () => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('settlements.statements')}
        </Typography>
        <ReferenceManyField
          reference="v_settlements"
          target="run_id"
          sort={{ field: 'net_fen', order: 'DESC' }}
          perPage={25}
          pagination={<Pagination />}
        >
          <StatementColumns />
        </ReferenceManyField>
      </CardContent>
    </Card>
  );
};

export const SettlementShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="id" />
      <DateTimeField source="started_at" />
      <DateTimeField source="finished_at" />
      <Summary />
      <Statements />
    </SimpleShowLayout>
  </Show>
);
