// 通知模板: one row per event and channel; admins open one to change and preview it.
import { BooleanField, DataTable, List, SelectInput, TopToolbar, useCanAccess, type FieldProps } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { ListPagination } from '../common/list';
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

export const TemplateList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'notification_templates', action: 'edit' });
  return (
    <List
      pagination={<ListPagination />}
      filters={filters}
      sort={{ field: 'id', order: 'ASC' }}
      perPage={50}
      actions={
        <TopToolbar>
          <ExportMenuButton fileName="notification_templates" />
        </TopToolbar>
      }
      exporter={false}
      empty={false}
    >
      <DataTable bulkActionButtons={false} rowClick={canEdit ? 'edit' : false}>
        <DataTable.Col source="event" field={EventField} />
        <DataTable.Col source="channel" field={ChannelField} />
        <DataTable.Col source="enabled" field={BooleanField} />
        <DataTable.Col source="subject" />
        <DataTable.Col source="body" disableSort />
        <DataTable.Col source="provider_template_code" />
        <DataTable.Col source="updated_at" field={DateTimeField} />
        <DataTable.Col source="updated_by_name" disableSort />
      </DataTable>
    </List>
  );
};
