import { Chip, useTheme } from '@mui/material';
import { Button, DataTable, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { lookOf } from './resultStyle';
import { ClipField, LIST_TABLE_SX, useHiddenColumns } from '../common/list';

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
      title={record.payment_no}
      // a long payment number is cut, not the table widened
      sx={{ display: 'inline-block', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
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
const HIDDEN = ['channel'];
const HIDDEN_NARROW = ['statement_ref', 'occurred_at', 'payment_amount_fen'];
const TxnField = () => <ClipField source="channel_txn_id" width={170} />;
const RefField = () => <ClipField source="statement_ref" width={140} />;

export const ReconciliationTable = () => {
  const theme = useTheme();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <DataTable
      sx={LIST_TABLE_SX}
      hiddenColumns={hidden}
      bulkActionButtons={false}
      rowClick={false}
      rowSx={(r) => {
        const row = lookOf(String(r.result), theme.palette.mode).row;
        // `--row-tint` colours the sticky first cell as well (common/list/tableSx.ts)
        return row ? { bgcolor: row, '--row-tint': row } : {};
      }}
    >
      <DataTable.Col source="result" field={ResultChip} />
      <DataTable.Col source="channel" field={() => <StateChip source="channel" prefix="payments.channel" />} />
      <DataTable.Col source="channel_txn_id" field={TxnField} />
      <DataTable.Col source="statement_ref" field={RefField} />
      <DataTable.Col source="payment_no" field={PaymentLink} />
      <DataTable.Col align="right" source="payment_amount_fen" field={MoneyField} />
      <DataTable.Col align="right" source="statement_amount_fen" field={MoneyField} />
      <DataTable.Col align="right" source="diff_fen" field={MoneyField} />
      <DataTable.Col source="occurred_at" field={DateTimeField} />
    </DataTable>
  );
};
