import { Box, Grid, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  EditButton,
  Labeled,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useFieldValue,
  usePermissions,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import type { StaffPermissions } from '../providers/authProvider';
import { canAccess } from '../providers/access';
import { DateTimeField } from '../common/DateTimeField';
import { auditActionText } from '../common/auditAction';
import { MoneyField } from '../common/MoneyField';
import { LocationCard } from '../common/LocationCard';
import { FeePlanField, MerchantKindField } from '../common/merchantKinds';
import { KindField, ReviewStateField, ShelfStateField } from '../listings/fields';
import { StorageImage } from '../common/StorageImage';
import { CommissionButton } from './CommissionButton';
import { MerchantStatusField, RateField } from './fields';
import { RankingTab } from './RankingTab';
import { StatusButtons } from './StatusButtons';
import { ClosingButtons } from './ClosingButtons';
import { OwnerAccount } from '../accounts/AccountPanel';

const Empty = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary" sx={{ p: 2 }}>{translate('resources.merchants.empty_tab')}</Typography>;
};

const Grid3 = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 2, width: '100%' }}>{children}</Box>
);

const Licence = () => {
  const record = useRecordContext<{ licence_image_url: string | null; name: string }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <StorageImage
      bucket="merchant-documents"
      path={record.licence_image_url}
      alt={`${translate('resources.merchant_applications.fields.licence_image_url')} · ${record.name}`}
      height={260}
    />
  );
};

const AuditAction = (props: FieldProps) => {
  const value = useFieldValue(props) as string;
  const translate = useTranslate();
  return <>{auditActionText(value, translate)}</>;
};

const Title = () => {
  const record = useRecordContext<{ name: string }>();
  return <>{record?.name ?? ''}</>;
};

const r = (k: string) => `resources.merchants.related.${k}`;

/** Available, frozen, locked for withdrawal, deposit and receivable, each opening its ledger entries. */
const MerchantBalance = () => {
  const record = useRecordContext<{ id: string }>();
  return record ? <OwnerAccount ownerId={record.id} /> : null;
};

const h = (k: string) => `resources.merchants.commission_history.${k}`;
/** Every change of category and commission rate, with who and why (merchant_commission_changes). */
const CommissionHistory = () => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate(h('title'))}</Typography>
      <ReferenceManyField reference="merchant_commission_changes" target="merchant_id" sort={{ field: 'at', order: 'DESC' }} perPage={10} empty={<Typography variant="body2" color="text.secondary">{translate(h('empty'))}</Typography>}>
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="at" label={h('at')} field={DateTimeField} />
          <DataTable.Col source="old_category_id" label={h('old_category')}>
            <ReferenceField source="old_category_id" reference="merchant_categories" link={false} emptyText="—"><TextField source="name" /></ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="new_category_id" label={h('new_category')}>
            <ReferenceField source="new_category_id" reference="merchant_categories" link={false} emptyText="—"><TextField source="name" /></ReferenceField>
          </DataTable.Col>
          <DataTable.Col source="old_rate_override" label={h('old_rate')} field={RateField} />
          <DataTable.Col source="new_rate_override" label={h('new_rate')} field={RateField} />
          <DataTable.Col source="reason" label={h('reason')} />
        </DataTable>
      </ReferenceManyField>
    </>
  );
};

export const MerchantShow = () => {
  const { permissions } = usePermissions<StaffPermissions>();
  const seesPayments = canAccess(permissions?.role, 'payments', 'list');
  const seesLedger = canAccess(permissions?.role, 'ledger', 'list');
  // admin only; merchant_update_profile refuses everyone else anyway
  const canEdit = canAccess(permissions?.role, 'merchants', 'edit');
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          {canEdit ? <EditButton label="resources.merchants.actions.edit_profile" /> : null}
          <StatusButtons />
          <CommissionButton />
          <ClosingButtons />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.merchants.tabs.profile">
          <Grid container spacing={2} sx={{ width: '100%' }}>
            <Grid size={{ xs: 12, lg: 8 }}>
              <Grid3>
                <Labeled source="name"><TextField source="name" /></Labeled>
                <Labeled source="kind"><MerchantKindField source="kind" /></Labeled>
                <Labeled source="status"><MerchantStatusField source="status" /></Labeled>
                <Labeled source="status_reason"><TextField source="status_reason" emptyText="—" /></Labeled>
                <Labeled source="city_name"><TextField source="city_name" /></Labeled>
                <Labeled source="level"><NumberField source="level" /></Labeled>
                <Labeled source="rank_score"><NumberField source="rank_score" /></Labeled>
                <Labeled source="rank_in_city"><NumberField source="rank_in_city" emptyText="—" /></Labeled>
                <Labeled source="rating"><NumberField source="rating" emptyText="—" /></Labeled>
                <Labeled source="product_count"><NumberField source="product_count" /></Labeled>
                <Labeled source="on_shelf_count"><NumberField source="on_shelf_count" /></Labeled>
                <Labeled source="complaint_count"><NumberField source="complaint_count" /></Labeled>
                <Labeled source="open_complaint_count"><NumberField source="open_complaint_count" /></Labeled>
                <Labeled source="reservation_count"><NumberField source="reservation_count" /></Labeled>
                <Labeled source="success_count"><NumberField source="success_count" /></Labeled>
                <Labeled source="success_rate"><RateField source="success_rate" /></Labeled>
                <Labeled source="active_penalty_count"><NumberField source="active_penalty_count" /></Labeled>
                <Labeled source="category_name"><TextField source="category_name" /></Labeled>
                <Labeled source="commission_rate"><RateField source="commission_rate" /></Labeled>
                <Labeled source="commission_rate_override"><RateField source="commission_rate_override" /></Labeled>
                <Labeled source="distributor_rate"><RateField source="distributor_rate" /></Labeled>
                <Labeled source="fee_plan"><FeePlanField source="fee_plan" /></Labeled>
                <Labeled source="fee_paid_until"><DateField source="fee_paid_until" emptyText="—" /></Labeled>
                <Labeled source="deposit_fen"><MoneyField source="deposit_fen" /></Labeled>
                <Labeled source="deposit_required_fen"><MoneyField source="deposit_required_fen" /></Labeled>
                <Labeled source="contact_name"><TextField source="contact_name" emptyText="—" /></Labeled>
                <Labeled source="contact_phone"><TextField source="contact_phone" emptyText="—" /></Labeled>
                <Labeled source="licence_no"><TextField source="licence_no" emptyText="—" /></Labeled>
                <Labeled source="legal_person_name"><TextField source="legal_person_name" emptyText="—" /></Labeled>
                <Labeled source="approved_at"><DateTimeField source="approved_at" /></Labeled>
                <Labeled source="activated_at"><DateTimeField source="activated_at" /></Labeled>
              </Grid3>
              <Box sx={{ mt: 2 }}>
                <LocationCard />
              </Box>
            </Grid>
            <Grid size={{ xs: 12, lg: 4 }}>
              <Licence />
            </Grid>
            <Grid size={{ xs: 12 }}>
              <CommissionHistory />
            </Grid>
          </Grid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.merchants.tabs.listings" path="listings">
          <ReferenceManyField reference="listings" target="merchant_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty />}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="title" />
              <DataTable.Col source="kind" field={KindField} />
              <DataTable.Col source="price_fen" field={MoneyField} align="right" />
              <DataTable.Col source="review_state" field={ReviewStateField} />
              <DataTable.Col source="shelf_state" field={ShelfStateField} />
              <DataTable.Col source="created_at" field={DateTimeField} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.merchants.tabs.reservations" path="reservations">
          <ReferenceManyField reference="v_reservations" target="merchant_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty />}>
            <DataTable rowClick={false} bulkActionButtons={false}>
              <DataTable.Col source="created_at" label={r('created_at')} field={DateTimeField} />
              <DataTable.Col source="member_nickname" label={r('member')} />
              <DataTable.Col source="listing_title" label={r('title')} />
              <DataTable.Col source="kind" label={r('kind')} />
              <DataTable.Col source="state" label={r('state')} />
              <DataTable.Col source="price_fen" label={r('amount')} field={MoneyField} align="right" />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.merchants.tabs.complaints" path="complaints">
          <ReferenceManyField reference="v_complaints" target="merchant_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty />}>
            <DataTable rowClick={false} bulkActionButtons={false}>
              <DataTable.Col source="created_at" label={r('created_at')} field={DateTimeField} />
              <DataTable.Col source="title" label={r('title')} />
              <DataTable.Col source="category" label={r('category')} />
              <DataTable.Col source="member_nickname" label={r('member')} />
              <DataTable.Col source="state" label={r('state')} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        {seesPayments ? (
          <TabbedShowLayout.Tab label="resources.merchants.tabs.payments" path="payments">
            <ReferenceManyField reference="v_payments" target="merchant_id" sort={{ field: 'created_at', order: 'DESC' }} perPage={10} pagination={<Pagination />} empty={<Empty />}>
              <DataTable rowClick={false} bulkActionButtons={false}>
                <DataTable.Col source="created_at" label={r('created_at')} field={DateTimeField} />
                <DataTable.Col source="kind" label={r('kind')} />
                <DataTable.Col source="amount_fen" label={r('amount')} field={MoneyField} align="right" />
                <DataTable.Col source="channel" label={r('channel')} />
                <DataTable.Col source="status" label={r('status')} />
              </DataTable>
            </ReferenceManyField>
          </TabbedShowLayout.Tab>
        ) : null}
        {seesLedger ? (
          <TabbedShowLayout.Tab label="resources.merchants.tabs.balance" path="balance">
            <MerchantBalance />
          </TabbedShowLayout.Tab>
        ) : null}
        <TabbedShowLayout.Tab label="resources.merchants.tabs.ranking" path="ranking">
          <RankingTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.merchants.tabs.audit" path="audit">
          <ReferenceManyField reference="audit_log" target="entity_id" filter={{ entity: 'merchant' }} sort={{ field: 'at', order: 'DESC' }} perPage={20} pagination={<Pagination />} empty={<Empty />}>
            <DataTable rowClick={false} bulkActionButtons={false}>
              <DataTable.Col source="at" label="resources.merchants.audit.at" field={DateTimeField} />
              <DataTable.Col source="action" label="resources.merchants.audit.action" field={AuditAction} />
              <DataTable.Col source="actor_email" label="resources.merchants.audit.actor" />
              <DataTable.Col source="reason" label="resources.merchants.audit.reason" />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
