import { Alert, Button, Tab, Tabs } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  ColumnsButton,
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
import { ClipField, SELECTABLE_TABLE_SX, LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';

// Price filters: yuan in the form, fen in the query.
const yuanFilter = {
  parse: (v: string | number | null) => (v === '' || v === null || v === undefined ? undefined : Math.round(Number(v) * 100)),
  format: (v: number | undefined) => (v === undefined || v === null ? '' : v / 100),
};


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

/** A search in the review queue that finds nothing there: offer the same search over every listing. */
const QueueSearchHint = () => {
  const { filterValues, setFilters, setSort, data, page, isPending } = useListContext();
  const translate = useTranslate();
  // big lists page without an exact total (it may be unknown): an empty first page is "none"
  if (isPending || filterValues.review_state !== 'pending' || !filterValues.q || page !== 1 || (data?.length ?? 0) > 0) return null;
  return (
    <Alert
      severity="info"
      sx={{ mx: 2, my: 1 }}
      data-testid="queue-search-hint"
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => {
            const { review_state: _drop, ...rest } = filterValues;
            setFilters(rest, {}, false);
            setSort({ field: 'created_at', order: 'DESC' });
          }}
        >
          {translate('resources.listings.queue_hint.search_all')}
        </Button>
      }
    >
      {translate('resources.listings.queue_hint.none', { q: filterValues.q })}
    </Alert>
  );
};

const Actions = () => (
  <TopToolbar>
    <ListingImportButton />
    <ColumnsButton />
    <ExportMenuButton columns={listingExportColumns} fileName="listings" max={5000} />
  </TopToolbar>
);

const BulkActions = () => (
  <>
    <BulkApproveButton />
    <BulkDelistButton />
  </>
);

const TitleField = () => <ClipField source="title" width={260} />;

const HIDDEN = ['mileage_km', 'trade_state', 'promoted'];
const HIDDEN_NARROW = ['merchant_name', 'shelf_state', 'kind'];

export const ListingList = () => {
  const { canAccess: canReview } = useCanAccess({ resource: 'listings', action: 'review' });
  const { canAccess: canDelist } = useCanAccess({ resource: 'listings', action: 'delist' });
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  const selectable = canReview || canDelist;
  return (
  <List {...bigList()}
    filters={filters}
    actions={<Actions />}
    // every listing first (a search finds what can be delisted); the review queue is one tab
    // away, and the dashboard's "pending review" figure opens it
    sort={{ field: 'created_at', order: 'DESC' }}
    perPage={25}
    empty={false}
    exporter={false}
  >
    <QueueTabs />
    <QueueSearchHint />
      <DataTable rowClick="show" bulkActionButtons={selectable ? <BulkActions /> : false} sx={selectable ? SELECTABLE_TABLE_SX : LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="title" field={TitleField} />
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
  </List>
  );
};
