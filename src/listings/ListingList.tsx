import { Tab, Tabs } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  List,
  NumberField,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useListContext,
  useTranslate,
} from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { listingExportColumns } from './exportColumns';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { BulkApproveButton, BulkDelistButton } from './BulkButtons';
import { CityInput } from '../common/CityInput';
import { KIND_CHOICES, REVIEW_STATE_CHOICES, SHELF_STATE_CHOICES, TRADE_STATE_CHOICES } from './choices';
import { ListingImportButton } from './ListingImportButton';
import { KindField, ReviewStateField, ShelfStateField, TradeStateField } from './fields';
import { SearchBox } from '../common/SearchBox';
import { ScrollX } from '../common/ScrollX';
import { CountPagination } from '../common/CountPagination';

// Price filters: yuan in the form, fen in the query.
const yuanFilter = {
  parse: (v: string | number | null) => (v === '' || v === null || v === undefined ? undefined : Math.round(Number(v) * 100)),
  format: (v: number | undefined) => (v === undefined || v === null ? '' : v / 100),
};

// one line per row; only the title wraps
const NOWRAP = { '& td, & th': { whiteSpace: 'nowrap' } };

const filters = [
  <SearchBox key="q" source="q" alwaysOn placeholder="resources.listings.fields.q" sx={{ minWidth: 420 }} />,
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} alwaysOn />,
  <SelectInput key="review_state" source="review_state" choices={REVIEW_STATE_CHOICES} alwaysOn />,
  <SelectInput key="shelf_state" source="shelf_state" choices={SHELF_STATE_CHOICES} />,
  <SelectInput key="trade_state" source="trade_state" choices={TRADE_STATE_CHOICES} />,
  <ReferenceInput key="brand" source="brand_id" reference="catalogue" alwaysOn>
    <AutocompleteInput optionText="name" label="resources.listings.fields.brand_id" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <CityInput key="city" source="city_code" label="resources.listings.fields.city_code" alwaysOn />,
  <NumberInput key="min" source="price_fen@gte" {...yuanFilter} />,
  <NumberInput key="max" source="price_fen@lte" {...yuanFilter} />,
  <ReferenceInput key="merchant" source="merchant_id" reference="merchants">
    <AutocompleteInput optionText="name" label="resources.listings.fields.merchant_id" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

/** 待审核队列 (pending, oldest first) or every listing (newest first): one list, two presets. */
const QueueTabs = () => {
  const { filterValues, setFilters, setSort } = useListContext();
  const translate = useTranslate();
  const queue = filterValues.review_state === 'pending';
  return (
    <Tabs
      value={queue ? 'queue' : 'all'}
      onChange={(_, v) => {
        const { review_state: _drop, ...rest } = filterValues;
        if (v === 'queue') {
          setFilters({ ...rest, review_state: 'pending' }, {}, false);
          setSort({ field: 'submitted_at', order: 'ASC' });
        } else {
          setFilters(rest, {}, false);
          setSort({ field: 'created_at', order: 'DESC' });
        }
      }}
      sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Tab value="queue" label={translate('resources.listings.tabs.queue')} />
      <Tab value="all" label={translate('resources.listings.tabs.all')} />
    </Tabs>
  );
};

const Actions = () => (
  <TopToolbar>
    <ListingImportButton />
    <ExportMenuButton columns={listingExportColumns} fileName="listings" max={5000} />
  </TopToolbar>
);

const BulkActions = () => (
  <>
    <BulkApproveButton />
    <BulkDelistButton />
  </>
);

export const ListingList = () => {
  const { canAccess: canReview } = useCanAccess({ resource: 'listings', action: 'review' });
  const { canAccess: canDelist } = useCanAccess({ resource: 'listings', action: 'delist' });
  return (
  <List pagination={<CountPagination />}
    filters={filters}
    actions={<Actions />}
    filterDefaultValues={{ review_state: 'pending' }}
    sort={{ field: 'submitted_at', order: 'ASC' }}
    perPage={25}
    empty={false}
    exporter={false}
  >
    <QueueTabs />
    <ScrollX>
      <DataTable rowClick="show" bulkActionButtons={canReview || canDelist ? <BulkActions /> : false} sx={NOWRAP}>
        <DataTable.Col source="title" cellSx={() => ({ whiteSpace: 'normal', minWidth: 220 })} />
        <DataTable.Col source="kind" field={KindField} />
        <DataTable.Col source="merchant_name" disableSort />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="price_fen" field={MoneyField} align="right" />
        <DataTable.NumberCol source="mileage_km" field={NumberField} />
        <DataTable.Col source="review_state" field={ReviewStateField} />
        <DataTable.Col source="shelf_state" field={ShelfStateField} />
        <DataTable.Col source="trade_state" field={TradeStateField} />
        <DataTable.Col source="promoted" field={BooleanField} disableSort />
        <DataTable.Col source="submitted_at" field={DateTimeField} />
      </DataTable>
    </ScrollX>
  </List>
  );
};
