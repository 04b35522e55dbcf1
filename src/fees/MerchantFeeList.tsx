// 平台费到期: fees coming due within N days, in grace, lapsed, or never paid, by region and
// category; a row opens the merchant (where finance records an offline payment).
import { useMemo } from 'react';
import { ColumnsButton, DataTable, List, NumberField, NumberInput, SelectInput, TopToolbar, useGetList } from 'react-admin';
import { ExportMenuButton, codeColumn, type ExportColumn } from '../common/export';
import { CityInput } from '../common/CityInput';
import { SearchBox } from '../common/SearchBox';
import { MoneyField } from '../common/MoneyField';
import { DayField } from '../common/DateTimeField';
import { StateChip, type ChipColor } from '../common/StateChip';
import { choicesOf } from '../common/choices';
import { ClipField, LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';

const STATES = ['due', 'grace', 'lapsed', 'unpaid'] as const;
const STATE_COLORS: Record<string, ChipColor> = { due: 'success', grace: 'warning', lapsed: 'error', unpaid: 'info' };
const HIDDEN = ['grace_until'];
const HIDDEN_NARROW = ['category_name', 'fee_plan', 'price_fen'];

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.merchant_fees.fields.${k}`);
  return [
    { source: 'name', label: f('name') },
    { source: 'category_name', label: f('category_name') },
    { source: 'city_code', label: f('city_code') },
    codeColumn('fee_state', f('fee_state'), 'fees.fee_state', t),
    codeColumn('fee_plan', f('fee_plan'), 'fees.plan', t),
    { source: 'fee_paid_until', label: f('fee_paid_until'), kind: 'date' },
    { source: 'days_left', label: f('days_left') },
    { source: 'grace_until', label: f('grace_until'), kind: 'date' },
    { source: 'price_fen', label: f('price_fen'), kind: 'money' },
  ];
};

const NameField = () => <ClipField source="name" width={240} />;

export const MerchantFeeList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  const { data: categories = [] } = useGetList<{ id: number; name: string }>('merchant_categories',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } });
  const filters = useMemo(() => [
    <SearchBox key="q" source="q" alwaysOn placeholder="resources.merchant_fees.fields.q" />,
    <SelectInput key="state" source="fee_state" choices={choicesOf(STATES, 'fees.fee_state')} alwaysOn />,
    <NumberInput key="days" source="days_left@lte" label="resources.merchant_fees.fields.days" min={0} alwaysOn />,
    <CityInput key="city" source="city_code" label="resources.merchant_fees.fields.city_code" alwaysOn />,
    <SelectInput key="category" source="category_id" choices={categories.map((c) => ({ id: c.id, name: c.name }))} alwaysOn />,
  ], [categories]);
  return (
    <List
      pagination={<ListPagination />}
      filters={filters}
      filterDefaultValues={{ fee_state: 'due', 'days_left@lte': 30 }}
      sort={{ field: 'fee_paid_until', order: 'ASC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton columns={exportColumns} fileName="merchant-fees" />
        </TopToolbar>
      }
      exporter={false}
    >
      <DataTable rowClick={(id) => `/merchants/${encodeURIComponent(String(id))}/show`} bulkActionButtons={false}
        sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="name" field={NameField} />
        <DataTable.Col source="category_name" />
        <DataTable.Col source="fee_state" field={() => <StateChip source="fee_state" prefix="fees.fee_state" colors={STATE_COLORS} />} />
        <DataTable.Col source="fee_plan" field={() => <StateChip source="fee_plan" prefix="fees.plan" />} />
        <DataTable.Col source="fee_paid_until" field={DayField} />
        <DataTable.NumberCol source="days_left" field={NumberField} />
        <DataTable.Col source="grace_until" field={DayField} />
        <DataTable.Col align="right" source="price_fen" field={MoneyField} disableSort />
      </DataTable>
    </List>
  );
};
