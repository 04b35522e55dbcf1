// 通知模板: one row per event and channel; admins open one to change and preview it.
import { BooleanField, ColumnsButton, DataTable, List, SelectInput, TopToolbar, useCanAccess, type FieldProps } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { ClipField, LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { CHANNEL_CHOICES, EVENT_CHOICES } from './choices';

const P = 'resources.notification_outbox';
const filters = [
  <SelectInput key="event" source="event" choices={EVENT_CHOICES} alwaysOn />,
  <SelectInput key="channel" source="channel" choices={CHANNEL_CHOICES} alwaysOn />,
];

const EventField = (props: FieldProps) => <StateChip {...props} source="event" prefix={`${P}.events`} />;
const ChannelField = (props: FieldProps) => <StateChip {...props} source="channel" prefix={`${P}.channels`} />;

const HIDDEN = ['updated_by_name'];
const HIDDEN_NARROW = ['provider_template_code', 'updated_at', 'subject'];

export const TemplateList = () => {
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  const { canAccess: canEdit } = useCanAccess({ resource: 'notification_templates', action: 'edit' });
  return (
    <List
      pagination={<ListPagination />}
      filters={filters}
      sort={{ field: 'id', order: 'ASC' }}
      perPage={50}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton fileName="notification_templates" />
        </TopToolbar>
      }
      exporter={false}
      empty={false}
    >
      <DataTable bulkActionButtons={false} rowClick={canEdit ? 'edit' : false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="event" field={EventField} />
        <DataTable.Col source="channel" field={ChannelField} />
        <DataTable.Col source="enabled" field={BooleanField} />
        <DataTable.Col source="subject" field={ClipField} />
        <DataTable.Col source="body" disableSort field={ClipField} />
        <DataTable.Col source="provider_template_code" />
        <DataTable.Col source="updated_at" field={DateTimeField} />
        <DataTable.Col source="updated_by_name" disableSort />
      </DataTable>
    </List>
  );
};
