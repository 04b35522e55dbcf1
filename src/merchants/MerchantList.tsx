import { Box } from '@mui/material';
import {
  DataTable,
  DateField,
  ExportButton,
  List,
  NumberField,
  NumberInput,
  SearchInput,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { CityInput } from '../listings/CityInput';
import { KIND_CHOICES } from '../merchant-applications/choices';
import { MerchantKindField } from '../merchant-applications/fields';
import { MerchantStatusField, RateField, STATUS_CHOICES } from './fields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="resources.merchants.fields.q" sx={{ minWidth: 280 }} />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} alwaysOn />,
  <CityInput key="city" source="city_code" label="resources.merchants.fields.city_code" alwaysOn />,
  <NumberInput key="level" source="level@gte" min={1} max={5} />,
];

export const MerchantList = () => (
  <List
    filters={filters}
    sort={{ field: 'rank_score', order: 'DESC' }}
    perPage={25}
    actions={
      <TopToolbar>
        <ExportButton maxResults={5000} />
      </TopToolbar>
    }
  >
    <Box sx={{ overflowX: 'auto' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
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
        <DataTable.NumberCol source="success_rate" field={RateField} disableSort />
        <DataTable.Col source="fee_paid_until" field={DateField} />
      </DataTable>
    </Box>
  </List>
);
