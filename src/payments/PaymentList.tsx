import {
  ColumnsButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { paymentTotalsArgs, totals } from './api';
import { KINDS, PAYER_TYPES, STATUS_COLORS, STATUSES } from './choices';
import { PAYMENT_CHANNEL_CHOICES } from '../common/paymentChannels';
import { LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';
import { paymentExportColumns } from './exportColumns';
import { choicesOf } from '../common/choices';
import { dateRangeInputs } from '../common/filterInputs';
import { StateChip } from '../common/StateChip';
import { TotalsBar } from '../common/TotalsBar';
import { useListTotals } from '../common/useListTotals';

/** Count and amounts of everything the current filter selects, summed by the database. */
export const PaymentTotals = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useListTotals('payment_totals', paymentTotalsArgs, totals);
  return (
    <TotalsBar
      loading={isPending}
      error={error}
      items={[
        { id: 'count', label: translate('payments.totals.count'), count: data?.count },
        { id: 'amount', label: translate('payments.totals.amount'), fen: data?.amount_fen },
        { id: 'succeeded', label: translate('payments.totals.succeeded'), fen: data?.succeeded_fen },
        { id: 'refunded', label: translate('payments.totals.refunded'), fen: data?.refunded_fen },
      ]}
    />
  );
};

const filters = (translate: (k: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.payments.fields.q')} />,
  <SelectInput key="kind" source="kind" choices={choicesOf(KINDS, 'payments.kind')} alwaysOn />,
  <SelectInput key="channel" source="channel" choices={PAYMENT_CHANNEL_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(STATUSES, 'payments.status')} alwaysOn />,
  <SelectInput key="payer_type" source="payer_type" choices={choicesOf(PAYER_TYPES, 'payments.payer_type')} />,
  ...dateRangeInputs('created_at', { from: 'payments.filters.from', to: 'payments.filters.to' }),
];

const HIDDEN = ['channel_txn_id', 'created_at', 'city_name'];
const HIDDEN_NARROW = ['payer_type', 'channel', 'paid_at'];

export const PaymentList = () => {
  const translate = useTranslate();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List {...bigList()}
      filters={filters(translate)}
      sort={{ field: 'created_at', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton columns={paymentExportColumns} fileName="payments" />
        </TopToolbar>
      }
      exporter={false}
    >
      <PaymentTotals />
      <DataTable sx={LIST_TABLE_SX} hiddenColumns={hidden} rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="payment_no" />
        <DataTable.Col source="payer_name" />
        <DataTable.Col source="payer_type" field={() => <StateChip source="payer_type" prefix="payments.payer_type" />} />
        <DataTable.Col source="kind" field={() => <StateChip source="kind" prefix="payments.kind" />} />
        <DataTable.Col align="right" source="amount_fen" field={MoneyField} />
        <DataTable.Col source="channel" field={() => <StateChip source="channel" prefix="payments.channel" />} />
        <DataTable.Col source="channel_txn_id" />
        <DataTable.Col
          source="status"
          field={() => <StateChip source="status" prefix="payments.status" colors={STATUS_COLORS} />}
        />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="created_at" field={DateTimeField} />
        <DataTable.Col source="paid_at" field={DateTimeField} />
      </DataTable>
    </List>
  );
};
