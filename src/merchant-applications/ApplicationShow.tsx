import { Box, Chip, Grid, Stack, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  NumberField,
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
import { DocumentsPanel } from './DocumentsPanel';
import { ApplicationStateField } from './fields';
import { FeePlanField, MerchantKindField } from '../common/merchantKinds';
import { LocationCard } from '../common/LocationCard';
import { ReviewActions } from './ReviewActions';
import { fieldLabel } from './RequestInfoDialog';
import { VersionsTable } from './VersionsTable';
import { SectionCard } from '../common/SectionCard';

const FieldGrid = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 2 }}>{children}</Box>
);

/** Per-field comments a reviewer left when asking for more information, one line each. */
const CommentList = ({ comments }: { comments: Record<string, string> | null | undefined }) => {
  const translate = useTranslate();
  const entries = Object.entries(comments ?? {});
  if (entries.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack spacing={0.5}>
      {entries.map(([field, comment]) => (
        <Typography key={field} variant="body2">
          {translate('resources.merchant_applications.show.field_comment', { field: fieldLabel(translate, field), comment })}
        </Typography>
      ))}
    </Stack>
  );
};

/** The comments of the latest request for more information (kept on the application). */
const FieldComments = () => {
  const record = useRecordContext<{ field_comments: Record<string, string> | null }>();
  return <CommentList comments={record?.field_comments} />;
};

/** In the history: the comments of each need_more_info decision (other rows carry a copy, not shown). */
const HistoryComments = (_props: FieldProps) => {
  const record = useRecordContext<{ to_state: string; field_comments: Record<string, string> | null }>();
  if (record?.to_state !== 'need_more_info' || !record.field_comments) return null;
  return <CommentList comments={record.field_comments} />;
};

const StateText = (props: FieldProps) => {
  const value = useFieldValue(props) as string | null;
  const translate = useTranslate();
  return <>{value ? translate(`resources.merchant_applications.states.${value}`, { _: value }) : '—'}</>;
};

const Title = () => {
  const record = useRecordContext<{ company_name: string }>();
  return <>{record?.company_name ?? ''}</>;
};

const Header = () => {
  const record = useRecordContext<{ company_name: string; version: number }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, pt: 2, flexWrap: 'wrap' }}>
      <Typography variant="h5">{record.company_name}</Typography>
      <ApplicationStateField source="state" />
      <Chip size="small" label={translate('resources.merchant_applications.show.version_label', { version: record.version })} />
    </Stack>
  );
};

export const ApplicationShow = () => (
  <Show
    title={<Title />}
    actions={
      <TopToolbar sx={{ alignItems: 'center' }}>
        <ReviewActions />
      </TopToolbar>
    }
  >
    <Header />
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <SectionCard sx={{ mb: 2 }} title="resources.merchant_applications.show.applicant">
          <FieldGrid>
            <Labeled source="company_name"><TextField source="company_name" /></Labeled>
            <Labeled source="company_name_pinyin"><TextField source="company_name_pinyin" emptyText="—" /></Labeled>
            <Labeled source="kind"><MerchantKindField source="kind" /></Labeled>
            <Labeled source="category_name"><TextField source="category_name" emptyText="—" /></Labeled>
            <Labeled source="licence_no"><TextField source="licence_no" emptyText="—" sx={{ fontFamily: 'monospace' }} /></Labeled>
            <Labeled source="legal_person_name"><TextField source="legal_person_name" emptyText="—" /></Labeled>
            <Labeled source="legal_person_id_number"><TextField source="legal_person_id_number" emptyText="—" /></Labeled>
            <Labeled source="contact_name"><TextField source="contact_name" /></Labeled>
            <Labeled source="contact_phone"><TextField source="contact_phone" /></Labeled>
            <Labeled source="city_name"><TextField source="city_name" /></Labeled>
            <Labeled source="state"><ApplicationStateField source="state" /></Labeled>
            <Labeled source="version"><NumberField source="version" /></Labeled>
            <Labeled source="reviewer_name"><TextField source="reviewer_name" emptyText="—" /></Labeled>
            <Labeled source="claimed_at"><DateTimeField source="claimed_at" /></Labeled>
            <Labeled source="submitted_at"><DateTimeField source="submitted_at" /></Labeled>
            <Labeled source="decided_at"><DateTimeField source="decided_at" /></Labeled>
            <Labeled source="created_at"><DateTimeField source="created_at" /></Labeled>
            <Labeled source="fee_plan"><FeePlanField source="fee_plan" /></Labeled>
            <Labeled source="reject_reason"><TextField source="reject_reason" emptyText="—" /></Labeled>
            <Labeled source="merchant_id">
              <ReferenceField source="merchant_id" reference="merchants" link="show" emptyText="—" />
            </Labeled>
          </FieldGrid>
          <Box sx={{ mt: 2 }}>
            <Labeled source="address" fullWidth><TextField source="address" /></Labeled>
          </Box>
          <Box sx={{ mt: 1 }}>
            <Labeled source="field_comments" fullWidth><FieldComments /></Labeled>
          </Box>
        </SectionCard>
        <SectionCard sx={{ mb: 2 }} title="resources.merchant_applications.show.location">
          <LocationCard />
        </SectionCard>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <SectionCard sx={{ mb: 2 }} title="resources.merchant_applications.show.documents">
          <DocumentsPanel />
        </SectionCard>
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        <SectionCard sx={{ mb: 2 }} title="resources.merchant_applications.show.history">
          <ReferenceManyField reference="merchant_application_history" target="application_id" sort={{ field: 'at', order: 'DESC' }} perPage={50} empty={<Typography color="text.secondary">—</Typography>}>
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="at" label="resources.merchant_applications.show.at" field={DateTimeField} />
              <DataTable.Col source="version" label="resources.merchant_applications.fields.version" />
              <DataTable.Col source="from_state" label="resources.merchant_applications.show.from_state" field={StateText} />
              <DataTable.Col source="to_state" label="resources.merchant_applications.show.to_state" field={StateText} />
              <DataTable.Col source="reason_code" label="resources.merchant_applications.show.reason_code" />
              <DataTable.Col source="note" label="resources.merchant_applications.show.note" />
              <DataTable.Col
                source="field_comments"
                label="resources.merchant_applications.fields.field_comments"
                field={HistoryComments}
                disableSort
                cellSx={() => ({ minWidth: 220 })}
              />
            </DataTable>
          </ReferenceManyField>
        </SectionCard>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <SectionCard sx={{ mb: 2 }} title="resources.merchant_applications.show.versions">
          <VersionsTable />
        </SectionCard>
      </Grid>
    </Grid>
  </Show>
);
