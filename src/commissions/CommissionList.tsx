import { Link } from 'react-router-dom';
import {
  ColumnsButton,
  DataTable,
  List,
  NumberField,
  SelectInput,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { commissionTotalsArgs, totals } from './api';
import { LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';
import { commissionExportColumns } from './exportColumns';
import { choicesOf } from '../common/choices';
import { dateRangeInputs } from '../common/filterInputs';
import { StateChip } from '../common/StateChip';
import { TotalsBar } from '../common/TotalsBar';
import { useListTotals } from '../common/useListTotals';

export const COMMISSION_STATUSES = ['frozen', 'available', 'cancelled', 'clawed_back'] as const;
const STATUS_COLORS = { frozen: 'info', available: 'success', cancelled: 'default', clawed_back: 'error' } as const;

const CommissionTotals = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useListTotals('commission_totals', commissionTotalsArgs, totals);
  return (
    <TotalsBar
      loading={isPending}
      error={error}
      items={[
        { id: 'count', label: translate('commissions.totals.count'), count: data?.count },
        { id: 'amount', label: translate('commissions.totals.amount'), fen: data?.amount_fen },
        { id: 'frozen', label: translate('commissions.status.frozen'), fen: data?.frozen_fen },
        { id: 'available', label: translate('commissions.status.available'), fen: data?.available_fen },
        { id: 'cancelled', label: translate('commissions.status.cancelled'), fen: data?.cancelled_fen },
        { id: 'clawbacks', label: translate('commissions.totals.clawbacks'), fen: data?.clawed_back_fen },
      ]}
    />
  );
};

/** The beneficiary's account (balance and the ledger behind it). */
const BeneficiaryLink = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Link to={`/ledger/${record.beneficiary_id}/show`} onClick={(e) => e.stopPropagation()}>
      {record.beneficiary_name ?? record.beneficiary_id}
    </Link>
  );
};

const filters = [
  <SelectInput key="status" source="status" choices={choicesOf(COMMISSION_STATUSES, 'commissions.status')} alwaysOn />,
  <TextInput key="beneficiary" source="beneficiary_name@ilike" label="resources.commissions.fields.beneficiary_name" alwaysOn />,
  <TextInput key="merchant" source="merchant_name@ilike" label="resources.commissions.fields.merchant_name" />,
  <TextInput key="trade_id" source="trade_id" label="resources.commissions.fields.trade_id" />,
  <SelectInput key="tier" source="tier" choices={[{ id: 1, name: 'commissions.tier.1' }, { id: 2, name: 'commissions.tier.2' }]} />,
  <TextInput key="beneficiary_id" source="beneficiary_id" label="resources.commissions.fields.beneficiary_id" />,
  ...dateRangeInputs('created_at', { from: 'commissions.filters.from', to: 'commissions.filters.to' }),
];

const HIDDEN = ['id', 'trade_id', 'base_amount_fen', 'unfreeze_at'];
const HIDDEN_NARROW = ['tier', 'rate', 'merchant_name'];

export const CommissionList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
  <List {...bigList()}
    filters={filters}
    sort={{ field: 'created_at', order: 'DESC' }}
    perPage={25}
    actions={
      <TopToolbar>
        <ColumnsButton />
        <ExportMenuButton columns={commissionExportColumns} fileName="commissions" />
      </TopToolbar>
    }
    exporter={false}
  >
    <CommissionTotals />
    <DataTable sx={LIST_TABLE_SX} hiddenColumns={hidden} rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="beneficiary_name" field={BeneficiaryLink} />
      <DataTable.Col source="tier" field={() => <StateChip source="tier" prefix="commissions.tier" />} />
      <DataTable.Col source="merchant_name" />
      <DataTable.Col source="trade_id" />
      <DataTable.Col align="right" source="base_amount_fen" field={MoneyField} />
      <DataTable.Col align="right"
        source="rate"
        field={() => <NumberField source="rate" options={{ style: 'percent', minimumFractionDigits: 2 }} />}
      />
      <DataTable.Col align="right" source="amount_fen" field={MoneyField} />
      <DataTable.Col
        source="status"
        field={() => <StateChip source="status" prefix="commissions.status" colors={STATUS_COLORS} />}
      />
      <DataTable.Col source="unfreeze_at" field={DateTimeField} />
      <DataTable.Col source="created_at" field={DateTimeField} />
    </DataTable>
  </List>
  );
};
