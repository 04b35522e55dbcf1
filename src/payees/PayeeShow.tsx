import { Grid, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import {
  DataTable,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  useCreatePath,
  useGetOne,
  useRecordContext,
  useTranslate,
  type FieldProps,
  useFieldValue,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { SectionCard } from '../common/SectionCard';
import { StorageImage } from '../common/StorageImage';
import { auditActionText } from '../common/auditAction';
import { PayeeActions } from './PayeeActions';
import { ReviewStateField } from './PayeeList';

const F = ({ source, children }: { source: string; children?: React.ReactElement }) => (
  <Grid size={{ xs: 12, sm: 6, md: 4 }}>
    <Labeled source={source} resource="bank_accounts">
      {children ?? <TextField source={source} emptyText="—" />}
    </Labeled>
  </Grid>
);

/** What the holder is checked against: the merchant's licence, or the member's (masked) real name. */
const Documents = () => {
  const record = useRecordContext<{ owner_type: 'merchant' | 'member'; owner_id: string }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const merchant = record?.owner_type === 'merchant';
  const resource = merchant ? 'merchants' : 'members';
  const { data } = useGetOne(resource, { id: record?.owner_id }, { enabled: Boolean(record?.owner_id) });
  if (!record) return null;
  const D = 'resources.bank_accounts.documents';
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">{translate(merchant ? `${D}.merchant_hint` : `${D}.member_hint`)}</Typography>
      {merchant ? (
        <>
          <Typography variant="body2">{translate(`${D}.licence_no`)}：{data?.licence_no ?? '—'}</Typography>
          <Typography variant="body2">{translate(`${D}.legal_person`)}：{data?.legal_person_name ?? '—'}</Typography>
          <StorageImage bucket="merchant-documents" path={data?.licence_image_url} alt={translate(`${D}.licence`)} height={240} />
        </>
      ) : (
        <Typography variant="body2">{translate(`${D}.real_name`)}：{data?.real_name ?? '—'}</Typography>
      )}
      <MuiLink component={Link} to={createPath({ resource, id: record.owner_id, type: 'show' })}>
        {translate(`${D}.open_owner`)}
      </MuiLink>
    </Stack>
  );
};

const ActionText = (props: FieldProps) => {
  const value = useFieldValue(props) as string;
  const translate = useTranslate();
  return <>{auditActionText(value, translate)}</>;
};

const PayeeTitle = () => {
  const record = useRecordContext<{ owner_name: string | null; bank_name: string }>();
  const translate = useTranslate();
  return <>{translate('resources.bank_accounts.name', { smart_count: 1 })}{record ? ` · ${record.owner_name ?? ''} ${record.bank_name}` : ''}</>;
};

export const PayeeShow = () => {
  const translate = useTranslate();
  const S = 'resources.bank_accounts.sections';
  return (
    <Show title={<PayeeTitle />}>
      <Grid container spacing={2} sx={{ p: 2 }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <SectionCard title={translate(`${S}.account`)}>
            <Grid container spacing={1}>
              <F source="owner_name" />
              <F source="holder_name" />
              <F source="bank_name" />
              <F source="branch_name" />
              <F source="account_no_masked" />
              <F source="review_state"><ReviewStateField source="review_state" /></F>
              <F source="created_at"><DateTimeField source="created_at" /></F>
              <F source="added_by_name" />
              <F source="verified_by_name" />
              <F source="verified_at"><DateTimeField source="verified_at" /></F>
              <F source="rejected_by_name" />
              <F source="reject_reason" />
            </Grid>
            <Stack sx={{ mt: 2 }}>
              <PayeeActions />
            </Stack>
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <SectionCard title={translate(`${S}.documents`)}>
            <Documents />
          </SectionCard>
        </Grid>
        <Grid size={{ xs: 12 }}>
          <SectionCard title={translate(`${S}.history`)}>
            <ReferenceManyField reference="audit_log" target="entity_id" filter={{ entity: 'bank_account' }} sort={{ field: 'at', order: 'DESC' }} perPage={20} pagination={<Pagination rowsPerPageOptions={[]} />}>
              <DataTable bulkActionButtons={false} empty={<Typography variant="body2">{translate('resources.bank_accounts.history.empty')}</Typography>}>
                <DataTable.Col source="at" label="resources.audit_log.fields.at" field={DateTimeField} />
                <DataTable.Col source="action" label="resources.audit_log.fields.action" field={ActionText} />
                <DataTable.Col source="actor_email" label="resources.audit_log.fields.actor_email" />
                <DataTable.Col source="reason" label="resources.audit_log.fields.reason" />
              </DataTable>
            </ReferenceManyField>
          </SectionCard>
        </Grid>
      </Grid>
    </Show>
  );
};
