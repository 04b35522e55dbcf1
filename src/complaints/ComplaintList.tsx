import { alpha, Box, Stack, Typography, useTheme } from '@mui/material';
import {
  BooleanInput,
  ColumnsButton,
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ExportMenuButton, type ExportColumn } from '../common/export';
import { CATEGORY_CHOICES, STATE_CHOICES } from './choices';
import { ComplaintStateField, DeadlineField, SeverityChip } from './ComplaintFields';
import { complaintUrgency, type ComplaintDeadlines } from './deadlines';
import { useAssignees } from './useAssignees';
import { useNow } from './useNow';
import { LIST_TABLE_SX, SELECTABLE_TABLE_SX, bigList, clip, useHiddenColumns } from '../common/list';
import { SavedQueriesButton } from '../common/SavedQueriesButton';
import { BulkAssignButton } from './BulkAssignButton';
import { CityInput } from '../common/CityInput';
import { merchantInput } from '../common/filterInputs';

// A switched-off toggle removes its filter instead of filtering on `false`.
const onlyTrue = (v: unknown) => (v ? true : undefined);

function useComplaintFilters() {
  const translate = useTranslate();
  const { data: assignees } = useAssignees();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.complaints.fields.q')} />,
    <BooleanInput key="is_open" source="is_open" label="resources.complaints.filters.open_only" parse={onlyTrue} alwaysOn />,
    <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
    <SelectInput key="category" source="category" choices={CATEGORY_CHOICES} alwaysOn />,
    <SelectInput
      key="assignee"
      source="assignee_id"
      choices={(assignees ?? []).map((a) => ({ id: a.id, name: a.display_name }))}
      translateChoice={false}
      alwaysOn
    />,
    <CityInput key="city" />,
    merchantInput(),
  ];
}

const TitleCell = () => {
  const record = useRecordContext<{ title: string; severity: string; message_count?: number }>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <SeverityChip severity={record.severity} />
      <Typography variant="body2" sx={{ fontWeight: 500, ...clip(240) }} title={record.title}>
        {record.title}
      </Typography>
    </Stack>
  );
};

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.complaints.fields.${k}`);
  return [
    { source: 'created_at', label: f('created_at'), kind: 'datetime' },
    { source: 'title', label: f('title') },
    { source: 'category', label: f('category'), value: (r) => t(`resources.complaints.category.${r.category}`) },
    { source: 'severity', label: f('severity'), value: (r) => t(`resources.complaints.severity.${r.severity}`) },
    { source: 'state', label: f('state'), value: (r) => t(`resources.complaints.state.${r.state}`) },
    { source: 'member_nickname', label: f('member_nickname') },
    { source: 'merchant_name', label: f('merchant_name') },
    { source: 'city_name', label: f('city_name') },
    { source: 'assignee_name', label: f('assignee_name') },
    { source: 'first_response_due_at', label: f('first_response_due_at'), kind: 'datetime' },
    { source: 'first_responded_at', label: f('first_responded_at'), kind: 'datetime' },
    { source: 'resolution_due_at', label: f('resolution_due_at'), kind: 'datetime' },
    { source: 'resolved_at', label: f('resolved_at'), kind: 'datetime' },
    { source: 'outcome', label: f('outcome'), value: (r) => (r.outcome ? t(`resources.complaints.outcome.${r.outcome}`) : '') },
  ];
};

const Actions = () => (
  <TopToolbar>
    <CreateButton label="resources.complaints.phone.button" />
    <SavedQueriesButton />
    <ColumnsButton />
    <ExportMenuButton columns={exportColumns} fileName="complaints" />
  </TopToolbar>
);

// the row checkboxes of bulk assignment take a column's width: the filing time is one click away (ColumnsButton)
const HIDDEN = ['first_response_due_at', 'city_name', 'created_at'];
const HIDDEN_NARROW = ['merchant_name', 'category', 'member_nickname'];
const tint = (color: string) => ({ bgcolor: color, '--row-tint': color });

/** The customer service queue: open complaints, the nearest resolution deadline first, overdue rows in red. */
export const ComplaintList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  const now = useNow();
  const theme = useTheme();
  const { identity } = useGetIdentity();
  const filters = useComplaintFilters();
  const { canAccess: canAssign } = useCanAccess({ resource: 'complaints', action: 'assign' });
  return (
    <List {...bigList()}
      filters={filters}
      filterDefaultValues={{ is_open: true }}
      sort={{ field: 'resolution_due_at', order: 'ASC' }}
      actions={<Actions />}
      perPage={25}
      exporter={false}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={canAssign ? <BulkAssignButton /> : false}
        sx={canAssign ? SELECTABLE_TABLE_SX : LIST_TABLE_SX}
        hiddenColumns={hidden}
        rowSx={(record) => {
          const urgency = complaintUrgency(record as unknown as ComplaintDeadlines, now);
          if (urgency === 'overdue') return tint(alpha(theme.palette.error.main, 0.08));
          if (urgency === 'due_soon') return tint(alpha(theme.palette.warning.main, 0.1));
          return {};
        }}
      >
        <DataTable.Col source="title" field={TitleCell} />
        <DataTable.Col source="state" field={ComplaintStateField} />
        <DataTable.Col source="category">
          <SelectField source="category" choices={CATEGORY_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="member_nickname" />
        <DataTable.Col source="merchant_name" />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col
          source="assignee_name"
          render={(r) =>
            r.assignee_id ? (
              <Box component="span" sx={{ fontWeight: r.assignee_id === identity?.id ? 700 : 400 }}>
                {r.assignee_name}
              </Box>
            ) : (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                —
              </Box>
            )
          }
        />
        <DataTable.Col source="first_response_due_at">
          <DeadlineField kind="first_response" />
        </DataTable.Col>
        <DataTable.Col source="resolution_due_at">
          <DeadlineField kind="resolution" />
        </DataTable.Col>
        <DataTable.Col source="created_at" field={DateTimeField} />
      </DataTable>
    </List>
  );
};
