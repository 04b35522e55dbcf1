import { useState } from 'react';
import { Button as MuiButton, Grid, Stack, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  BooleanField,
  DataTable,
  Labeled,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { revealBankAccount } from './api';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { useNotifyRefusal } from '../common/refusal';
import { OwnerAccount } from '../accounts/AccountPanel';
import { STATE_COLORS } from './choices';
import { WithdrawalActions } from './WithdrawalActions';
import { SectionCard } from '../common/SectionCard';

const F = ({ source, children }: { source: string; children?: React.ReactElement }) => (
  <Grid size={{ xs: 12, sm: 6, md: 3 }}>
    <Labeled source={source} resource="withdrawals">
      {children ?? <TextField source={source} emptyText="—" />}
    </Labeled>
  </Grid>
);

/** The payee account (v_bank_accounts masks it); finance may reveal the number (audited). */
const BankAccount = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refusal = useNotifyRefusal();
  const { canAccess: canReveal } = useCanAccess({ resource: 'withdrawals', action: 'pay' });
  const [full, setFull] = useState<string | null>(null);
  const { data } = useGetOne('v_bank_accounts', { id: record?.bank_account_id }, { enabled: Boolean(record?.bank_account_id) });
  if (!record) return null;
  const reveal = async () => {
    try {
      setFull(await revealBankAccount(dataProvider, record.bank_account_id));
    } catch (e) {
      refusal(e);
    }
  };
  return (
    <Stack spacing={0.5} data-testid="bank-account">
      <Typography variant="body2">
        {translate('withdrawals.bank.holder')}: {data?.holder_name ?? record.payee_name}
      </Typography>
      <Typography variant="body2">
        {translate('withdrawals.bank.bank')}: {data?.bank_name ?? record.payee_bank} {data?.branch_name ?? ''}
      </Typography>
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
          {translate('withdrawals.bank.number')}: {full ?? data?.account_no_masked ?? record.payee_account_masked}
        </Typography>
        {canReveal && !full ? (
          <MuiButton size="small" startIcon={<VisibilityIcon />} onClick={reveal}>
            {translate('withdrawals.bank.reveal')}
          </MuiButton>
        ) : null}
      </Stack>
      <Typography variant="body2">
        {translate('withdrawals.bank.verified')}:{' '}
        {data ? translate(data.verified ? 'withdrawals.bank.yes' : 'withdrawals.bank.no') : '—'}
      </Typography>
    </Stack>
  );
};

const Applicant = () => {
  const record = useRecordContext();
  if (!record?.owner_id) return null;
  return <OwnerAccount ownerId={String(record.owner_id)} />;
};

const Header = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }} flexWrap="wrap" useFlexGap>
      <Typography variant="h6">{record.withdrawal_no}</Typography>
      <StateChip source="state" prefix="withdrawals.state" colors={STATE_COLORS} />
      <WithdrawalActions />
    </Stack>
  );
};

export const WithdrawalShow = () => (
  <Show actions={<TopToolbar />}>
    <SimpleShowLayout>
      <Header />
      <Grid container spacing={1}>
        <F source="owner_name" />
        <F source="owner_type">
          <StateChip source="owner_type" prefix="payments.payer_type" />
        </F>
        <F source="city_name" />
        <F source="applied_at">
          <DateTimeField source="applied_at" />
        </F>
        <F source="amount_fen">
          <MoneyField source="amount_fen" variant="h6" />
        </F>
        <F source="fee_fen">
          <MoneyField source="fee_fen" />
        </F>
        <F source="net_fen">
          <MoneyField source="net_fen" />
        </F>
        <F source="needs_second_approval">
          <BooleanField source="needs_second_approval" />
        </F>
        <F source="approved_at">
          <DateTimeField source="approved_at" />
        </F>
        <F source="paid_at">
          <DateTimeField source="paid_at" />
        </F>
        <F source="channel_txn_id" />
        <F source="reject_reason" />
        <F source="fail_reason" />
        <F source="payout_attempts" />
        <F source="recon_status">
          <StateChip source="recon_status" prefix="withdrawals.recon" />
        </F>
      </Grid>
      <SectionCard sx={{ mt: 2 }} title="withdrawals.sections.bank">
        <BankAccount />
      </SectionCard>
      <SectionCard sx={{ mt: 2 }} title="withdrawals.sections.balance">
        <Applicant />
      </SectionCard>
      <SectionCard sx={{ mt: 2 }} title="withdrawals.sections.history">
        <ReferenceManyField reference="withdrawal_history" target="withdrawal_id" sort={{ field: 'at', order: 'ASC' }} perPage={50}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="at" label="withdrawals.history.at" field={DateTimeField} />
            <DataTable.Col source="from_state" label="withdrawals.history.from" field={() => <StateChip source="from_state" prefix="withdrawals.state" />} />
            <DataTable.Col
              source="to_state"
              label="withdrawals.history.to"
              field={() => <StateChip source="to_state" prefix="withdrawals.state" colors={STATE_COLORS} />}
            />
            <DataTable.Col source="reason_code" label="withdrawals.history.reason_code" />
            <DataTable.Col source="note" label="withdrawals.history.note" />
          </DataTable>
        </ReferenceManyField>
      </SectionCard>
    </SimpleShowLayout>
  </Show>
);
