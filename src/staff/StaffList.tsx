import { Box } from '@mui/material';
import {
  BooleanField,
  ColumnsButton,
  CreateButton,
  DataTable,
  EditButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { DateTimeField } from '../common/DateTimeField';
import { RoleField } from '../common/RoleChip';
import { RegionsField } from '../common/RegionsField';
import { ROLE_CHOICES } from './roleChoices';
import { SetActiveButton } from './SetActiveButton';
import { LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';

const filters = (translate: (key: string) => string) => [
  <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.staff.fields.q')} />,
  <SelectInput key="role" source="role" label="staff.filters.role" choices={ROLE_CHOICES} alwaysOn />,
  <NullableBooleanInput key="active" source="active" label="staff.filters.active" alwaysOn />,
];

// the default export's codes that read as words
const STAFF_CHOICES = { role: 'roles' };

const Actions = () => (
  <TopToolbar>
    <CreateButton />
    <ColumnsButton />
    <ExportMenuButton fileName="staff" choices={STAFF_CHOICES} />
  </TopToolbar>
);

const HIDDEN: string[] = [];
const HIDDEN_NARROW = ['region_codes', 'created_at'];
const NONE = {};
const INACTIVE = { '& td': { color: 'text.disabled' } };

export const StaffList = () => {
  const translate = useTranslate();
  const { canAccess: canActivate } = useCanAccess({ resource: 'staff', action: 'activate' });
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List pagination={<ListPagination />} filters={filters(translate)} actions={<Actions />} sort={{ field: 'created_at', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable
        rowClick="edit"
        bulkActionButtons={false}
        sx={LIST_TABLE_SX}
        hiddenColumns={hidden}
        // greyed out, not translucent (the sticky first cell would show what scrolls under it)
        rowSx={(record) => (record.active ? NONE : INACTIVE)}
      >
        <DataTable.Col source="display_name" />
        <DataTable.Col source="email" />
        <DataTable.Col source="role" field={RoleField} />
        <DataTable.Col source="region_codes" field={RegionsField} disableSort />
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="created_at" field={DateTimeField} />
        <DataTable.Col label={false} disableSort>
          <Box sx={{ display: 'flex', gap: 0.5, justifyContent: 'flex-end', whiteSpace: 'nowrap' }}>
            <EditButton />
            {canActivate ? <SetActiveButton /> : null}
          </Box>
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
