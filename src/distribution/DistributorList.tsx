import { BooleanField, ColumnsButton, DataTable, List, NumberField, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { ExportMenuButton, type ExportColumn } from '../common/export';
import { LevelField, MemberNameField } from '../common/memberFields';
import { CityInput } from '../common/CityInput';
import { LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';

const F = 'resources.distribution.fields';

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate(`${F}.q`)} />,
    <SelectInput
      key="rights"
      source="has_promotion_rights"
      alwaysOn
      choices={[
        { id: 'true', name: 'ra.boolean.true' },
        { id: 'false', name: 'ra.boolean.false' },
      ]}
    />,
    <CityInput key="city" />,
  ];
};

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`${F}.${k}`);
  return [
    { source: 'nickname', label: f('nickname') },
    { source: 'phone', label: f('phone') },
    { source: 'city_name', label: f('city_name') },
    { source: 'has_promotion_rights', label: f('has_promotion_rights'), kind: 'boolean' },
    { source: 'share_count', label: f('share_count'), kind: 'number' },
    { source: 'click_count', label: f('click_count'), kind: 'number' },
    { source: 'bound_customer_count', label: f('bound_customer_count'), kind: 'number' },
    { source: 'active_binding_count', label: f('active_binding_count'), kind: 'number' },
    { source: 'reservation_count', label: f('reservation_count'), kind: 'number' },
    { source: 'trade_count', label: f('trade_count'), kind: 'number' },
    { source: 'trade_amount_fen', label: f('trade_amount_fen'), kind: 'money' },
    { source: 'commission_fen', label: f('commission_fen'), kind: 'money' },
  ];
};

const Actions = () => (
  <TopToolbar>
    <ColumnsButton />
    <ExportMenuButton columns={exportColumns} fileName="distribution" />
  </TopToolbar>
);

const Num = ({ source }: { source: string }) => (
  <DataTable.Col source={source} disableSort>
    <NumberField source={source} />
  </DataTable.Col>
);

/** R-PRO-3: per distributor, shares → clicks → bound customers → reservations → trades, with commission. */
const HIDDEN = ['phone', 'has_promotion_rights', 'click_count', 'registered_at'];
const HIDDEN_NARROW = ['level', 'city_name', 'share_count', 'reservation_count'];

export const DistributorList = () => {
  const filters = useFilters();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List pagination={<ListPagination />} filters={filters} sort={{ field: 'registered_at', order: 'DESC' }} actions={<Actions />} perPage={25} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="nickname" field={MemberNameField} />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="level" field={LevelField} />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="has_promotion_rights" field={BooleanField} />
        {Num({ source: 'share_count' })}
        {Num({ source: 'click_count' })}
        {Num({ source: 'bound_customer_count' })}
        {Num({ source: 'reservation_count' })}
        {Num({ source: 'trade_count' })}
        <DataTable.Col source="trade_amount_fen" field={MoneyField} disableSort />
        <DataTable.Col source="commission_fen" field={MoneyField} disableSort />
        <DataTable.Col source="registered_at" field={DateTimeField} />
      </DataTable>
    </List>
  );
};
