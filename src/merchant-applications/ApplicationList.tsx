import { Tab, Tabs } from '@mui/material';
import { ColumnsButton, DataTable, List, NumberField, SelectInput, TextField, useListContext, useTranslate, FilterButton, TopToolbar } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { DateTimeField } from '../common/DateTimeField';
import { CityInput } from '../common/CityInput';
import { QUEUE_FILTER, STATE_CHOICES } from './choices';
import { ApplicationStateField } from './fields';
import { MERCHANT_KIND_CHOICES, MerchantKindField } from '../common/merchantKinds';
import { SearchBox } from '../common/SearchBox';
import { LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';

const filters = [
  <SearchBox key="q" source="q" alwaysOn placeholder="resources.merchant_applications.fields.q" sx={{ minWidth: 340 }} />,
  <CityInput key="city" source="city_code" label="resources.merchant_applications.fields.city_code" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={MERCHANT_KIND_CHOICES} alwaysOn />,
  <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
];

/** The queue (submitted and in review, oldest first) or every application (newest first). */
const QueueTabs = () => {
  const { filterValues, setFilters, setSort } = useListContext();
  const translate = useTranslate();
  const queue = 'state@in' in filterValues;
  return (
    <Tabs
      value={queue ? 'queue' : 'all'}
      onChange={(_, v) => {
        const { 'state@in': _drop, state: _state, ...rest } = filterValues;
        if (v === 'queue') {
          setFilters({ ...rest, ...QUEUE_FILTER }, {}, false);
          setSort({ field: 'submitted_at', order: 'ASC' });
        } else {
          setFilters(rest, {}, false);
          setSort({ field: 'created_at', order: 'DESC' });
        }
      }}
      sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value="queue" label={translate('resources.merchant_applications.tabs.queue')} />
      <Tab value="all" label={translate('resources.merchant_applications.tabs.all')} />
    </Tabs>
  );
};

const HIDDEN = ['version', 'updated_at'];
const HIDDEN_NARROW = ['contact_name', 'reviewer_name'];

export const ApplicationList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
  <List {...bigList()}
    filters={filters}
    filterDefaultValues={QUEUE_FILTER}
    sort={{ field: 'submitted_at', order: 'ASC' }}
    perPage={25}
    empty={false}
    actions={<TopToolbar><FilterButton /><ColumnsButton /><ExportMenuButton fileName="merchant_applications" /></TopToolbar>} exporter={false}
  >
    <QueueTabs />
    <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
      <DataTable.Col source="company_name" />
      <DataTable.Col source="kind" field={MerchantKindField} />
      <DataTable.Col source="city_name" disableSort />
      <DataTable.Col source="contact_name" disableSort />
      <DataTable.Col source="state" field={ApplicationStateField} />
      <DataTable.NumberCol source="version" field={NumberField} />
      <DataTable.Col source="reviewer_name" field={TextField} disableSort />
      <DataTable.Col source="submitted_at" field={DateTimeField} />
      <DataTable.Col source="updated_at" field={DateTimeField} />
    </DataTable>
  </List>
  );
};
