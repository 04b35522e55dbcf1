import { ColumnsButton, DataTable, List, SelectInput, TopToolbar, type GetListResult } from 'react-admin';
import { ExportMenuButton } from '../common/export';
import { DateTimeField } from '../common/DateTimeField';
import { LIST_TABLE_SX, ListPagination, bigList, useHiddenColumns } from '../common/list';
import { JOB_KIND_CHOICES, JOB_STATE_CHOICES, isOpen } from './choices';
import { DurationField, JobKindField, JobStateField, ProgressField, StartedByField } from './JobFields';

const filters = [
  <SelectInput key="kind" source="kind" choices={JOB_KIND_CHOICES} alwaysOn />,
  <SelectInput key="state" source="state" choices={JOB_STATE_CHOICES} alwaysOn />,
];

/** Polled every two seconds while a run on the page is still going. */
const refetchWhileRunning = (query: { state: { data?: GetListResult } }) =>
  query.state.data?.data?.some((r) => isOpen(r.state)) ? 2_000 : false;

const HIDDEN: string[] = [];
// a tablet keeps what says whether a run is done
const HIDDEN_NARROW = ['rows', 'duration_ms'];

export const JobList = () => (
  <List
    {...bigList()}
    pagination={<ListPagination />}
    filters={filters}
    sort={{ field: 'created_at', order: 'DESC' }}
    perPage={25}
    queryOptions={{ refetchInterval: refetchWhileRunning }}
    actions={
      <TopToolbar>
        <ColumnsButton />
        <ExportMenuButton fileName="jobs" columns={(t) => [
          { source: 'created_at', label: t('resources.jobs.fields.created_at'), kind: 'datetime' },
          { source: 'kind', label: t('resources.jobs.fields.kind'), value: (r) => t(`resources.jobs.kinds.${String(r.kind)}`) },
          { source: 'state', label: t('resources.jobs.fields.state'), value: (r) => t(`resources.jobs.states.${String(r.state)}`) },
          { source: 'started_by_name', label: t('resources.jobs.fields.started_by_name') },
          { source: 'rows', label: t('resources.jobs.fields.rows'), kind: 'number' },
          { source: 'finished_at', label: t('resources.jobs.fields.finished_at'), kind: 'datetime' },
          { source: 'error', label: t('resources.jobs.fields.error') },
          { source: 'id', label: 'ID' },
        ]} />
      </TopToolbar>
    }
    exporter={false}
    empty={false}
  >
    <JobTable />
  </List>
);

const JobTable = () => (
    <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={useHiddenColumns(HIDDEN, HIDDEN_NARROW)}>
      <DataTable.Col source="created_at" field={DateTimeField} />
      <DataTable.Col source="kind" field={JobKindField} />
      <DataTable.Col source="state" field={JobStateField} />
      <DataTable.Col source="started_by_name" field={StartedByField} disableSort />
      <DataTable.Col source="progress" field={ProgressField} disableSort />
      <DataTable.Col source="rows" />
      <DataTable.Col source="duration_ms" field={DurationField} disableSort />
    </DataTable>
);
