import { AutocompleteInput, ColumnsButton, DataTable, List, ReferenceField, ReferenceInput, SelectInput, useRecordContext, useTranslate, type FieldProps, FilterButton, TopToolbar } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { DateTimeField } from '../common/DateTimeField';
import { CityInput } from '../common/CityInput';
import { StateChip } from '../common/StateChip';
import { CancelButton } from './CancelButton';
import { SlotBoard } from './SlotBoard';
import { Box } from '@mui/material';
import { ClipField, LIST_TABLE_SX, bigList, clip, useHiddenColumns } from '../common/list';
import { choicesOf } from '../common/choices';
import { ReasonField } from '../common/ReasonField';

const EndReason = (p: { source: string }) => <ReasonField {...p} reasonsOf="promotions" />;

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
  const text = record ? `${record.brand_name} ${record.series_name} ${record.model_name}` : '';
  return <Box component="span" title={text} sx={{ display: 'block', ...clip(160) }}>{text}</Box>;
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
const HIDDEN = ['starts_at', 'ended_at', 'end_reason'];
const HIDDEN_NARROW = ['region_name', 'merchant_name', 'slot_no'];

export const PromotionList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
  <List {...bigList()} filters={filters} filterDefaultValues={{ state: 'active' }} sort={{ field: 'created_at', order: 'DESC' }} perPage={25} empty={false} actions={<TopToolbar><FilterButton /><ColumnsButton /><ExportMenuButton fileName="promotions" /></TopToolbar>} exporter={false}>
    <SlotBoard />
    <DataTable rowClick={false} bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
      <DataTable.Col source="model_name" field={ModelField} />
      <DataTable.Col source="region_name" disableSort />
      <DataTable.Col source="slot_no" field={SlotField} />
      <DataTable.Col source="listing_id">
        <ReferenceField source="listing_id" reference="listings" link="show">
          <ClipField source="title" width={160} />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="merchant_name" disableSort />
      <DataTable.Col source="state" field={StateField} />
      <DataTable.Col source="starts_at" field={DateTimeField} />
      <DataTable.Col source="ends_at" field={DateTimeField} />
      <DataTable.Col source="ended_at" field={DateTimeField} />
      <DataTable.Col source="end_reason" disableSort field={EndReason} />
      <DataTable.Col label={false} disableSort>
        <CancelButton />
      </DataTable.Col>
    </DataTable>
  </List>
  );
};
