import {
  BooleanField,
  ColumnsButton,
  DataTable,
  List,
  NumberField,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { CityInput } from '../common/CityInput';
import { dateRangeInputs } from '../common/filterInputs';
import { ExportMenuButton, type ExportColumn } from '../common/export';
import { LEVEL_CHOICES, STATUS_CHOICES } from './choices';
import { UplineField } from './MemberFields';
import { LevelField, MemberNameField, MemberStatusField } from '../common/memberFields';
import { LIST_TABLE_SX, bigList, useHiddenColumns } from '../common/list';


const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.members.fields.q')} />,
    <SelectInput key="level" source="level" choices={LEVEL_CHOICES} alwaysOn />,
    <SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />,
    <CityInput key="city" alwaysOn />,
    <SelectInput
      key="rights"
      source="has_promotion_rights"
      choices={[
        { id: 'true', name: 'ra.boolean.true' },
        { id: 'false', name: 'ra.boolean.false' },
      ]}
    />,
    ...dateRangeInputs('registered_at', { from: 'resources.members.fields.registered_from', to: 'resources.members.fields.registered_to' }),
  ];
};

const exportColumns = (t: (k: string) => string): ExportColumn[] => {
  const f = (k: string) => t(`resources.members.fields.${k}`);
  return [
    { source: 'seq', label: 'ID', kind: 'number' },
    { source: 'nickname', label: f('nickname') },
    { source: 'phone', label: f('phone') },
    { source: 'level', label: f('level'), value: (r) => t(`resources.members.level.${r.level}`) },
    { source: 'city_name', label: f('city_name') },
    { source: 'registered_at', label: f('registered_at'), kind: 'datetime' },
    { source: 'status', label: f('status'), value: (r) => t(`resources.members.status.${r.status}`) },
    { source: 'points', label: f('points'), kind: 'number' },
    { source: 'has_promotion_rights', label: f('has_promotion_rights'), kind: 'boolean' },
    { source: 'upline_nickname', label: f('upline_nickname') },
    { source: 'direct_downline_count', label: f('direct_downline_count'), kind: 'number' },
    { source: 'rental_reservation_count', label: f('rental_reservation_count'), kind: 'number' },
    { source: 'used_purchase_reservation_count', label: f('used_purchase_reservation_count'), kind: 'number' },
    { source: 'new_purchase_reservation_count', label: f('new_purchase_reservation_count'), kind: 'number' },
  ];
};

const Actions = () => (
  <TopToolbar>
    <ColumnsButton />
    <ExportMenuButton columns={exportColumns} fileName="members" />
  </TopToolbar>
);

/** R-MEM-1: members with level, city, status, points, promotion rights, upline and reservation counts. */
// greyed out (not translucent: the sticky first cell would let the scrolled cells show through)
const BANNED = { '& td': { color: 'text.secondary' } };

const HIDDEN = ['used_purchase_reservation_count', 'new_purchase_reservation_count'];
const HIDDEN_NARROW = ['has_promotion_rights', 'upline_nickname', 'rental_reservation_count', 'points'];

export const MemberList = () => {
  const filters = useFilters();
  const hidden = useHiddenColumns(HIDDEN, HIDDEN_NARROW);
  return (
    <List {...bigList()} filters={filters} sort={{ field: 'registered_at', order: 'DESC' }} actions={<Actions />} perPage={25} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} sx={LIST_TABLE_SX} hiddenColumns={hidden} rowSx={(r) => (r.status === 'banned' ? BANNED : {})}>
        <DataTable.Col source="nickname" field={MemberNameField} />
        <DataTable.Col source="phone" disableSort />
        <DataTable.Col source="level" field={LevelField} />
        <DataTable.Col source="city_name" disableSort />
        <DataTable.Col source="registered_at" field={DateTimeField} />
        <DataTable.Col source="status" field={MemberStatusField} />
        <DataTable.NumberCol source="points" />
        <DataTable.Col source="has_promotion_rights" field={BooleanField} />
        <DataTable.Col source="upline_nickname" field={UplineField} disableSort />
        <DataTable.Col source="rental_reservation_count" disableSort>
          <NumberField source="rental_reservation_count" />
        </DataTable.Col>
        <DataTable.Col source="used_purchase_reservation_count" disableSort>
          <NumberField source="used_purchase_reservation_count" />
        </DataTable.Col>
        <DataTable.Col source="new_purchase_reservation_count" disableSort>
          <NumberField source="new_purchase_reservation_count" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
