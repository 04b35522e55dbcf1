import { Box, Grid, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  Labeled,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useFieldValue,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { ListingReviewButtons } from './ListingReviewButtons';
import { KindField, ReviewStateField, ShelfStateField, TradeStateField } from './fields';
import { StorageImage } from '../common/StorageImage';
import { SectionCard } from '../common/SectionCard';

interface Listing {
  id: string;
  title: string;
  kind: string;
  photos: string[] | null;
}

const Photos = () => {
  const record = useRecordContext<Listing>();
  const translate = useTranslate();
  const photos = record?.photos ?? [];
  if (photos.length === 0) {
    return <Typography color="text.secondary">{translate('resources.listings.show.no_photos')}</Typography>;
  }
  return (
    <Grid container spacing={1}>
      {photos.map((p, i) => (
        <Grid key={p + i} size={{ xs: 12, sm: i === 0 ? 12 : 6 }}>
          <StorageImage bucket="listing-photos" path={p} alt={`${record?.title ?? ''} #${i + 1}`} height={i === 0 ? 300 : 150} />
        </Grid>
      ))}
    </Grid>
  );
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <SectionCard title={title} sx={{ mb: 2 }}>
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2 }}>{children}</Box>
  </SectionCard>
);

const EnumText = (props: FieldProps & { prefix: string }) => {
  const value = useFieldValue(props) as string | null;
  const translate = useTranslate();
  return <Typography variant="body2">{value ? translate(`${props.prefix}.${value}`, { _: value }) : '—'}</Typography>;
};
const GearboxField = (props: FieldProps) => <EnumText {...props} prefix="resources.listings.gearbox" />;
const EnergyField = (props: FieldProps) => <EnumText {...props} prefix="resources.listings.energy" />;
const DimensionField = (props: FieldProps) => <EnumText {...props} prefix="resources.listings.show.dimensions" />;
const STATE_PREFIX: Record<string, string> = {
  review: 'resources.listings.review_states',
  shelf: 'resources.listings.shelf_states',
  trade: 'resources.listings.trade_states',
};
/** from_state / to_state of a history row, translated by the row's dimension. */
const HistoryStateField = (props: FieldProps) => {
  const record = useRecordContext<{ dimension: string }>();
  return <EnumText {...props} prefix={STATE_PREFIX[record?.dimension ?? ''] ?? 'resources.listings.review_states'} />;
};

const PriceLabel = () => {
  const record = useRecordContext<Listing>();
  return (
    <Labeled label={record?.kind === 'rental' ? 'resources.listings.show.rental_price' : 'resources.listings.fields.price_fen'}>
      <MoneyField source="price_fen" variant="h6" />
    </Labeled>
  );
};

const Title = () => {
  const record = useRecordContext<Listing>();
  return <>{record?.title ?? ''}</>;
};

export const ListingShow = () => (
  <Show
    title={<Title />}
    actions={
      <TopToolbar>
        <ListingReviewButtons />
      </TopToolbar>
    }
  >
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Photos />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Section title="resources.listings.show.states">
          <Labeled source="review_state"><ReviewStateField source="review_state" /></Labeled>
          <Labeled source="shelf_state"><ShelfStateField source="shelf_state" /></Labeled>
          <Labeled source="trade_state"><TradeStateField source="trade_state" /></Labeled>
          <Labeled source="reject_reason"><TextField source="reject_reason" emptyText="—" /></Labeled>
          <Labeled source="forced_off_reason"><TextField source="forced_off_reason" emptyText="—" /></Labeled>
          <Labeled source="submitted_at"><DateTimeField source="submitted_at" /></Labeled>
          <Labeled source="approved_at"><DateTimeField source="approved_at" /></Labeled>
          <Labeled source="listed_at"><DateTimeField source="listed_at" /></Labeled>
        </Section>
        <Section title="resources.listings.show.pricing">
          <PriceLabel />
          <Labeled source="deposit_fen"><MoneyField source="deposit_fen" /></Labeled>
          <Labeled source="holiday_price_fen"><MoneyField source="holiday_price_fen" /></Labeled>
          <Labeled source="holiday_starts_at"><DateTimeField source="holiday_starts_at" /></Labeled>
          <Labeled source="holiday_ends_at"><DateTimeField source="holiday_ends_at" /></Labeled>
        </Section>
        <Section title="resources.listings.show.vehicle">
          <Labeled source="kind"><KindField source="kind" /></Labeled>
          <Labeled source="merchant_id">
            <ReferenceField source="merchant_id" reference="merchants" link="show" />
          </Labeled>
          <Labeled source="brand_name"><TextField source="brand_name" /></Labeled>
          <Labeled source="series_name"><TextField source="series_name" /></Labeled>
          <Labeled source="model_name"><TextField source="model_name" emptyText="—" /></Labeled>
          <Labeled source="year"><NumberField source="year" options={{ useGrouping: false }} /></Labeled>
          <Labeled source="first_registered_on"><DateField source="first_registered_on" emptyText="—" /></Labeled>
          <Labeled source="mileage_km"><NumberField source="mileage_km" /></Labeled>
          <Labeled source="colour"><TextField source="colour" emptyText="—" /></Labeled>
          <Labeled source="gearbox"><GearboxField source="gearbox" /></Labeled>
          <Labeled source="energy"><EnergyField source="energy" /></Labeled>
          <Labeled source="vin"><TextField source="vin" emptyText="—" sx={{ fontFamily: 'monospace' }} /></Labeled>
          <Labeled source="city_name"><TextField source="city_name" /></Labeled>
          <Labeled source="reservation_count"><NumberField source="reservation_count" /></Labeled>
        </Section>
        <Labeled source="description" fullWidth>
          <TextField source="description" emptyText="—" />
        </Labeled>
      </Grid>
      <Grid size={12}>
        <Typography variant="subtitle1" gutterBottom>
          <HistoryTitle />
        </Typography>
        <ReferenceManyField reference="listing_history" target="listing_id" sort={{ field: 'at', order: 'DESC' }} perPage={20} pagination={<Pagination />} empty={<NoHistory />}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="at" label="resources.listings.show.at" field={DateTimeField} />
            <DataTable.Col source="dimension" label="resources.listings.show.dimension" field={DimensionField} />
            <DataTable.Col source="from_state" label="resources.listings.show.from_state" field={HistoryStateField} />
            <DataTable.Col source="to_state" label="resources.listings.show.to_state" field={HistoryStateField} />
            <DataTable.Col source="reason_code" label="resources.listings.show.reason_code" />
            <DataTable.Col source="note" label="resources.listings.show.note" />
          </DataTable>
        </ReferenceManyField>
      </Grid>
    </Grid>
  </Show>
);

const NoHistory = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('resources.merchants.empty_tab')}</Typography>;
};

const HistoryTitle = () => {
  const translate = useTranslate();
  return <>{translate('resources.listings.show.history')}</>;
};
