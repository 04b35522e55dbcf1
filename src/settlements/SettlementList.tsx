import { useState } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import {
  DataTable,
  List,
  SelectInput,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { choicesOf } from '../common/choices';
import { StateChip } from '../common/StateChip';
import { RunSettlementButton } from './RunSettlementButton';

const OWNER_TYPES = ['merchant', 'member', 'platform'] as const;

/** Settlement runs (结算批次), newest period first. */
const Runs = () => (
  <List
    resource="settlements"
    sort={{ field: 'period_to', order: 'DESC' }}
    perPage={25}
    actions={
      <TopToolbar>
        <RunSettlementButton />
        <ExportMenuButton fileName="settlement_runs" />
      </TopToolbar>
    }
    exporter={false}
  >
    <DataTable sx={{ '& td, & th': { whiteSpace: 'nowrap' } }} rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="period_from" />
      <DataTable.Col source="period_to" />
      <DataTable.NumberCol source="trade_count" />
      <DataTable.Col align="right" source="sales_fen" field={MoneyField} />
      <DataTable.Col align="right" source="refunds_fen" field={MoneyField} />
      <DataTable.Col align="right" source="platform_fee_fen" field={MoneyField} />
      <DataTable.Col align="right" source="commission_fen" field={MoneyField} />
      <DataTable.Col align="right" source="merchant_net_fen" field={MoneyField} />
      <DataTable.Col source="finished_at" field={DateTimeField} />
    </DataTable>
  </List>
);

export const StatementColumns = () => (
  <DataTable bulkActionButtons={false} rowClick={(_id, _res, record) => (record.owner_id ? `/ledger/${record.owner_id}/show` : false)}>
    <DataTable.Col source="period_from" label="resources.settlements.fields.period_from" />
    <DataTable.Col source="period_to" label="resources.settlements.fields.period_to" />
    <DataTable.Col
      source="owner_type"
      label="resources.settlements.fields.owner_type"
      field={() => <StateChip source="owner_type" prefix="payments.payer_type" />}
    />
    <DataTable.Col source="owner_name" label="resources.settlements.fields.owner_name" />
    <DataTable.NumberCol source="trade_count" label="resources.settlements.fields.trade_count" />
    <DataTable.Col align="right" source="sales_fen" label="resources.settlements.fields.sales_fen" field={MoneyField} />
    <DataTable.Col align="right" source="refunds_fen" label="resources.settlements.fields.refunds_fen" field={MoneyField} />
    <DataTable.Col align="right" source="platform_fee_fen" label="resources.settlements.fields.platform_fee_fen" field={MoneyField} />
    <DataTable.Col align="right" source="commission_fen" label="resources.settlements.fields.commission_fen" field={MoneyField} />
    <DataTable.Col align="right" source="net_fen" label="resources.settlements.fields.net_fen" field={MoneyField} />
  </DataTable>
);

const statementFilters = [
  <SelectInput key="owner_type" source="owner_type" label="resources.settlements.fields.owner_type" choices={choicesOf(OWNER_TYPES, 'payments.payer_type')} alwaysOn />,
  <TextInput key="owner_name" source="owner_name@ilike" label="resources.settlements.fields.owner_name" alwaysOn />,
  <TextInput key="period_from" source="period_from@gte" label="settlements.filters.from" type="date" />,
  <TextInput key="period_to" source="period_to@lte" label="settlements.filters.to" type="date" />,
];

/** Statements (结算单) per account and period, across runs. */
const Statements = () => (
  <List
    resource="v_settlements"
    filters={statementFilters}
    sort={{ field: 'period_from', order: 'DESC' }}
    perPage={25}
    disableSyncWithLocation
    // a read model of the settlements resource: access was checked for `settlements`
    disableAuthentication
    storeKey="settlement_statements"
    title="resources.settlements.name"
    actions={
      <TopToolbar>
        <ExportMenuButton fileName="settlement_statements" />
      </TopToolbar>
    }
    exporter={false}
  >
    <StatementColumns />
  </List>
);

export const SettlementList = () => {
  const translate = useTranslate();
  const [tab, setTab] = useState(0);
  return (
    <Box>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ mb: 1 }}>
        <Tab label={translate('settlements.tabs.runs')} />
        <Tab label={translate('settlements.tabs.statements')} />
      </Tabs>
      {tab === 0 ? <Runs /> : <Statements />}
    </Box>
  );
};
