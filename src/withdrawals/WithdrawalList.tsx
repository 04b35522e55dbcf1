import { useState } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import {
  ColumnsButton,
  DataTable,
  List,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { choicesOf } from '../common/choices';
import { StateChip } from '../common/StateChip';
import { OPEN_STATES, STATE_COLORS, STATES } from './choices';
import { BulkApproveButton } from './BulkApproveButton';
import { MakeBatchFromAll, MakeBatchFromSelection } from './MakeBatchButton';
import { RECON_STATUSES } from './api';
import { WithdrawalReport } from './WithdrawalReport';
import { SELECTABLE_TABLE_SX, bigList, useHiddenColumns } from '../common/list';
import { withdrawalExportColumns } from './exportColumns';

const filters = (translate: (k: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.withdrawals.fields.q')} />,
  <SelectArrayInput
    key="state"
    source="state@in"
    label="resources.withdrawals.fields.state"
    choices={choicesOf(STATES, 'withdrawals.state')}
    parse={(v: string[]) => (v && v.length ? `(${v.join(',')})` : undefined)}
    format={(v: string | undefined) => (v ? v.replace(/[()]/g, '').split(',').filter(Boolean) : [])}
    alwaysOn
    sx={{ minWidth: 240 }}
  />,
  <SelectInput key="recon" source="recon_status" label="resources.withdrawals.fields.recon_status" choices={choicesOf(RECON_STATUSES, 'withdrawals.recon')} />,
];

/** The review queue: open requests, oldest first. */
const HIDDEN = ['fee_fen', 'payee_account_masked', 'city_name'];
const HIDDEN_NARROW = ['owner_type', 'net_fen', 'payee_bank'];

const Queue = () => {
  const translate = useTranslate();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List {...bigList()}
      resource="withdrawals"
      filters={filters(translate)}
      filterDefaultValues={{ 'state@in': `(${OPEN_STATES.join(',')})` }}
      sort={{ field: 'applied_at', order: 'ASC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <MakeBatchFromAll />
          <ColumnsButton />
          <ExportMenuButton columns={withdrawalExportColumns} fileName="withdrawals" />
        </TopToolbar>
      }
      exporter={false}
    >
      <DataTable sx={SELECTABLE_TABLE_SX} hiddenColumns={hidden} rowClick="show" bulkActionButtons={<><BulkApproveButton /><MakeBatchFromSelection /></>}>
        <DataTable.Col source="withdrawal_no" />
        <DataTable.Col source="owner_name" />
        <DataTable.Col source="owner_type" field={() => <StateChip source="owner_type" prefix="payments.payer_type" />} />
        <DataTable.Col align="right" source="amount_fen" field={MoneyField} />
        <DataTable.Col align="right" source="fee_fen" field={MoneyField} />
        <DataTable.Col align="right" source="net_fen" field={MoneyField} />
        <DataTable.Col source="payee_bank" />
        <DataTable.Col source="payee_account_masked" disableSort />
        <DataTable.Col source="state" field={() => <StateChip source="state" prefix="withdrawals.state" colors={STATE_COLORS} />} />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="applied_at" field={DateTimeField} />
      </DataTable>
    </List>
  );
};

export const WithdrawalList = () => {
  const translate = useTranslate();
  const [tab, setTab] = useState(0);
  return (
    <Box>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ mb: 1 }}>
        <Tab label={translate('withdrawals.tabs.queue')} />
        <Tab label={translate('withdrawals.tabs.report')} />
      </Tabs>
      {tab === 0 ? <Queue /> : <WithdrawalReport />}
    </Box>
  );
};
