import { Box, Typography } from '@mui/material';
import { ColumnsButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { ExportMenuButton, type ExportColumn } from '../common/export';
import { KIND_CHOICES, STATE_CHOICES } from './choices';
import { dateRangeInputs, distributorInput, memberInput, merchantInput } from '../common/filterInputs';
import { CityInput } from '../common/CityInput';
import { RentalPeriodField, ReservationKindField, ReservationStateField } from './ReservationFields';
import { ClipField, LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';

const F = 'resources.reservations.fields';

/** The listing's title with brand and model underneath, cut to a readable width. */
const ListingCell = () => {
  const r = useRecordContext<{ listing_title: string; brand_name?: string; model_name?: string }>();
  if (!r) return null;
  return (
    <Box sx={{ maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis' }} title={r.listing_title}>
      <Typography variant="body2" noWrap>
        {r.listing_title}
      </Typography>
      <Typography variant="caption" color="text.secondary" noWrap component="div">
        {[r.brand_name, r.model_name].filter(Boolean).join(' ')}
      </Typography>
    </Box>
  );
};

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate(`${F}.q`)} />,
    <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={KIND_CHOICES} alwaysOn />,
    merchantInput(),
    memberInput(),
    distributorInput(),
    <CityInput key="city" />,
    ...dateRangeInputs('created_at', { from: `${F}.created_from`, to: `${F}.created_to` }),
  ];
};

export const reservationExportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`${F}.${k}`);
  return [
    { source: 'created_at', label: f('created_at'), kind: 'datetime' },
    { source: 'kind', label: f('kind'), value: (r) => t(`resources.reservations.kind.${r.kind}`) },
    { source: 'state', label: f('state'), value: (r) => t(`resources.reservations.state.${r.state}`) },
    { source: 'member_nickname', label: f('member_nickname') },
    { source: 'member_phone', label: f('member_phone') },
    { source: 'merchant_name', label: f('merchant_name') },
    { source: 'listing_title', label: f('listing_title') },
    { source: 'brand_name', label: f('brand_name') },
    { source: 'model_name', label: f('model_name') },
    { source: 'city_name', label: f('city_name') },
    { source: 'reserved_for', label: f('reserved_for'), kind: 'datetime' },
    { source: 'price_fen', label: f('price_fen'), kind: 'money' },
    { source: 'rental_start', label: f('rental_start') },
    { source: 'rental_end', label: f('rental_end') },
    { source: 'rental_days', label: f('rental_days'), kind: 'number' },
    { source: 'distributor_nickname', label: f('distributor_nickname') },
    { source: 'deal_amount_fen', label: f('deal_amount_fen'), kind: 'money' },
  ];
};

const Actions = () => (
  <TopToolbar>
    <ColumnsButton />
    <ExportMenuButton columns={reservationExportColumns} fileName="reservations" />
  </TopToolbar>
);

/** R-RES-1: rental and purchase reservations with member, merchant, listing, model, time, price, period, distributor. */
// long names are cut to a line (the whole name on hover and on the reservation's page)
const MemberCell = () => <ClipField source="member_nickname" width={120} />;
const MerchantCell = () => <ClipField source="merchant_name" width={140} />;
const HIDDEN = ['city_name', 'rental_period', 'distributor_nickname'];
const HIDDEN_NARROW = ['kind', 'merchant_name', 'reserved_for'];

export const ReservationList = () => {
  const filters = useFilters();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List {...bigList()} filters={filters} sort={{ field: 'created_at', order: 'DESC' }} actions={<Actions />} perPage={25} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="created_at" field={DateTimeField} />
        <DataTable.Col source="kind" field={ReservationKindField} />
        <DataTable.Col source="state" field={ReservationStateField} />
        <DataTable.Col source="member_nickname" disableSort field={MemberCell} />
        <DataTable.Col source="merchant_name" disableSort field={MerchantCell} />
        <DataTable.Col source="listing_title" disableSort field={ListingCell} />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="reserved_for" field={DateTimeField} />
        <DataTable.Col source="price_fen" field={MoneyField} />
        <DataTable.Col source="rental_period" field={RentalPeriodField} disableSort />
        <DataTable.Col source="distributor_nickname" disableSort />
      </DataTable>
    </List>
  );
};
