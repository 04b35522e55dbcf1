import { ColumnsButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';
import { accountExportColumns } from './exportColumns';
import { ExportMenuButton } from '../common/export';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { choicesOf } from '../common/choices';
import { StateChip } from '../common/StateChip';

const OWNER_TYPES = ['merchant', 'member', 'platform'] as const;

const filters = (translate: (k: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.ledger.fields.q')} />,
  <SelectInput key="owner_type" source="owner_type" choices={choicesOf(OWNER_TYPES, 'payments.payer_type')} alwaysOn />,
];

const HIDDEN: string[] = [];
const HIDDEN_NARROW = ['locked_fen', 'deposit_fen', 'receivable_fen', 'updated_at'];

export const AccountList = () => {
  const translate = useTranslate();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List
      {...bigList()}
      filters={filters(translate)}
      sort={{ field: 'available_fen', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton columns={accountExportColumns} fileName="accounts" />
        </TopToolbar>
      }
      exporter={false}
    >
      <DataTable sx={LIST_TABLE_SX} hiddenColumns={hidden} rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="owner_name" />
        <DataTable.Col source="owner_type" field={() => <StateChip source="owner_type" prefix="payments.payer_type" />} />
        <DataTable.Col align="right" source="balance_fen" field={MoneyField} />
        <DataTable.Col align="right" source="available_fen" field={MoneyField} />
        <DataTable.Col align="right" source="frozen_fen" field={MoneyField} />
        <DataTable.Col align="right" source="locked_fen" field={MoneyField} />
        <DataTable.Col align="right" source="deposit_fen" field={MoneyField} />
        <DataTable.Col align="right" source="receivable_fen" field={MoneyField} />
        <DataTable.Col source="updated_at" field={DateTimeField} />
      </DataTable>
    </List>
  );
};
