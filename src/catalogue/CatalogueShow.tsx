import { Box, Card, CardContent, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import {
  DataTable,
  ListContextProvider,
  NumberField,
  Show,
  TopToolbar,
  useCanAccess,
  useGetList,
  useList,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { MoneyField } from '../common/MoneyField';
import { EditDialog } from './EditDialog';
import {
  BRAND_COLUMNS,
  BrandForm,
  brandTransform,
  MODEL_COLUMNS,
  ModelForm,
  modelFormRecord,
  modelTransform,
  SERIES_COLUMNS,
  SeriesForm,
  seriesTransform,
} from './forms';

const m = (k: string) => `resources.catalogue.models.${k}`;
const VEHICLE = ['displacement_l', 'power_kw', 'battery_kwh', 'range_km', 'seats', 'drive', 'length_mm', 'width_mm', 'height_mm', 'wheelbase_mm', 'fuel_l_per_100km'];
const MAINTENANCE = ['oil_grade', 'oil_capacity_l', 'service_interval_km', 'service_interval_months', 'tyre_size'];

const ParamTable = ({ keys, record }: { keys: string[]; record: RaRecord }) => {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableBody>
        {keys.map((k) => (
          <TableRow key={k}>
            <TableCell sx={{ color: 'text.secondary', width: '50%' }}>{translate(m(k))}</TableCell>
            <TableCell>
              {record[k] === null || record[k] === undefined
                ? '—'
                : k === 'drive'
                  ? translate(`resources.catalogue.drives.${record[k]}`, { _: String(record[k]) })
                  : String(record[k])}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Vehicle and maintenance parameters of one model (the row's expand panel). */
const ModelParams = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'catalogue', action: 'edit' });
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, p: 1 }}>
      <Box>
        <Typography variant="subtitle2">{translate(m('vehicle'))}</Typography>
        <ParamTable keys={VEHICLE} record={record} />
      </Box>
      <Box>
        <Typography variant="subtitle2">{translate(m('maintenance'))}</Typography>
        <ParamTable keys={MAINTENANCE} record={record} />
        {canAccess ? (
          <Box sx={{ mt: 1 }}>
            <EditDialog table="car_models" label={m('edit')} record={modelFormRecord(record)} columns={MODEL_COLUMNS} transform={modelTransform}>
              <ModelForm />
            </EditDialog>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

const EnumText = ({ source, prefix }: { source: string; prefix: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const v = record?.[source];
  return <>{v ? translate(`${prefix}.${v}`, { _: String(v) }) : '—'}</>;
};
const EnergyText = () => <EnumText source="energy" prefix="resources.listings.energy" />;
const GearboxText = () => <EnumText source="gearbox" prefix="resources.listings.gearbox" />;

/** One series with its models; each model row expands to its parameters. */
const SeriesCard = ({ series }: { series: RaRecord }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'catalogue', action: 'edit' });
  const { data = [], isPending } = useGetList('v_car_models', {
    filter: { series_id: series.id },
    sort: { field: 'model_year', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  const listContext = useList({ data, isPending, resource: 'v_car_models' });
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6">{series.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {series.maker} · <BodyTextFor record={series} /> · {series.name_pinyin}
          </Typography>
          <Box sx={{ flex: 1 }} />
          {canAccess ? (
            <>
              <EditDialog table="car_series" label="resources.catalogue.series.edit" record={series} columns={SERIES_COLUMNS} transform={seriesTransform}>
                <SeriesForm />
              </EditDialog>
              <EditDialog table="car_models" label={m('add')} columns={MODEL_COLUMNS} transform={modelTransform}
                defaults={{ series_id: series.id, model_year: new Date().getFullYear(), active: true }}>
                <ModelForm />
              </EditDialog>
            </>
          ) : null}
        </Stack>
        {!isPending && data.length === 0 ? (
          <Typography color="text.secondary">{translate(m('none'))}</Typography>
        ) : (
          <ListContextProvider value={listContext}>
            <DataTable bulkActionButtons={false} expand={<ModelParams />} rowClick="expand">
              <DataTable.Col source="name" label={m('name')} />
              <DataTable.Col source="model_year" label={m('model_year')} />
              <DataTable.Col source="guide_price_fen" label={m('guide_price_fen')} field={MoneyField} align="right" />
              <DataTable.Col source="energy" label={m('energy')} field={EnergyText} />
              <DataTable.Col source="gearbox" label={m('gearbox')} field={GearboxText} />
              <DataTable.NumberCol source="power_kw" label={m('power_kw')} field={NumberField} />
              <DataTable.NumberCol source="service_interval_km" label={m('service_interval_km')} field={NumberField} />
            </DataTable>
          </ListContextProvider>
        )}
      </CardContent>
    </Card>
  );
};

const BodyTextFor = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  return <>{record.body_type ? translate(`resources.catalogue.body_types.${record.body_type}`) : '—'}</>;
};

const SeriesList = () => {
  const brand = useRecordContext();
  const { data = [] } = useGetList(
    'v_car_series',
    { filter: { brand_id: brand?.id }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: !!brand },
  );
  return (
    <Box sx={{ p: 2 }}>
      {data.map((s) => (
        <SeriesCard key={s.id} series={s} />
      ))}
    </Box>
  );
};

const Header = () => {
  const brand = useRecordContext();
  const translate = useTranslate();
  if (!brand) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', px: 2, pt: 2, flexWrap: 'wrap' }}>
      <Typography variant="h5">{brand.name}</Typography>
      <Typography color="text.secondary">
        {brand.name_en} · {brand.name_pinyin} · {brand.name_initials} · {brand.country}
      </Typography>
      <Typography color="text.secondary">
        {translate('resources.catalogue.fields.series_count')} {brand.series_count} · {translate('resources.catalogue.fields.model_count')} {brand.model_count}
      </Typography>
    </Stack>
  );
};

const Actions = () => {
  const brand = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'catalogue', action: 'edit' });
  if (!brand || !canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      <EditDialog table="car_brands" label="resources.catalogue.actions.edit_brand" record={brand} columns={BRAND_COLUMNS} transform={brandTransform}>
        <BrandForm />
      </EditDialog>
      <EditDialog table="car_series" label="resources.catalogue.series.add" columns={SERIES_COLUMNS} transform={seriesTransform}
        defaults={{ brand_id: brand.id, active: true }}>
        <SeriesForm />
      </EditDialog>
    </TopToolbar>
  );
};

const Title = () => {
  const brand = useRecordContext();
  return <>{brand?.name ?? ''}</>;
};

export const CatalogueShow = () => (
  <Show title={<Title />} actions={<Actions />}>
    <Header />
    <SeriesList />
  </Show>
);

