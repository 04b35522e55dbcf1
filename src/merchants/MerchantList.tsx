import {
  ColumnsButton,
  DataTable,
  DateField,
  List,
  NumberField,
  NumberInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { SavedQueriesButton } from '../common/SavedQueriesButton';
import { MerchantBulkActions } from './BulkStatusButtons';
import { ExportMenuButton } from '../common/export';
import { merchantExportColumns } from './exportColumns';
import { CityInput } from '../common/CityInput';
import { MERCHANT_KIND_CHOICES, MerchantKindField } from '../common/merchantKinds';
import { MerchantStatusField, RateField, STATUS_CHOICES } from './fields';
import { SearchBox } from '../common/SearchBox';
import { ClipField, LIST_TABLE_SX, SELECTABLE_TABLE_SX, bigList, useHiddenColumns } from '../common/list';

const HIDDEN = ['rank_in_city', 'product_count', 'success_count', 'fee_paid_until'];
const HIDDEN_NARROW = ['kind', 'level', 'reservation_count', 'success_rate'];
const NameField = () => <ClipField source="name" width={240} />;

const filters = [
  <SearchBox key="q" source="q" alwaysOn placeholder="resources.merchants.fields.q" sx={{ minWidth: 340 }} />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={MERCHANT_KIND_CHOICES} alwaysOn />,
  <CityInput key="city" source="city_code" label="resources.merchants.fields.city_code" alwaysOn />,
  <NumberInput key="level" source="level@gte" min={1} max={5} />,
];

export const MerchantList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  const { canAccess: canSuspend } = useCanAccess({ resource: 'merchants', action: 'suspend' });
  return (
  <List {...bigList()}
    filters={filters}
    sort={{ field: 'rank_score', order: 'DESC' }}
    perPage={25}
    actions={
      <TopToolbar>
        <SavedQueriesButton />
        <ColumnsButton />
        <ExportMenuButton columns={merchantExportColumns} fileName="merchants" />
      </TopToolbar>
    }
    exporter={false}
  >
      <DataTable rowClick="show" bulkActionButtons={canSuspend ? <MerchantBulkActions /> : false}
        sx={canSuspend ? SELECTABLE_TABLE_SX : LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="name" field={NameField} />
        <DataTable.Col source="kind" field={MerchantKindField} />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="status" field={MerchantStatusField} />
        <DataTable.NumberCol source="level" field={NumberField} />
        <DataTable.NumberCol source="rank_score" field={NumberField} />
        <DataTable.NumberCol source="rank_in_city" field={NumberField} />
        <DataTable.NumberCol source="product_count" field={NumberField} disableSort />
        <DataTable.NumberCol source="complaint_count" field={NumberField} disableSort />
        <DataTable.NumberCol source="reservation_count" field={NumberField} disableSort />
        <DataTable.NumberCol source="success_count" field={NumberField} disableSort />
        <DataTable.Col source="success_rate" field={RateField} align="right" disableSort />
        <DataTable.Col source="fee_paid_until" field={DateField} />
      </DataTable>
  </List>
  );
};
