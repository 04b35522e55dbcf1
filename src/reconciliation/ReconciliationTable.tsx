import { Button, DataTable, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { RESULT_COLORS } from './choices';

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

/** Rows of v_reconciliation: problems first in colour, amounts side by side. */
export const ReconciliationTable = () => (
  <DataTable
    sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}
    bulkActionButtons={false}
    rowClick={false}
    rowSx={(r) => (r.result === 'matched' ? {} : { bgcolor: r.result === 'amount_mismatch' ? 'error.light' : 'warning.light', '& td': { color: 'common.black' } })}
  >
    <DataTable.Col
      source="result"
      field={() => <StateChip source="result" prefix="reconciliation.result" colors={RESULT_COLORS} />}
    />
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
