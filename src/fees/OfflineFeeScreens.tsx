// 线下缴费: the records, newest first, and one record with its proof, the two people, and the
// payment it was posted as.
import { ColumnsButton, DataTable, Link, List, SelectInput, Show, SimpleShowLayout, TextField,
  TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { Button as MuiButton, Stack } from '@mui/material';
import { ExportMenuButton, codeColumn, type ExportColumn } from '../common/export';
import { SearchBox } from '../common/SearchBox';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField, DayField } from '../common/DateTimeField';
import { StateChip, type ChipColor } from '../common/StateChip';
import { choicesOf } from '../common/choices';
import { CityInput } from '../common/CityInput';
import { LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';
import { OfflineFeeButtons } from './OfflineFeeButtons';
import { proofUrl } from './api';

const STATUSES = ['recorded', 'confirmed', 'rejected'] as const;
const STATUS_COLORS: Record<string, ChipColor> = { recorded: 'warning', confirmed: 'success', rejected: 'default' };
const StatusChip = () => <StateChip source="status" prefix="fees.status" colors={STATUS_COLORS} />;
const PlanChip = () => <StateChip source="plan" prefix="fees.plan" />;

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.offline_fee_payments.fields.${k}`);
  return [
    { source: 'bank_serial', label: f('bank_serial') },
    { source: 'merchant_name', label: f('merchant_name') },
    codeColumn('plan', f('plan'), 'fees.plan', t),
    { source: 'amount_fen', label: f('amount_fen'), kind: 'money' },
    { source: 'payer_name', label: f('payer_name') },
    { source: 'paid_on', label: f('paid_on'), kind: 'date' },
    codeColumn('status', f('status'), 'fees.status', t),
    { source: 'recorded_by_name', label: f('recorded_by_name') },
    { source: 'recorded_at', label: f('recorded_at'), kind: 'datetime' },
    { source: 'decided_by_name', label: f('decided_by_name') },
    { source: 'decided_at', label: f('decided_at'), kind: 'datetime' },
    { source: 'covers_to', label: f('covers_to'), kind: 'date' },
  ];
};

const filters = [
  <SearchBox key="q" source="q" alwaysOn placeholder="resources.offline_fee_payments.fields.q" />,
  <SelectInput key="status" source="status" choices={choicesOf(STATUSES, 'fees.status')} alwaysOn />,
  <CityInput key="city" source="city_code" label="resources.offline_fee_payments.fields.city_code" alwaysOn />,
];

export const OfflineFeeList = () => {
  const hidden = useHiddenColumns(['decided_by_name', 'recorded_at'], ['payer_name', 'plan', 'recorded_by_name']);
  return (
    <List
      pagination={<ListPagination />}
      filters={filters}
      sort={{ field: 'recorded_at', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton columns={exportColumns} fileName="offline-fee-payments" />
        </TopToolbar>
      }
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="bank_serial" />
        <DataTable.Col source="merchant_name" />
        <DataTable.Col source="plan" field={PlanChip} />
        <DataTable.Col align="right" source="amount_fen" field={MoneyField} />
        <DataTable.Col source="payer_name" />
        <DataTable.Col source="paid_on" field={DayField} />
        <DataTable.Col source="status" field={StatusChip} />
        <DataTable.Col source="recorded_by_name" />
        <DataTable.Col source="recorded_at" field={DateTimeField} />
        <DataTable.Col source="decided_by_name" />
      </DataTable>
    </List>
  );
};

// `source` only names the row's label in the show layout
const ProofButton = (_: { source: string }) => {
  const record = useRecordContext<{ proof_path: string }>();
  const translate = useTranslate();
  if (!record?.proof_path) return null;
  return (
    <MuiButton size="small" variant="outlined" onClick={async () => {
      const url = await proofUrl(record.proof_path);
      if (url) window.open(url, '_blank', 'noopener');
    }}>
      {translate('fees.proof.open')}
    </MuiButton>
  );
};

const MerchantLink = (_: { source: string }) => {
  const record = useRecordContext<{ merchant_id: string; merchant_name: string }>();
  if (!record) return null;
  return <Link to={`/merchants/${encodeURIComponent(record.merchant_id)}/show`}>{record.merchant_name}</Link>;
};

export const OfflineFeeShow = () => (
  <Show actions={<TopToolbar><Stack direction="row" spacing={1} alignItems="center"><OfflineFeeButtons /></Stack></TopToolbar>}>
    <SimpleShowLayout>
      <MerchantLink source="merchant_name" />
      <TextField source="bank_serial" />
      <StateChip source="status" prefix="fees.status" colors={STATUS_COLORS} />
      <StateChip source="plan" prefix="fees.plan" />
      <MoneyField source="amount_fen" />
      <TextField source="payer_name" />
      <DayField source="paid_on" />
      <ProofButton source="proof_path" />
      <TextField source="note" emptyText="—" />
      <TextField source="recorded_by_name" />
      <DateTimeField source="recorded_at" />
      <TextField source="decided_by_name" emptyText="—" />
      <DateTimeField source="decided_at" />
      <TextField source="reject_reason" emptyText="—" />
      <DayField source="covers_to" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
