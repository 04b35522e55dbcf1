import { Box, Tooltip } from '@mui/material';
import { DataTable, DateInput, List, SelectInput, TextInput, useTranslate, type FieldProps, useFieldValue, AutocompleteInput, FilterButton, TopToolbar } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { auditExportColumns } from './exportColumns';
import { DateTimeField } from '../common/DateTimeField';
import { auditActionText } from '../common/auditAction';
import { RoleField } from '../common/RoleChip';
import { shanghaiDayBound } from '../common/datetime';
import { AuditDiff } from './AuditDiff';
import { ACTION_CHOICES, ENTITY_CHOICES } from './choices';
import { CountPagination } from '../common/CountPagination';

// Date filters hold a Beijing calendar day in the form and an instant in the query.
const dayFilter = (bound: 'start' | 'end') => ({
  parse: (v: string) => (v ? shanghaiDayBound(v, bound) : undefined),
  format: (v: string | undefined) => (v ? v.slice(0, 10) : ''),
});

const filters = [
  <TextInput key="actor" source="actor_email@ilike" label="audit.filters.actor" alwaysOn />,
  <AutocompleteInput key="action" source="action" choices={ACTION_CHOICES} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="entity" source="entity" choices={ENTITY_CHOICES} alwaysOn />,
  <DateInput key="from" source="at@gte" label="audit.filters.from" alwaysOn {...dayFilter('start')} />,
  <DateInput key="to" source="at@lte" label="audit.filters.to" alwaysOn {...dayFilter('end')} />,
];

const ActionField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | undefined;
  const translate = useTranslate();
  return <>{auditActionText(value, translate)}</>;
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

const EntityField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | undefined;
  const translate = useTranslate();
  return <>{value ? translate(`audit.entities.${value}`, { _: value }) : ''}</>;
};

export const AuditList = () => (
  <List pagination={<CountPagination />} filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50} empty={false} actions={<TopToolbar><FilterButton /><ExportMenuButton columns={auditExportColumns} fileName="audit_log" /></TopToolbar>} exporter={false}>
    <DataTable expand={<AuditDiff />} bulkActionButtons={false} rowClick="expand">
      <DataTable.Col source="at" field={DateTimeField} />
      <DataTable.Col source="actor_email" />
      <DataTable.Col source="actor_role" field={RoleField} disableSort />
      <DataTable.Col source="action" field={ActionField} />
      <DataTable.Col source="entity" field={EntityField} />
      <DataTable.Col source="entity_id" field={ShortIdField} disableSort />
      <DataTable.Col source="reason" disableSort />
    </DataTable>
  </List>
);
