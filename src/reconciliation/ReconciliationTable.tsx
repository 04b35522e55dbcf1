import { Chip, useTheme } from '@mui/material';
import { Button, DataTable, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { lookOf } from './resultStyle';

/** One click from a reconciliation row to its payment record. */
const PaymentLink = () => {
  const record = useRecordContext();
  if (!record?.payment_id) return null;
  return (
    <Button
      component={Link}
      to={`/payments/${record.payment_id}/show`}
      label={record.payment_no}
      onClick={(e) => e.stopPropagation()}
      data-testid="recon-payment-link"
    >
      <OpenInNewIcon />
    </Button>
  );
};

/** The result as a chip whose words stay readable in either theme (resultStyle.ts). */
const ResultChip = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const theme = useTheme();
  if (!record?.result) return null;
  const look = lookOf(String(record.result), theme.palette.mode);
  return (
    <Chip
      size="small"
      data-result={record.result}
      label={translate(`reconciliation.result.${record.result}`, { _: record.result })}
      sx={{ bgcolor: look.chipBg, color: look.chipFg, fontWeight: 600 }}
    />
  );
};

/** Rows of v_reconciliation: problems tinted with a readable chip, amounts side by side. */
export const ReconciliationTable = () => {
  const theme = useTheme();
  return (
    <DataTable
      sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}
      bulkActionButtons={false}
      rowClick={false}
      rowSx={(r) => {
        const row = lookOf(String(r.result), theme.palette.mode).row;
        return row ? { bgcolor: row } : {};
      }}
    >
      <DataTable.Col source="result" field={ResultChip} />
      <DataTable.Col source="channel" field={() => <StateChip source="channel" prefix="payments.channel" />} />
      <DataTable.Col source="channel_txn_id" />
      <DataTable.Col source="statement_ref" />
      <DataTable.Col source="payment_no" field={PaymentLink} />
      <DataTable.Col align="right" source="payment_amount_fen" field={MoneyField} />
      <DataTable.Col align="right" source="statement_amount_fen" field={MoneyField} />
      <DataTable.Col align="right" source="diff_fen" field={MoneyField} />
      <DataTable.Col source="occurred_at" field={DateTimeField} />
    </DataTable>
  );
};
