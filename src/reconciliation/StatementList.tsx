import { Typography } from '@mui/material';
import { ColumnsButton, CreateButton, DataTable, List, SelectInput, TopToolbar, useCanAccess, useRecordContext } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { MoneyField } from '../common/MoneyField';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { PAYMENT_CHANNEL_CHOICES } from '../common/paymentChannels';
import { ClipField, LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';
import { statementExportColumns } from './exportColumns';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'statements', action: 'import' });
  return (
    <TopToolbar>
      {canAccess ? <CreateButton label="reconciliation.import.action" icon={<UploadFileIcon />} /> : null}
      <ColumnsButton />
      <ExportMenuButton columns={statementExportColumns} fileName="statements" />
    </TopToolbar>
  );
};

const filters = [<SelectInput key="channel" source="channel" choices={PAYMENT_CHANNEL_CHOICES} alwaysOn />];

/** A problem count, coloured when there is any. */
const Problems = ({ source, color }: { source: string; color: 'error' | 'warning' }) => {
  const record = useRecordContext();
  const n = Number(record?.[source] ?? 0);
  return (
    <Typography component="span" variant="body2" color={n > 0 ? `${color}.main` : undefined} fontWeight={n > 0 ? 600 : undefined}>
      {n}
    </Typography>
  );
};

const HIDDEN = ['matched_count'];
const HIDDEN_NARROW = ['period_from', 'period_to', 'line_count', 'imported_at'];
const RefField = () => <ClipField source="statement_ref" width={160} />;

export const StatementList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
  <List pagination={<ListPagination />} filters={filters} actions={<Actions />} sort={{ field: 'imported_at', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable
      sx={LIST_TABLE_SX}
      hiddenColumns={hidden}
      rowClick={(id) => `/reconciliation?filter=${encodeURIComponent(JSON.stringify({ statement_id: id }))}`}
      bulkActionButtons={false}
    >
      <DataTable.Col source="channel" field={() => <StateChip source="channel" prefix="payments.channel" />} />
      <DataTable.Col source="statement_ref" field={RefField} />
      <DataTable.Col source="period_from" />
      <DataTable.Col source="period_to" />
      <DataTable.NumberCol source="line_count" disableSort />
      <DataTable.Col align="right" source="line_total_fen" field={MoneyField} disableSort />
      <DataTable.NumberCol source="matched_count" disableSort />
      <DataTable.Col align="right" source="mismatch_count" disableSort field={() => <Problems source="mismatch_count" color="error" />} />
      <DataTable.Col align="right" source="missing_count" disableSort field={() => <Problems source="missing_count" color="warning" />} />
      <DataTable.Col align="right" source="extra_count" disableSort field={() => <Problems source="extra_count" color="warning" />} />
      <DataTable.Col source="imported_at" field={DateTimeField} />
    </DataTable>
  </List>
);
};
