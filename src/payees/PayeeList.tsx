import { DataTable, List, SelectInput, TextField, TopToolbar, type FieldProps } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { CityInput } from '../common/CityInput';
import { ListPagination } from '../common/list';
import { DateTimeField } from '../common/DateTimeField';
import { SearchBox } from '../common/SearchBox';
import { StateChip } from '../common/StateChip';
import { OWNER_TYPE_CHOICES, REVIEW_STATE_CHOICES, REVIEW_STATE_COLORS } from './choices';

const filters = [
  <SearchBox key="q" source="q" alwaysOn placeholder="resources.bank_accounts.fields.q" sx={{ minWidth: 300 }} />,
  <SelectInput key="state" source="review_state" choices={REVIEW_STATE_CHOICES} alwaysOn />,
  <SelectInput key="owner" source="owner_type" choices={OWNER_TYPE_CHOICES} alwaysOn />,
  <CityInput key="city" source="city_code" label="resources.bank_accounts.fields.city_code" alwaysOn />,
];

export const ReviewStateField = (props: FieldProps) => (
  <StateChip {...props} source={props.source ?? 'review_state'} prefix="resources.bank_accounts.review_states" colors={REVIEW_STATE_COLORS} />
);
const OwnerTypeField = (props: FieldProps) => <StateChip {...props} prefix="resources.bank_accounts.owner_types" />;

/** The queue opens on accounts still to check, oldest first: the owners waiting longest. */
export const PayeeList = () => (
  <List
    pagination={<ListPagination />}
    filters={filters}
    filterDefaultValues={{ review_state: 'pending' }}
    sort={{ field: 'created_at', order: 'ASC' }}
    perPage={25}
    actions={
      <TopToolbar>
        <ExportMenuButton fileName="bank_accounts" />
      </TopToolbar>
    }
    exporter={false}
    empty={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="owner_name" />
      <DataTable.Col source="owner_type" field={OwnerTypeField} />
      <DataTable.Col source="holder_name" disableSort />
      <DataTable.Col source="bank_name" />
      <DataTable.Col source="account_no_masked" disableSort field={TextField} />
      <DataTable.Col source="created_at" field={DateTimeField} />
      <DataTable.Col source="added_by_name" disableSort />
      <DataTable.Col source="review_state" field={ReviewStateField} />
    </DataTable>
  </List>
);
