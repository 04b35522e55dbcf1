import { useMemo } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import {
  Edit,
  Labeled,
  NumberInput,
  SaveButton,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  maxLength,
  minLength,
  regex,
  required,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import { pinyinOf } from '../common/pinyin';
import { MerchantKindField } from '../common/merchantKinds';
import { MerchantStatusField } from './fields';
import { MOBILE, coordinatePairError, profileChanges, withPinyin } from './profile';

const E = 'resources.merchants.edit';

const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 2, width: '100%' } as const;

interface Merchant {
  id: string;
  name: string;
  contact_phone: string | null;
}

/** A mobile number; a value left exactly as loaded passes (older records may carry a landline). */
const phoneValidator =
  (loaded: string | null | undefined): Validator[] => [
    required(),
    (value: unknown) => {
      const text = String(value ?? '').trim();
      if (!text || (loaded && text === loaded)) return undefined;
      return MOBILE.test(text) ? undefined : `${E}.phone_invalid`;
    },
  ];

const validateName = [required(), minLength(2), maxLength(80)];
const validatePinyin = [regex(/^[a-z0-9]*$/, `${E}.pinyin_invalid`), maxLength(200)];
const validateContact = [required(), maxLength(40)];
const validateAddress = [required(), maxLength(200)];
const inRange = (min: number, max: number, message: string): Validator => (value: unknown) =>
  value === null || value === undefined || value === '' || (Number(value) >= min && Number(value) <= max) ? undefined : message;
const validateLat = [inRange(-90, 90, `${E}.lat_range`), (_: unknown, values: Record<string, unknown>) => coordinatePairError('lat', values)];
const validateLng = [inRange(-180, 180, `${E}.lng_range`), (_: unknown, values: Record<string, unknown>) => coordinatePairError('lng', values)];

const ReadOnlyFacts = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mb: 1 }}>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled source="kind"><MerchantKindField source="kind" /></Labeled>
        <Labeled source="city_name"><TextField source="city_name" /></Labeled>
        <Labeled source="status"><MerchantStatusField source="status" /></Labeled>
        <Labeled source="licence_no"><TextField source="licence_no" emptyText="—" /></Labeled>
      </Box>
      <Alert severity="info" sx={{ mt: 1 }}>{translate(`${E}.scope`)}</Alert>
    </Box>
  );
};

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 2, mb: 0.5, width: '100%' }}>
      {translate(title)}
    </Typography>
  );
};

const ProfileForm = () => {
  const record = useRecordContext<Merchant>();
  const validatePhone = useMemo(() => phoneValidator(record?.contact_phone), [record?.contact_phone]);
  return (
    <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>} sx={{ maxWidth: 880 }}>
      <ReadOnlyFacts />
      <Section title={`${E}.sections.identity`} />
      <Box sx={grid}>
        <TextInput source="name" validate={validateName} />
        <TextInput source="name_pinyin" label="resources.merchants.fields.name_pinyin" validate={validatePinyin} helperText={`${E}.pinyin_help`} />
        <TextInput source="name_initials" label="resources.merchants.fields.name_initials" validate={validatePinyin} helperText={`${E}.pinyin_help`} />
        <TextInput source="legal_person_name" validate={maxLength(40)} />
      </Box>
      <Section title={`${E}.sections.contact`} />
      <Box sx={grid}>
        <TextInput source="contact_name" validate={validateContact} />
        <TextInput source="contact_phone" validate={validatePhone} />
      </Box>
      <TextInput source="address" validate={validateAddress} fullWidth />
      <Box sx={grid}>
        <NumberInput source="lat" label="resources.merchants.fields.lat" validate={validateLat} step={0.000001} helperText={`${E}.coordinates_help`} />
        <NumberInput source="lng" label="resources.merchants.fields.lng" validate={validateLng} step={0.000001} helperText={`${E}.coordinates_help`} />
      </Box>
      <Section title={`${E}.sections.documents`} />
      <TextInput source="licence_image_url" label="resources.merchants.fields.licence_image_url" helperText={`${E}.licence_help`} validate={maxLength(300)} fullWidth />
      <TextInput source="description" multiline minRows={3} validate={maxLength(1000)} fullWidth />
      <Section title={`${E}.sections.reason`} />
      <TextInput source="reason" label={`${E}.reason`} helperText={`${E}.reason_help`} multiline minRows={2} validate={maxLength(500)} fullWidth />
    </SimpleForm>
  );
};

const Title = () => {
  const record = useRecordContext<Merchant>();
  const translate = useTranslate();
  return <>{translate(`${E}.title`, { name: record?.name ?? '' })}</>;
};

/**
 * Admin only (canAccess merchants/edit; merchant_update_profile refuses everyone else): only
 * the changed columns are sent, with an optional reason for the audit log.
 */
export const MerchantEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit
      title={<Title />}
      mutationMode="pessimistic"
      transform={(values: Record<string, unknown>, options?: { previousData?: Record<string, unknown> }) => {
        const previous = options?.previousData ?? {};
        return {
          changes: profileChanges(previous, withPinyin(previous, values, (name) => pinyinOf(name))),
          reason: String(values.reason ?? '').trim() || null,
        };
      }}
      mutationOptions={{
        onSuccess: (data: { id: string }) => {
          notify('resources.merchants.notify.profile_saved', { type: 'success' });
          redirect('show', 'merchants', data.id);
        },
      }}
    >
      <ProfileForm />
    </Edit>
  );
};
