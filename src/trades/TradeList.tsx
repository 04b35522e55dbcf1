import { AutocompleteInput, ColumnsButton, DataTable, List, NumberField, ReferenceInput, SearchInput, SelectInput, TopToolbar, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { ExportMenuButton, type ExportColumn } from '../common/export';
import { dateRangeInputs, distributorInput, memberInput, merchantInput } from '../common/filterInputs';
import { CityInput } from '../common/CityInput';
import { TradeKindField, TradeStatusField } from './TradeFields';
import { TradeTotalsBar } from './TradeTotalsBar';
import { Box } from '@mui/material';
import { LIST_TABLE_SX, bigList, clip, useHiddenColumns } from '../common/list';
import { useListTotals } from '../common/useListTotals';
import { totalsFilter, unsupportedFilters } from './totals';
import { totals } from './api';
import { choicesOf } from '../common/choices';

const F = 'resources.trades.fields';
const STATUS_CHOICES = choicesOf(['closed', 'voided', 'refunded'], 'resources.trades.status');
const KIND_CHOICES = choicesOf(['sale', 'rental'], 'resources.trades.kind');

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate(`${F}.q`)} />,
    <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={KIND_CHOICES} alwaysOn />,
    ...dateRangeInputs('closed_at', { from: `${F}.closed_from`, to: `${F}.closed_to` }, true),
    merchantInput(),
    memberInput(),
    distributorInput(),
    <CityInput key="city" />,
    <ReferenceInput key="brand" source="brand_id" reference="car_brands" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ 'name@ilike': q })} />
    </ReferenceInput>,
  ];
};

export const tradeExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`${F}.${k}`);
  return [
    { source: 'closed_at', label: f('closed_at'), kind: 'datetime' },
    { source: 'kind', label: f('kind'), value: (r) => t(`resources.trades.kind.${r.kind}`) },
    { source: 'status', label: f('status'), value: (r) => t(`resources.trades.status.${r.status}`) },
    { source: 'brand_name', label: f('brand_name') },
    { source: 'series_name', label: f('series_name') },
    { source: 'model_name', label: f('model_name') },
    { source: 'listing_title', label: f('listing_title') },
    { source: 'amount_fen', label: f('amount_fen'), kind: 'money' },
    { source: 'quantity', label: f('quantity'), kind: 'number' },
    { source: 'merchant_name', label: f('merchant_name') },
    { source: 'member_nickname', label: f('member_nickname') },
    { source: 'distributor_nickname', label: f('distributor_nickname') },
    { source: 'city_name', label: f('city_name') },
    { source: 'id', label: f('id') },
  ];
};

const Actions = () => (
  <TopToolbar>
    <ColumnsButton />
    <ExportMenuButton columns={tradeExportColumns} fileName="trades" />
  </TopToolbar>
);

/** The totals bar's exact count of the same filter (same query, no second request), when it understands the filter. */
const useTradeCount = () => {
  const { filterValues } = useListContext();
  const { data } = useListTotals('trade_totals', totalsFilter, totals);
  return data && unsupportedFilters(filterValues).length === 0 ? Number(data.trade_count) : undefined;
};

/** Series and model, cut to a readable width (the whole name on hover). */
const ModelField = () => {
  const r = useRecordContext<{ series_name?: string; model_name?: string }>();
  const text = r ? [r.series_name, r.model_name].filter(Boolean).join(' ') : '';
  return (
    <Box component="span" title={text} sx={{ display: 'block', ...clip(200) }}>
      {text}
    </Box>
  );
};

const HIDDEN = ['quantity', 'distributor_nickname'];
const HIDDEN_NARROW = ['kind', 'brand_name', 'member_nickname', 'city_name'];

/** R-TRD-1/2/3: every sale and rental with totals for the current filter and CSV / Excel export. */
export const TradeList = () => {
  const filters = useFilters();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List {...bigList({ useExactCount: useTradeCount })} filters={filters} sort={{ field: 'closed_at', order: 'DESC' }} actions={<Actions />} perPage={25} exporter={false}>
      <TradeTotalsBar />
      <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="closed_at" field={DateTimeField} />
        <DataTable.Col source="kind" field={TradeKindField} />
        <DataTable.Col source="status" field={TradeStatusField} />
        <DataTable.Col source="brand_name" disableSort />
        <DataTable.Col source="model_name" disableSort field={ModelField} />
        <DataTable.Col source="amount_fen" field={MoneyField} />
        <DataTable.Col source="quantity">
          <NumberField source="quantity" />
        </DataTable.Col>
        <DataTable.Col source="merchant_name" disableSort />
        <DataTable.Col source="member_nickname" disableSort />
        <DataTable.Col source="distributor_nickname" disableSort />
        <DataTable.Col source="city_name" disableSort />
      </DataTable>
    </List>
  );
};
