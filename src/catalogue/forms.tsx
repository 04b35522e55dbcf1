// The catalogue's edit forms: which columns each level writes and how the values are shaped.
import { Box, Typography } from '@mui/material';
import { BooleanInput, NumberInput, SelectInput, TextInput, required, useTranslate } from 'react-admin';
import { ENERGY_CHOICES, GEARBOX_CHOICES } from '../common/vehicleChoices';
import { pinyinOf } from '../common/pinyin';
import { choicesOf } from '../common/choices';

const BODY_TYPES = ['sedan', 'suv', 'mpv', 'hatchback', 'coupe', 'pickup', 'wagon', 'van'];
const DRIVES = ['fwd', 'rwd', 'awd'];
const BODY_CHOICES = choicesOf(BODY_TYPES, 'resources.catalogue.body_types');
const DRIVE_CHOICES = choicesOf(DRIVES, 'resources.catalogue.drives');

const row = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', columnGap: 2 } as const;

/** Empty pinyin / initials are filled from the Chinese name. */
function withPinyin(values: Record<string, unknown>): Record<string, unknown> {
  const auto = pinyinOf(String(values.name ?? ''));
  return {
    ...values,
    name_pinyin: String(values.name_pinyin ?? '').trim() || auto.pinyin,
    name_initials: String(values.name_initials ?? '').trim() || auto.initials,
  };
}

export const BRAND_COLUMNS = ['name', 'name_en', 'name_pinyin', 'name_initials', 'first_letter', 'country', 'sort_order', 'active'] as const;
export const brandTransform = (values: Record<string, unknown>) => {
  const v = withPinyin(values);
  const letter = String(v.first_letter ?? '').trim().toUpperCase() || String(v.name_pinyin).charAt(0).toUpperCase();
  return { ...v, first_letter: letter, sort_order: v.sort_order ?? 0, active: v.active ?? true };
};
export const BrandForm = () => (
  <Box sx={row}>
    <TextInput source="name" label="resources.catalogue.fields.name" validate={required()} />
    <TextInput source="name_en" label="resources.catalogue.fields.name_en" />
    <TextInput source="name_pinyin" label="resources.catalogue.fields.name_pinyin" />
    <TextInput source="name_initials" label="resources.catalogue.fields.name_initials" />
    <TextInput source="first_letter" label="resources.catalogue.fields.first_letter" />
    <TextInput source="country" label="resources.catalogue.fields.country" />
    <NumberInput source="sort_order" label="resources.catalogue.fields.sort_order" />
    <BooleanInput source="active" label="resources.catalogue.fields.active" />
  </Box>
);

export const SERIES_COLUMNS = ['brand_id', 'name', 'name_pinyin', 'name_initials', 'maker', 'body_type', 'active'] as const;
export const seriesTransform = (values: Record<string, unknown>) => ({ ...withPinyin(values), active: values.active ?? true });
export const SeriesForm = () => (
  <Box sx={row}>
    <TextInput source="name" label="resources.catalogue.series.name" validate={required()} />
    <TextInput source="name_pinyin" label="resources.catalogue.fields.name_pinyin" />
    <TextInput source="name_initials" label="resources.catalogue.fields.name_initials" />
    <TextInput source="maker" label="resources.catalogue.series.maker" />
    <SelectInput source="body_type" label="resources.catalogue.series.body_type" choices={BODY_CHOICES} />
    <BooleanInput source="active" label="resources.catalogue.fields.active" />
  </Box>
);

export const MODEL_COLUMNS = [
  'series_id', 'name', 'model_year', 'guide_price_fen', 'energy', 'gearbox', 'displacement_l', 'power_kw', 'battery_kwh',
  'range_km', 'seats', 'drive', 'length_mm', 'width_mm', 'height_mm', 'wheelbase_mm', 'fuel_l_per_100km', 'oil_grade',
  'oil_capacity_l', 'service_interval_km', 'service_interval_months', 'tyre_size', 'active',
] as const;
export const modelTransform = (values: Record<string, unknown>) => {
  const yuan = values.guide_price_yuan;
  return {
    ...values,
    guide_price_fen: yuan === null || yuan === undefined || yuan === '' ? null : Math.round(Number(yuan) * 100),
    active: values.active ?? true,
  };
};
/** guide price shown in yuan in the form */
export const modelFormRecord = <T extends Record<string, unknown>>(record: T): T & { guide_price_yuan: number | null } => ({
  ...record,
  guide_price_yuan: record.guide_price_fen ? Number(record.guide_price_fen) / 100 : null,
});

const m = (k: string) => `resources.catalogue.models.${k}`;
export const ModelForm = () => {
  const translate = useTranslate();
  return (
    <>
      <Box sx={row}>
        <TextInput source="name" label={m('name')} validate={required()} />
        <NumberInput source="model_year" label={m('model_year')} validate={required()} />
        <NumberInput source="guide_price_yuan" label={m('guide_price_yuan')} />
        <SelectInput source="energy" label={m('energy')} choices={ENERGY_CHOICES} validate={required()} />
        <SelectInput source="gearbox" label={m('gearbox')} choices={GEARBOX_CHOICES} validate={required()} />
      </Box>
      <Typography variant="subtitle2">{translate(m('vehicle'))}</Typography>
      <Box sx={row}>
        {['displacement_l', 'power_kw', 'battery_kwh', 'range_km', 'seats', 'length_mm', 'width_mm', 'height_mm', 'wheelbase_mm', 'fuel_l_per_100km'].map((k) => (
          <NumberInput key={k} source={k} label={m(k)} />
        ))}
        <SelectInput source="drive" label={m('drive')} choices={DRIVE_CHOICES} />
      </Box>
      <Typography variant="subtitle2">{translate(m('maintenance'))}</Typography>
      <Box sx={row}>
        <TextInput source="oil_grade" label={m('oil_grade')} />
        <NumberInput source="oil_capacity_l" label={m('oil_capacity_l')} />
        <NumberInput source="service_interval_km" label={m('service_interval_km')} />
        <NumberInput source="service_interval_months" label={m('service_interval_months')} />
        <TextInput source="tyre_size" label={m('tyre_size')} />
      </Box>
    </>
  );
};
