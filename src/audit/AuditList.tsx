import { Box, Tooltip } from '@mui/material';
import { ColumnsButton, DataTable, List, SelectInput, TextInput, useTranslate, type FieldProps, useFieldValue, AutocompleteInput, FilterButton, TopToolbar } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { auditExportColumns } from './exportColumns';
import { DateTimeField } from '../common/DateTimeField';
import { auditActionText } from '../common/auditAction';
import { RoleField } from '../common/RoleChip';
import { shanghaiDayBound } from '../common/datetime';
import { AuditDiff } from './AuditDiff';
import { ACTION_CHOICES, ENTITY_CHOICES } from './choices';
import { ReasonField } from '../common/ReasonField';
import { DayInput } from '../common/DayInput';
import { ClipField, LIST_TABLE_SX, bigList, clip, useHiddenColumns } from '../common/list';

// Date filters hold a Beijing calendar day in the form and an instant in the query.
const dayFilter = (bound: 'start' | 'end') => ({
  parse: (v: string) => (v ? shanghaiDayBound(v, bound) : undefined),
  format: (v: string | undefined) => (v ? v.slice(0, 10) : ''),
});

const filters = [
  <TextInput key="actor" source="actor_email@ilike" label="audit.filters.actor" alwaysOn />,
  <AutocompleteInput key="action" source="action" choices={ACTION_CHOICES} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="entity" source="entity" choices={ENTITY_CHOICES} alwaysOn />,
  <DayInput key="from" source="at@gte" label="audit.filters.from" alwaysOn {...dayFilter('start')} />,
  <DayInput key="to" source="at@lte" label="audit.filters.to" alwaysOn {...dayFilter('end')} />,
];

const ActionField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | undefined;
  const translate = useTranslate();
  const text = auditActionText(value, translate);
  return (
    <Box component="span" title={text} sx={{ display: 'block', ...clip(220) }}>
      {text}
    </Box>
  );
};

/** Long ids (uuids) shortened to their first 8 characters; the full id on hover. */
const ShortIdField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | undefined;
  if (!value) return null;
  return (
    <Tooltip title={value}>
      <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
        {value.length > 12 ? `${value.slice(0, 8)}…` : value}
      </Box>
    </Tooltip>
  );
};

/** A reason in words, cut to one short line (the whole reason shows in the expanded row). */
const ShortReasonField = (props: FieldProps) => (
  <Box component="span" sx={{ display: 'block', ...clip(220) }}>
    <ReasonField {...props} />
  </Box>
);

const EmailField = (props: FieldProps) => <ClipField {...props} width={180} />;

const EntityField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | undefined;
  const translate = useTranslate();
  return <>{value ? translate(`audit.entities.${value}`, { _: value }) : ''}</>;
};


// the whole row (ids, full reason, before and after) is one click away in its expanded view
const HIDDEN = ['entity_id'];
const HIDDEN_NARROW = ['actor_role', 'entity', 'entity_id', 'reason'];

export const AuditList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
  <List {...bigList()} filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50} empty={false} actions={<TopToolbar><FilterButton /><ColumnsButton /><ExportMenuButton columns={auditExportColumns} fileName="audit_log" /></TopToolbar>} exporter={false}>
    <DataTable expand={<AuditDiff />} bulkActionButtons={false} rowClick="expand" sx={LIST_TABLE_SX} hiddenColumns={hidden}>
      <DataTable.Col source="at" field={DateTimeField} />
      <DataTable.Col source="actor_email" field={EmailField} />
      <DataTable.Col source="actor_role" field={RoleField} disableSort />
      <DataTable.Col source="action" field={ActionField} />
      <DataTable.Col source="entity" field={EntityField} />
      <DataTable.Col source="entity_id" field={ShortIdField} disableSort />
      <DataTable.Col source="reason" disableSort field={ShortReasonField} />
    </DataTable>
  </List>
  );
};
