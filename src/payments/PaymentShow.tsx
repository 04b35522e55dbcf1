import {
  DataTable,
  Labeled,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { Grid } from '@mui/material';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { STATUS_COLORS } from './choices';
import { RefundButton } from './RefundButton';
import { SectionCard } from '../common/SectionCard';

const History = () => (
  <SectionCard title="payments.history" sx={{ mt: 2 }}>
    <ReferenceManyField reference="payment_history" target="payment_id" sort={{ field: 'at', order: 'ASC' }} perPage={50}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="at" label="payments.history_fields.at" field={DateTimeField} />
        <DataTable.Col
          source="from_status"
          label="payments.history_fields.from_status"
          field={() => <StateChip source="from_status" prefix="payments.status" />}
        />
        <DataTable.Col
          source="to_status"
          label="payments.history_fields.to_status"
          field={() => <StateChip source="to_status" prefix="payments.status" colors={STATUS_COLORS} />}
        />
        <DataTable.Col source="note" label="payments.history_fields.note" />
      </DataTable>
    </ReferenceManyField>
  </SectionCard>
);

const F = ({ source, children }: { source: string; children?: React.ReactElement }) => (
  <Grid size={{ xs: 12, sm: 6, md: 4 }}>
    <Labeled source={source} resource="payments">
      {children ?? <TextField source={source} emptyText="—" />}
    </Labeled>
  </Grid>
);

export const PaymentShow = () => (
  <Show
    actions={
      <TopToolbar>
        <RefundButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <Grid container spacing={1}>
        <F source="payment_no" />
        <F source="status">
          <StateChip source="status" prefix="payments.status" colors={STATUS_COLORS} />
        </F>
        <F source="amount_fen">
          <MoneyField source="amount_fen" variant="h6" />
        </F>
        <F source="payer_name" />
        <F source="payer_type">
          <StateChip source="payer_type" prefix="payments.payer_type" />
        </F>
        <F source="payer_phone" />
        <F source="kind">
          <StateChip source="kind" prefix="payments.kind" />
        </F>
        <F source="plan">
          <StateChip source="plan" prefix="payments.plan" />
        </F>
        <F source="channel">
          <StateChip source="channel" prefix="payments.channel" />
        </F>
        <F source="channel_txn_id" />
        <F source="city_name" />
        <F source="covers_from">
          <TextField source="covers_from" emptyText="—" />
        </F>
        <F source="covers_to">
          <TextField source="covers_to" emptyText="—" />
        </F>
        <F source="created_at">
          <DateTimeField source="created_at" />
        </F>
        <F source="paid_at">
          <DateTimeField source="paid_at" />
        </F>
        <F source="failed_at">
          <DateTimeField source="failed_at" />
        </F>
        <F source="fail_reason" />
        <F source="refunded_at">
          <DateTimeField source="refunded_at" />
        </F>
        <F source="refund_reason" />
        <F source="note" />
      </Grid>
      <History />
    </SimpleShowLayout>
  </Show>
);
