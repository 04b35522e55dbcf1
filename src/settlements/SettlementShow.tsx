import { Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { RunSummaryTable } from './RunSettlementButton';
import type { RunSummary } from './api';
import { StatementColumns } from './SettlementList';
import { SectionCard } from '../common/SectionCard';

const Summary = () => {
  const record = useRecordContext<RunSummary & { id: number }>();
  if (!record) return null;
  return <RunSummaryTable run={{ ...record, run_id: record.id, created: true }} />;
};

const Statements = () => (
  <SectionCard title="settlements.statements" sx={{ mt: 2 }}>
    <ReferenceManyField
      reference="v_settlements"
      target="run_id"
      sort={{ field: 'net_fen', order: 'DESC' }}
      perPage={25}
      pagination={<Pagination />}
    >
      <StatementColumns />
    </ReferenceManyField>
  </SectionCard>
);

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
