import { ColumnsButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { ExportMenuButton, codeColumn, type ExportColumn } from '../common/export';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { choicesOf } from '../common/choices';
import { StateChip } from '../common/StateChip';
import { LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';
import { BATCH_STATE_COLORS, BATCH_STATES } from './choices';

const HIDDEN = ['downloads', 'completed_at'];
const HIDDEN_NARROW = ['bank_template', 'made_by_name', 'failed_count', 'pending_count'];

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.payout_batches.fields.${k}`);
  return [
    { source: 'batch_no', label: f('batch_no') },
    codeColumn('bank_template', f('bank_template'), 'payouts.template', t),
    { source: 'made_at', label: f('made_at'), kind: 'datetime' },
    { source: 'made_by_name', label: f('made_by_name') },
    { source: 'item_count', label: f('item_count'), kind: 'number' },
    { source: 'total_fen', label: f('total_fen'), kind: 'money' },
    codeColumn('state', f('state'), 'payouts.state', t),
    { source: 'paid_count', label: f('paid_count'), kind: 'number' },
    { source: 'failed_count', label: f('failed_count'), kind: 'number' },
    { source: 'pending_count', label: f('pending_count'), kind: 'number' },
    { source: 'completed_at', label: f('completed_at'), kind: 'datetime' },
  ];
};

/** Payout batches, newest first. A batch is made from the withdrawals list. */
export const PayoutBatchList = () => {
  const translate = useTranslate();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List
      resource="payout_batches"
      pagination={<ListPagination />}
      sort={{ field: 'made_at', order: 'DESC' }}
      perPage={25}
      filters={[
        <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.payout_batches.fields.q')} />,
        <SelectInput key="state" source="state" choices={choicesOf(BATCH_STATES, 'payouts.state')} alwaysOn />,
      ]}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton columns={exportColumns} fileName="payout_batches" />
        </TopToolbar>
      }
      exporter={false}
      // no batch yet: the table with its empty message, not react-admin's blank page
      empty={false}
    >
      <DataTable sx={LIST_TABLE_SX} hiddenColumns={hidden} rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="batch_no" />
        <DataTable.Col source="bank_template" field={() => <StateChip source="bank_template" prefix="payouts.template" />} />
        <DataTable.Col source="made_at" field={DateTimeField} />
        <DataTable.Col source="made_by_name" disableSort />
        <DataTable.NumberCol source="item_count" />
        <DataTable.Col align="right" source="total_fen" field={MoneyField} />
        <DataTable.Col source="state" field={() => <StateChip source="state" prefix="payouts.state" colors={BATCH_STATE_COLORS} />} />
        <DataTable.NumberCol source="paid_count" />
        <DataTable.NumberCol source="failed_count" />
        <DataTable.NumberCol source="pending_count" />
        <DataTable.Col source="completed_at" field={DateTimeField} />
        <DataTable.NumberCol source="downloads" />
      </DataTable>
    </List>
  );
};
