import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SelectInput, useRecordContext, useTranslate, type FieldProps, FilterButton, TopToolbar } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { DateTimeField } from '../common/DateTimeField';
import { CityInput } from '../common/CityInput';
import { StateChip } from '../common/StateChip';
import { ScrollX } from '../common/ScrollX';
import { CancelButton } from './CancelButton';
import { SlotBoard } from './SlotBoard';
import { CountPagination } from '../common/CountPagination';
import { choicesOf } from '../common/choices';

const STATES = ['active', 'ended', 'cancelled'];
const STATE_CHOICES = choicesOf(STATES, 'resources.promotions.states');
const StateField = (props: FieldProps) => (
  <StateChip {...props} prefix="resources.promotions.states" colors={{ active: 'success', ended: 'default', cancelled: 'error' }} />
);
const SlotField = () => {
  const record = useRecordContext<{ slot_no: number }>();
  const translate = useTranslate();
  return <>{record ? translate('resources.promotions.slot', { n: record.slot_no, total: 3 }) : null}</>;
};
const ModelField = () => {
  const record = useRecordContext<{ brand_name: string; series_name: string; model_name: string }>();
  return <>{record ? `${record.brand_name} ${record.series_name} ${record.model_name}` : null}</>;
};
const modelText = (r: { brand_name: string; series_name: string; name: string }) => (r ? `${r.brand_name} ${r.series_name} ${r.name}` : '');

const filters = [
  <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
  <ReferenceInput key="model" source="model_id" reference="v_car_models" alwaysOn>
    <AutocompleteInput optionText={modelText} label="resources.promotions.fields.model_id" sx={{ minWidth: 300 }} />
  </ReferenceInput>,
  <CityInput key="region" source="region_code" label="resources.promotions.fields.region_code" alwaysOn />,
];

/** Who holds which promotion slot (3 per car model per city), and every past promotion. */
export const PromotionList = () => (
  <List pagination={<CountPagination />} filters={filters} filterDefaultValues={{ state: 'active' }} sort={{ field: 'created_at', order: 'DESC' }} perPage={25} empty={false} actions={<TopToolbar><FilterButton /><ExportMenuButton fileName="promotions" /></TopToolbar>} exporter={false}>
    <SlotBoard />
    <ScrollX>
    <DataTable rowClick={false} bulkActionButtons={false} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
      <DataTable.Col source="model_name" field={ModelField} />
      <DataTable.Col source="region_name" disableSort />
      <DataTable.Col source="slot_no" field={SlotField} />
      <DataTable.Col source="listing_id">
        <ReferenceField source="listing_id" reference="listings" link="show" />
      </DataTable.Col>
      <DataTable.Col source="merchant_name" disableSort />
      <DataTable.Col source="state" field={StateField} />
      <DataTable.Col source="starts_at" field={DateTimeField} />
      <DataTable.Col source="ends_at" field={DateTimeField} />
      <DataTable.Col source="ended_at" field={DateTimeField} />
      <DataTable.Col source="end_reason" disableSort />
      <DataTable.Col label={false} disableSort>
        <CancelButton />
      </DataTable.Col>
    </DataTable>
    </ScrollX>
  </List>
);
