// 平台费价目表: every price with its validity; admins set a new price from a day on (coded
// reason, audited), finance reads.
import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { BooleanField, Button, ColumnsButton, DataTable, List, SelectInput, TopToolbar, useCanAccess,
  useDataProvider, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ExportMenuButton, codeColumn, type ExportColumn } from '../common/export';
import { ActionDialog } from '../common/ActionDialog';
import { DayTextField } from '../common/DayInput';
import { beijingDay } from '../common/datetime';
import { MoneyField } from '../common/MoneyField';
import { DayField } from '../common/DateTimeField';
import { ReasonField } from '../common/ReasonField';
import { StateChip } from '../common/StateChip';
import { parseYuan } from '../common/money';
import { choicesOf } from '../common/choices';
import { LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';
import { FEE_PLANS, PRICE_REASONS, setFeePrice, type FeePlan } from './api';

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.fee_prices.fields.${k}`);
  return [
    { source: 'category_name', label: f('category_name') },
    codeColumn('plan', f('plan'), 'fees.plan', t),
    { source: 'amount_fen', label: f('amount_fen'), kind: 'money' },
    { source: 'valid_from', label: f('valid_from'), kind: 'date' },
    { source: 'valid_to', label: f('valid_to'), kind: 'date' },
    { source: 'reason', label: f('reason') },
    { source: 'created_by_name', label: f('created_by_name') },
  ];
};

const useCategories = () =>
  useGetList<{ id: number; name: string }>('merchant_categories', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } }).data ?? [];

const SetPriceButton = () => {
  const { canAccess } = useCanAccess({ resource: 'fee_prices', action: 'edit' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const categories = useCategories();
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<number | ''>('');
  const [plan, setPlan] = useState<FeePlan>('monthly');
  const [amount, setAmount] = useState('');
  const [from, setFrom] = useState(beijingDay(1));
  const [to, setTo] = useState('');
  if (!canAccess) return null;
  const fen = parseYuan(amount);
  const f = (k: string) => translate(`resources.fee_prices.fields.${k}`);
  return (
    <>
      <Button label="fees.set_price.action" onClick={() => setOpen(true)}><PriceChangeIcon /></Button>
      <ActionDialog
        open={open}
        title={translate('fees.set_price.title')}
        content={translate('fees.set_price.content')}
        reasons={{ codes: PRICE_REASONS, labelPrefix: 'reasons' }}
        canConfirm={category !== '' && !!fen && fen > 0 && !!from && (!to || to >= from)}
        confirmLabel={translate('fees.set_price.action')}
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode, note }) => {
          await setFeePrice(dataProvider, { categoryId: Number(category), plan, amountFen: fen!, validFrom: from, validTo: to || null, reasonCode, note });
          notify('fees.set_price.done', { type: 'success' });
          setOpen(false);
          refresh();
        }}
      >
        <TextField select label={f('category_name')} value={category} onChange={(e) => setCategory(Number(e.target.value))} required>
          {categories.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>)}
        </TextField>
        <TextField select label={f('plan')} value={plan} onChange={(e) => setPlan(e.target.value as FeePlan)}>
          {FEE_PLANS.map((p) => <MenuItem key={p} value={p}>{translate(`fees.plan.${p}`)}</MenuItem>)}
        </TextField>
        <TextField label={f('amount_fen')} value={amount} onChange={(e) => setAmount(e.target.value)} required />
        <DayTextField label={f('valid_from')} value={from} onChange={setFrom} required />
        <DayTextField label={f('valid_to')} value={to} onChange={setTo} helperText={translate('fees.open_ended')} />
      </ActionDialog>
    </>
  );
};

export const FeePriceList = () => {
  const categories = useCategories();
  const hidden = useHiddenColumns(['created_by_name'], ['reason']);
  const filters = [
    <SelectInput key="category" source="category_id" choices={categories} alwaysOn />,
    <SelectInput key="plan" source="plan" choices={choicesOf(FEE_PLANS, 'fees.plan')} alwaysOn />,
  ];
  return (
    <List
      pagination={<ListPagination />}
      filters={filters}
      sort={{ field: 'valid_from', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <SetPriceButton />
          <ColumnsButton />
          <ExportMenuButton columns={exportColumns} fileName="fee-prices" />
        </TopToolbar>
      }
      exporter={false}
    >
      <DataTable bulkActionButtons={false} rowClick={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="category_name" />
        <DataTable.Col source="plan" field={() => <StateChip source="plan" prefix="fees.plan" />} />
        <DataTable.Col align="right" source="amount_fen" field={MoneyField} />
        <DataTable.Col source="valid_from" field={DayField} />
        <DataTable.Col source="valid_to" field={() => <DayField source="valid_to" emptyText="fees.open_ended" />} />
        <DataTable.Col source="in_force" field={BooleanField} />
        <DataTable.Col source="reason" field={() => <ReasonField source="reason" />} />
        <DataTable.Col source="created_by_name" />
      </DataTable>
    </List>
  );
};
