import { useState } from 'react';
import { Grid, Stack, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { SectionCard } from '../common/SectionCard';
import { HISTORY_TABLE_SX } from '../common/historyTableSx';
import { STATE_COLORS as WITHDRAWAL_STATE_COLORS } from '../withdrawals/choices';
import { BATCH_STATE_COLORS, ITEM_RESULT_COLORS } from './choices';
import { BatchFileButtons } from './BatchFileButtons';
import { ImportReport, ImportResultButton } from './ImportResultButton';
import type { ImportResult } from './api';

const F = ({ source, children }: { source: string; children?: React.ReactElement }) => (
  <Grid size={{ xs: 12, sm: 6, md: 3 }}>
    <Labeled source={source} resource="payout_batches">
      {children ?? <TextField source={source} emptyText="—" />}
    </Labeled>
  </Grid>
);

const Header = ({ onResult }: { onResult: (r: ImportResult) => void }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }} flexWrap="wrap" useFlexGap>
      <Typography variant="h6">{record.batch_no}</Typography>
      <StateChip source="state" prefix="payouts.state" colors={BATCH_STATE_COLORS} />
      <BatchFileButtons />
      <ImportResultButton onResult={onResult} />
    </Stack>
  );
};

export const PayoutBatchShow = () => {
  const [result, setResult] = useState<ImportResult | null>(null);
  return (
    <Show actions={<TopToolbar />}>
      <SimpleShowLayout>
        <Header onResult={setResult} />
        <Grid container spacing={1}>
          <F source="bank_template">
            <StateChip source="bank_template" prefix="payouts.template" />
          </F>
          <F source="made_by_name" />
          <F source="made_at">
            <DateTimeField source="made_at" />
          </F>
          <F source="item_count" />
          <F source="total_fen">
            <MoneyField source="total_fen" variant="h6" />
          </F>
          <F source="paid_count" />
          <F source="failed_count" />
          <F source="pending_count" />
          <F source="completed_at">
            <DateTimeField source="completed_at" />
          </F>
          <F source="downloads" />
        </Grid>
        {result ? (
          <SectionCard sx={{ mt: 2 }} title="payouts.import.report">
            <ImportReport result={result} />
          </SectionCard>
        ) : null}
        <SectionCard sx={{ mt: 2 }} title="payouts.items">
          <ReferenceManyField reference="payout_batch_items" target="batch_id" sort={{ field: 'row_no', order: 'ASC' }} perPage={1000}>
            <DataTable bulkActionButtons={false} rowClick={(_id, _r, rec) => `/withdrawals/${rec.withdrawal_id}/show`} sx={HISTORY_TABLE_SX}>
              <DataTable.Col source="row_no" label="resources.payout_batch_items.fields.row_no" />
              <DataTable.Col source="withdrawal_no" label="resources.payout_batch_items.fields.withdrawal_no" />
              <DataTable.Col source="payee_name" label="resources.payout_batch_items.fields.payee_name" />
              <DataTable.Col source="payee_bank" label="resources.payout_batch_items.fields.payee_bank" />
              <DataTable.Col align="right" source="amount_fen" label="resources.payout_batch_items.fields.amount_fen" field={MoneyField} />
              <DataTable.Col
                source="result"
                label="resources.payout_batch_items.fields.result"
                field={() => <StateChip source="result" prefix="payouts.result" colors={ITEM_RESULT_COLORS} />}
              />
              <DataTable.Col
                source="withdrawal_state"
                label="resources.payout_batch_items.fields.withdrawal_state"
                field={() => <StateChip source="withdrawal_state" prefix="withdrawals.state" colors={WITHDRAWAL_STATE_COLORS} />}
              />
              <DataTable.Col source="bank_serial" label="resources.payout_batch_items.fields.bank_serial" />
              <DataTable.Col source="fail_reason" label="resources.payout_batch_items.fields.fail_reason" />
              <DataTable.Col source="result_at" label="resources.payout_batch_items.fields.result_at" field={DateTimeField} />
            </DataTable>
          </ReferenceManyField>
        </SectionCard>
      </SimpleShowLayout>
    </Show>
  );
};
