// 通知发件箱: every message the platform has to send, newest first, with its state; admins send
// a given-up one again. Customer service reads (to answer "did the merchant get told?").
import { useState } from 'react';
import ReplayIcon from '@mui/icons-material/Replay';
import { Alert } from '@mui/material';
import { ColumnsButton, DataTable, List, SelectInput, TopToolbar, useCanAccess, useDataProvider, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { ClipField, LIST_TABLE_SX, ListPagination, useHiddenColumns } from '../common/list';
import { DateTimeField } from '../common/DateTimeField';
import { StateChip } from '../common/StateChip';
import { ActionDialogButton } from '../common/ActionDialogButton';
import { NoteField } from '../common/NoteField';
import type { AppDataProvider } from '../providers/dataProvider';
import { CHANNEL_CHOICES, EVENT_CHOICES, STATE_CHOICES, STATE_COLORS } from './choices';
import { retryNotification } from './api';

const P = 'resources.notification_outbox';

const filters = [
  <SelectInput key="state" source="state" choices={STATE_CHOICES} alwaysOn />,
  <SelectInput key="channel" source="channel" choices={CHANNEL_CHOICES} alwaysOn />,
  <SelectInput key="event" source="event" choices={EVENT_CHOICES} alwaysOn />,
];

const EventField = (props: FieldProps) => <StateChip {...props} source="event" prefix={`${P}.events`} />;
const ChannelField = (props: FieldProps) => <StateChip {...props} source="channel" prefix={`${P}.channels`} />;
const StateField = (props: FieldProps) => <StateChip {...props} source="state" prefix={`${P}.states`} colors={STATE_COLORS} filled />;
const KindField = (props: FieldProps) => <StateChip {...props} source="recipient_kind" prefix={`${P}.recipient_kinds`} />;

const RetryButton = () => {
  const record = useRecordContext<{ id: number; state: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'notification_outbox', action: 'edit' });
  const [note, setNote] = useState('');
  if (!record || record.state !== 'failed' || !canAccess) return null;
  return (
    <ActionDialogButton
      label={`${P}.retry.action`}
      icon={<ReplayIcon />}
      title={`${P}.retry.title`}
      description={`${P}.retry.content`}
      success={`${P}.retry.done`}
      onReset={() => setNote('')}
      onSubmit={() => retryNotification(dataProvider, Number(record.id), note.trim())}
    >
      <NoteField value={note} onChange={setNote} />
    </ActionDialogButton>
  );
};

const HIDDEN = ['recipient_kind', 'city_name'];
const HIDDEN_NARROW = ['next_attempt_at', 'attempts', 'last_error', 'created_at'];

export const OutboxList = () => {
  const translate = useTranslate();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List
      pagination={<ListPagination />}
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <ColumnsButton />
          <ExportMenuButton fileName="notification_outbox" />
        </TopToolbar>
      }
      title={`${P}.name`}
      exporter={false}
      empty={false}
    >
      <Alert severity="info" sx={{ mx: 2, mt: 1 }}>{translate(`${P}.hint`)}</Alert>
      <DataTable bulkActionButtons={false} rowClick={false} sx={LIST_TABLE_SX} hiddenColumns={hidden}>
        <DataTable.Col source="created_at" field={DateTimeField} />
        <DataTable.Col source="event" field={EventField} />
        <DataTable.Col source="recipient_name" disableSort />
        <DataTable.Col source="recipient_kind" field={KindField} />
        <DataTable.Col source="channel" field={ChannelField} />
        <DataTable.Col source="state" field={StateField} />
        <DataTable.Col source="attempts" />
        <DataTable.Col source="next_attempt_at" field={DateTimeField} />
        <DataTable.Col source="last_error" disableSort field={ClipField} />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="id" label=" " disableSort>
          <RetryButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
